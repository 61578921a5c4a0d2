// Where a range of a decoded `properties` string is in the file, in every quoting and block
// style: each key and value of the inner JSON maps to exactly the characters that write it.
import * as assert from 'node:assert/strict';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { datasetSchemaOf, propertyKeyAt, validate } from '../../../src/core';
import { decodedToSource } from '../../../src/core/rules/string-offsets';
import { STYLED_FILES, STYLED_PROPERTIES } from '../../support/properties-styles';
import { ARN, covered, propertiesNode } from './helpers';

/** Each token of a JSON text: its text and decoded offsets. */
function tokens(json: string): { text: string; start: number; end: number }[] {
  const scanner = createScanner(json, true);
  const found: { text: string; start: number; end: number }[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    found.push({
      text: json.slice(start, start + scanner.getTokenLength()),
      start,
      end: start + scanner.getTokenLength(),
    });
  }
  return found;
}

describe('core: decoded offsets of properties in the source', () => {
  for (const file of STYLED_FILES) {
    it(`every token of the inner JSON, exactly: ${file.name}`, () => {
      const node = propertiesNode(file.text, file.format);
      assert.deepEqual(JSON.parse(node.value), STYLED_PROPERTIES, 'the style holds the object');
      const found = tokens(node.value);
      assert.equal(found.length, 17);
      for (const token of found) {
        const { start, end } = decodedToSource(file.text, node, token.start, token.end);
        assert.equal(file.text.slice(start, end), file.encode(token.text), `${token.text} at ${token.start}`);
      }
    });

    it(`the key under the cursor: ${file.name}`, () => {
      const node = propertiesNode(file.text, file.format);
      for (const key of Object.keys(STYLED_PROPERTIES)) {
        const at = file.text.indexOf(key, node.start);
        for (const offset of [at - 1, at, at + key.length, at + key.length + 1])
          assert.equal(propertyKeyAt(file.text, node, offset), key, `${key} at ${offset - at}`);
      }
      const value = file.text.indexOf('gold', node.start);
      assert.equal(propertyKeyAt(file.text, node, value), undefined, 'a value is no key');
    });

    it(`schema findings on the key or value as written: ${file.name}`, () => {
      const schema = datasetSchemaOf([
        { name: 'AGE', key: 'age', type: 'int', nullable: false, categorical: false },
        { name: 'TIER', key: 'tier', type: 'int', nullable: false, categorical: false },
        { name: 'SCORES', key: 'scores', type: 'double', nullable: true, categorical: false },
      ]);
      const found = validate(file.text, file.format, { datasetSchema: schema })
        .filter((f) => f.code.startsWith('schema/') && f.code !== 'schema/missing-field') // u2 has none
        .map((f) => `${f.code} ${covered(file.text, f)}`);
      assert.deepEqual(found, [
        `schema/wrong-type ${file.encode('"it\'s \\"gold\\""')}`,
        `schema/unknown-key ${file.encode('"newsletter"')}`,
        `schema/unknown-key ${file.encode('"score"')}`,
      ]);
    });
  }

  it('a plain scalar over several lines, and the end of the value', () => {
    const text = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: not\n    json  at\n\n    all\n`;
    const node = propertiesNode(text, 'yaml');
    assert.equal(node.value, 'not json  at\nall');
    for (const word of ['not', 'json', 'at', 'all']) {
      const d = node.value.indexOf(word);
      const { start, end } = decodedToSource(text, node, d, d + word.length);
      assert.equal(text.slice(start, end), word);
    }
    const { start } = decodedToSource(text, node, node.value.length, node.value.length);
    assert.equal(start, text.indexOf('all') + 3, 'one past the end is after the last character');
  });

  it('escapes of every width in one double-quoted line, and a line break escaped', () => {
    const text = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: "\\x41\\u00e9\\U0001F600\\t\\\n    b"\n`;
    const node = propertiesNode(text, 'yaml');
    assert.equal(node.value, 'Aé😀\tb');
    const slice = (from: number, to: number) => {
      const { start, end } = decodedToSource(text, node, from, to);
      return text.slice(start, end);
    };
    assert.equal(slice(0, 1), '\\x41');
    assert.equal(slice(1, 2), '\\u00e9');
    assert.equal(slice(2, 4), '\\U0001F600');
    assert.equal(slice(4, 5), '\\t');
    assert.equal(slice(5, 6), 'b');
  });
});
