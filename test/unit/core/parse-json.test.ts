import * as assert from 'node:assert/strict';
import { parseDocument, pyStr } from '../../../src/core';
import { at, covered, findings } from './helpers';

const invalidJson = "Error parsing parameter 'cli-input-json': Invalid JSON received.";

function parseError(text: string) {
  const all = findings(text);
  assert.equal(all.length, 1, JSON.stringify(all));
  assert.equal(all[0]!.code, 'cli/invalid-json');
  assert.equal(all[0]!.awsCli, invalidJson);
  return all[0]!;
}

describe('JSON as the AWS CLI reads it', () => {
  it('rejects comments, trailing commas, an empty file and a BOM, each located', () => {
    const comment = '{\n  // note\n  "a": 1\n}';
    let f = parseError(comment);
    assert.equal(at(f), '1:2-1:9');
    assert.match(f.message, /Comments are not allowed/);

    f = parseError('{"users": [1, 2,]}');
    assert.equal(covered('{"users": [1, 2,]}', f), ']');
    assert.match(f.message, /Trailing comma/);

    f = parseError('{"a": 1,\n}');
    assert.equal(at(f), '1:0-1:1');
    assert.match(f.message, /Trailing comma/);

    f = parseError('');
    assert.match(f.message, /empty/);
    f = parseError('  \n ');
    assert.match(f.message, /empty/);

    f = parseError('\ufeff{}');
    assert.equal(at(f), '0:0-0:1');
    assert.match(f.message, /byte-order mark/);
  });

  it('rejects what Python json rejects', () => {
    for (const bad of [
      "{'a': 1}",
      '{a: 1}',
      '{"a": 01}',
      '{"a": .5}',
      '{"a": +1}',
      '{"a": "x\ty"}',
      '{"a": "\\x"}',
      '{"a": tru}',
      '{"a": 1} {}',
      '{"a": 1',
      '{"a" 1}',
      '[1 2]',
      '{"a": 1}\u00a0',
      '{"a": - Infinity}',
      '{"a": 1.}',
    ]) {
      parseError(bad);
    }
  });

  it('reads NaN, Infinity, big ints and floats as Python does', () => {
    const parsed = parseDocument(
      '{"a": NaN, "b": -Infinity, "c": 123456789012345678901234567890, "d": 1.0, "e": 1e2, "f": -0.0, "g": 1E400}',
      'json',
    );
    assert.ok(parsed.root);
    assert.equal(
      pyStr(parsed.root),
      "{'a': nan, 'b': -inf, 'c': 123456789012345678901234567890, 'd': 1.0, 'e': 100.0, 'f': -0.0, 'g': inf}",
    );
  });

  it("stops where Python's json does: 978 containers deep, integers over 4300 digits", () => {
    const deep = (n: number) => `{"datasetArn": "a", "users": ${'['.repeat(n)}${']'.repeat(n)}}`;
    assert.notEqual(findings(deep(976))[0]!.code, 'cli/crash');
    const [f] = findings(deep(977));
    assert.equal(f!.code, 'cli/crash');
    assert.equal(f!.awsCli, 'maximum recursion depth exceeded while decoding a JSON array from a unicode string');
    assert.equal(parseError(`{"a": ${'9'.repeat(4301)}}`).awsCli, invalidJson);
    assert.equal(findings(`{"a": ${'9'.repeat(4300)}}`)[0]!.code, 'cli/missing-member');
  });

  it('keeps the last of duplicated keys in the first place', () => {
    const parsed = parseDocument('{"a": 1, "b": 2, "a": 3}', 'json');
    assert.equal(pyStr(parsed.root!), "{'a': 3, 'b': 2}");
  });

  it('accepts lone surrogate escapes and decodes escapes', () => {
    const parsed = parseDocument('{"a": "\\ud800 \\u00e9 \\n \\/"}', 'json');
    assert.equal(pyStr(parsed.root!), "{'a': '\\ud800 é \\n /'}");
  });

  it('says where the top level is not an object', () => {
    for (const [text, type] of [
      ['[1]', 'list'],
      ['"s"', 'str'],
      ['1', 'int'],
      ['null', 'NoneType'],
      ['1.5', 'float'],
      ['true', 'bool'],
    ]) {
      const all = findings(text!);
      assert.equal(all.length, 1);
      assert.equal(all[0]!.code, 'cli/not-a-map');
      assert.equal(
        all[0]!.awsCli,
        `Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class '${type}'>`,
      );
      assert.equal(all[0]!.range.start.character, 0);
    }
  });
});
