// Completions at a value inside `properties`, and keys inside YAML block scalars: each proposal
// applied in every style writes exactly the value it offers (escaped as the literal needs), and
// the values offered are those that fit the key's field, most used first.
import * as assert from 'node:assert/strict';
import {
  addPropertyValues,
  analyzeDocument,
  completionContext,
  completionProposals,
  expandSnippet,
  type Format,
  parseDocument,
  type PropertyValues,
  type SchemaField,
  usedValuesOf,
  valuesOfOtherUsers,
} from '../../../src/core';
import { STYLED_FILES, STYLED_PROPERTIES } from '../../support/properties-styles';
import { ARN } from '../../support/values';
import { propertiesNode } from './helpers';

const FIELDS: SchemaField[] = [
  { name: 'AGE', key: 'age', type: 'int', nullable: false, categorical: false },
  { name: 'TIER', key: 'tier', type: 'string', nullable: false, categorical: true },
  { name: 'NEWSLETTER', key: 'newsletter', type: 'boolean', nullable: true, categorical: false },
  { name: 'SCORE', key: 'score', type: 'double', nullable: true, categorical: false },
];

const USED = ['"gold"', '"it\'s \\"q\\" $1 }"', '"a|b"', '"\u2028é"', '"41"', '42', '2.5', 'true'].map(
  (literal, i) => ({ literal, uses: 10 - i }),
);
/** What each proposal's label stands for: a string value is labelled as itself, others by their literal. */
const OFFERED = new Map<string, unknown>([
  ...USED.map(({ literal }): [string, unknown] => {
    const value: unknown = JSON.parse(literal);
    return [typeof value === 'string' ? value : literal, value];
  }),
  ['false', false],
  ['a', 'a'],
  ['b', 'b'],
]);

function proposalsAt(text: string, format: Format, offset: number, schemaFields?: SchemaField[]) {
  const context = completionContext(text, offset, format);
  if (context?.kind !== 'properties' || context.cursor.kind !== 'value') return undefined;
  const proposals = completionProposals(context, format, {
    datasetArns: [],
    propertyKeys: [],
    schemaFields,
    usedValues: USED,
  });
  return { key: context.cursor.key, proposals };
}

const apply = (text: string, p: { start: number; end: number; snippet: string }) =>
  text.slice(0, p.start) + expandSnippet(p.snippet) + text.slice(p.end);

describe('core: value completions inside properties', () => {
  for (const file of STYLED_FILES) {
    it(`each value, replaced by each value offered, in the file's characters: ${file.name}`, () => {
      const node = propertiesNode(file.text, file.format);
      for (const [key, value] of Object.entries(STYLED_PROPERTIES)) {
        const written = file.encode(JSON.stringify(value));
        const at = file.text.indexOf(`${file.encode('"' + key + '"')}: ${written}`, node.start);
        assert.ok(at > 0, `${key} is written as ${written}`);
        const valueAt = at + file.encode(`"${key}": `).length;
        // Before the value, in it, at its end: the whole value is replaced.
        const quote = typeof value === 'string' ? file.encode('"').length : 1;
        for (const offset of [valueAt - 1, valueAt, valueAt + quote, valueAt + written.length - quote]) {
          const found = proposalsAt(file.text, file.format, offset, FIELDS);
          assert.equal(found?.key, key, `${key} at ${offset - valueAt}`);
          assert.ok(found.proposals.length > 0);
          for (const p of found.proposals) {
            const after = apply(file.text, p);
            const decoded = JSON.parse(propertiesNode(after, file.format).value) as Record<string, unknown>;
            assert.ok(OFFERED.has(p.label), p.label);
            assert.deepEqual(
              decoded,
              { ...STYLED_PROPERTIES, [key]: OFFERED.get(p.label) },
              `${p.label} at ${key}:\n${after}`,
            );
          }
        }
      }
    });
  }

  it('offers what fits the field: true and false first for a boolean, numbers and numeric strings for a number, categories', () => {
    const file = STYLED_FILES.find((f) => f.style === 'literal')!;
    const labels = (key: string, fields?: SchemaField[]) => {
      const at = file.text.indexOf(`"${key}": `) + key.length + 4;
      return proposalsAt(file.text, file.format, at, fields)!.proposals.map((p) => p.label);
    };
    assert.deepEqual(labels('newsletter', FIELDS), ['true', 'false']);
    assert.deepEqual(labels('age', FIELDS), ['41', '42']);
    assert.deepEqual(labels('score', FIELDS), ['41', '42', '2.5']);
    assert.deepEqual(labels('tier', FIELDS), ['gold', 'it\'s "q" $1 }', 'a|b', 'a', 'b', '\u2028é', '41']);
    // Without a schema, every value used.
    assert.equal(labels('tier').length, USED.length);
  });

  it('writes characters YAML reads as line breaks as JSON escapes', () => {
    for (const file of STYLED_FILES.filter((f) => f.format === 'yaml')) {
      const at = file.text.indexOf('gold');
      const found = proposalsAt(file.text, file.format, at, FIELDS)!;
      const p = found.proposals.find((x) => x.label === '\u2028é')!;
      assert.ok(!/[\u2028\x85]/.test(expandSnippet(p.snippet)), file.name);
      assert.match(expandSnippet(p.snippet), /u2028é/, file.name);
    }
  });

  it('offers nothing in a block scalar where text would end it or change its indentation', () => {
    const file = STYLED_FILES.find((f) => f.style === 'literal')!;
    const second = file.text.indexOf('"tier"');
    const lineStart = file.text.lastIndexOf('\n', second) + 1;
    for (let offset = lineStart; offset < second; offset++)
      assert.equal(completionContext(file.text, offset, 'yaml'), undefined, `column ${offset - lineStart}`);
    assert.equal(completionContext(file.text, second + 1, 'yaml')?.kind, 'properties', 'inside the key');
  });

  it('in an empty block scalar, an object at the cursor', () => {
    const text = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: |\n    \n- userId: u2\n`;
    const offset = text.indexOf('    \n') + 4;
    const context = completionContext(text, offset, 'yaml');
    assert.ok(context?.kind === 'properties' && context.cursor.kind === 'object');
    const [p] = completionProposals(context, 'yaml', { datasetArns: [], propertyKeys: ['age'] });
    const after = apply(text, p!);
    assert.deepEqual(JSON.parse(propertiesNode(after, 'yaml').value), { age: '' });
    assert.equal(completionContext(text, offset - 3, 'yaml'), undefined, 'not at the key’s column');
  });

  it('a key in a folded block: inside its quotes the name only', () => {
    const file = STYLED_FILES.find((f) => f.style === 'folded')!;
    const offset = file.text.indexOf('"tier"') + 2;
    const context = completionContext(file.text, offset, 'yaml');
    assert.ok(context?.kind === 'properties' && context.cursor.kind === 'in-key');
    const p = completionProposals(context, 'yaml', { datasetArns: [], propertyKeys: ['membership"Tier'] })[0]!;
    const decoded = JSON.parse(propertiesNode(apply(file.text, p), 'yaml').value) as Record<string, unknown>;
    assert.deepEqual(Object.keys(decoded), ['age', 'membership"Tier', 'newsletter', 'score']);
  });
});

describe('core: the values users give each properties key', () => {
  const yaml = (...properties: string[]) =>
    `datasetArn: ${ARN}\nusers:\n${properties.map((p, i) => `- userId: u${i}\n  properties: '${p}'\n`).join('')}`;

  it('counts each value per key, leaves out one user, nested values, empty and long strings, and what is no JSON', () => {
    const text = yaml(
      '{"tier": "gold", "age": 30}',
      '{"tier": "gold", "vip": true, "nested": {"a": 1}, "empty": ""}',
      '{"tier": "silver", "long": "' + 'x'.repeat(201) + '"}',
      'not json',
    );
    const values: PropertyValues = new Map();
    addPropertyValues(parseDocument(text, 'yaml').root, values);
    assert.deepEqual(usedValuesOf('tier', values), [
      { literal: '"gold"', uses: 2 },
      { literal: '"silver"', uses: 1 },
    ]);
    assert.deepEqual(usedValuesOf('age', values), [{ literal: '30', uses: 1 }]);
    assert.deepEqual(usedValuesOf('vip', values), [{ literal: 'true', uses: 1 }]);
    for (const key of ['nested', 'empty', 'long']) assert.deepEqual(usedValuesOf(key, values), [], key);
    const others: PropertyValues = new Map();
    addPropertyValues(parseDocument(text, 'yaml').root, others, 2);
    assert.deepEqual(usedValuesOf('tier', others, values), [
      { literal: '"gold"', uses: 4 },
      { literal: '"silver"', uses: 1 },
    ]);
  });

  it('keeps at most 200 values of a key', () => {
    const text = yaml(...Array.from({ length: 250 }, (_, i) => `{"n": ${i}}`));
    const values: PropertyValues = new Map();
    addPropertyValues(parseDocument(text, 'yaml').root, values);
    assert.equal(usedValuesOf('n', values).length, 200);
    assert.equal(analyzeDocument(text, 'yaml').propertyValues.length, 200, 'the analysis keeps as many');
  });

  it("the analysis's values (what the editor offers from the worker) count as the tree's do, the user at the cursor left out", () => {
    const text = yaml(
      '{"tier": "gold", "age": 30}',
      '{"tier": "silver", "vip": true, "nested": {"a": 1}, "empty": ""}',
      '{"tier": "gold", "long": "' + 'x'.repeat(201) + '"}',
      'not json',
      '{"tier": "bronze"}',
    );
    const root = parseDocument(text, 'yaml').root;
    const { propertyValues } = analyzeDocument(text, 'yaml');
    // Each user is the first with a value of its own, or shares none with an earlier one.
    for (const user of [0, 1, 3, 4]) {
      const fromTree: PropertyValues = new Map();
      addPropertyValues(root, fromTree, user);
      const fromAnalysis = valuesOfOtherUsers(propertyValues, user);
      for (const key of ['tier', 'age', 'vip', 'nested', 'empty', 'long'])
        assert.deepEqual(usedValuesOf(key, fromAnalysis), usedValuesOf(key, fromTree), `user ${user}, ${key}`);
    }
  });
});
