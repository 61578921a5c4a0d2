// The editor's view of an input's shape, in plain Node: folds, the outline, the Send lens's facts
// and the property keys completions offer, in JSON and YAML styles, with aliases and at the caps.
import * as assert from 'node:assert/strict';
import { analyzeDocument, type Format, MAX_FOLDS, MAX_OUTLINE_USERS, type OutlineSymbol } from '../../../src/core';
import { ARN } from './helpers';

const names = (symbols: OutlineSymbol[]): unknown[] =>
  symbols.map((s) => (s.children.length ? [s.name, s.detail, names(s.children)] : [s.name, s.detail]));

const JSON_INPUT = `{
  "datasetArn": "${ARN}",
  "users": [
    {
      "userId": "u1",
      "properties": "{\\"age\\": \\"30\\", \\"tier\\": \\"gold\\"}"
    },
    { "userId": "", "properties": "{\\"age\\": \\"41\\"}" }
  ]
}
`;

const YAML_COMPACT = `datasetArn: ${ARN}
users:
- userId: u1
  properties: '{"age": "30", "tier": "gold"}'
- userId: ''
  properties: >-
    {"age": "41"}
`;

const YAML_FLOW = `{datasetArn: ${ARN}, users: [{userId: u1, properties: '{"age": "30", "tier": "gold"}'},
  {userId: '', properties: '{"age": "41"}'}]}
`;

describe('core: outline (folds, symbols, lens, property keys)', () => {
  const cases: [string, string, Format][] = [
    ['JSON', JSON_INPUT, 'json'],
    ['YAML, block style with items at the key’s column', YAML_COMPACT, 'yaml'],
    ['YAML, flow style', YAML_FLOW, 'yaml'],
  ];
  for (const [style, text, format] of cases)
    it(`names users by userId, their index beside, and lists their properties' keys (${style})`, () => {
      const { symbols, sendLens, propertyKeys } = analyzeDocument(text, format);
      assert.deepEqual(names(symbols), [
        ['datasetArn', ARN],
        [
          'users',
          '2 users',
          [
            ['u1', 'users[0]', [['properties', 'age, tier']]],
            ['users[1]', '', [['properties', 'age']]],
          ],
        ],
      ]);
      assert.equal(sendLens?.userCount, 2);
      assert.equal(sendLens?.datasetArn, ARN);
      assert.deepEqual(sendLens?.at, {
        line: text.split('\n').findIndex((l) => /users/.test(l)),
        character: text
          .split('\n')
          .find((l) => /users/.test(l))!
          .search(/"?users/),
      });
      assert.deepEqual(propertyKeys, [
        { key: 'age', users: 2, firstUser: 0 },
        { key: 'tier', users: 1, firstUser: 0 },
      ]);
    });

  it('folds members, users and their members; a closing bracket stays in sight (JSON)', () => {
    assert.deepEqual(analyzeDocument(JSON_INPUT, 'json').folds, [
      { start: 2, end: 7 }, // "users": [ … ] (the "]" line shown)
      { start: 3, end: 5 }, // the first user, "}" shown
    ]);
  });

  it('folds users: whose items start at its column, each user and a block scalar (YAML)', () => {
    assert.deepEqual(analyzeDocument(YAML_COMPACT, 'yaml').folds, [
      { start: 1, end: 6 }, // users:
      { start: 2, end: 3 }, // - userId: u1 …
      { start: 4, end: 6 }, // - userId: '' …
      { start: 5, end: 6 }, // properties: >-
    ]);
  });

  it('folds no alias where it is used: its node lies elsewhere', () => {
    const text = `datasetArn: ${ARN}\nx: &u\n  userId: u1\n  properties: '{}'\nusers:\n- *u\n- userId: u2\n  properties: '{}'\n`;
    const { folds, symbols } = analyzeDocument(text, 'yaml');
    assert.deepEqual(folds, [
      { start: 1, end: 3 },
      { start: 4, end: 7 },
      { start: 6, end: 7 },
    ]);
    assert.deepEqual(
      symbols[2]!.children.map((s) => s.name),
      ['u1', 'u2'],
    );
  });

  it('has nothing to show for a document that is not a mapping or does not parse', () => {
    for (const [text, format] of [
      ['[1, 2]', 'json'],
      ['{"users": [', 'json'],
      ['- a\n- b\n', 'yaml'],
      ['', 'yaml'],
    ] as [string, Format][]) {
      const { folds, symbols, sendLens, propertyKeys } = analyzeDocument(text, format);
      assert.deepEqual(
        { folds, symbols, sendLens, propertyKeys },
        { folds: [], symbols: [], sendLens: undefined, propertyKeys: [] },
        text,
      );
    }
  });

  it(`lists at most ${MAX_OUTLINE_USERS} users and computes at most ${MAX_FOLDS} folds`, () => {
    const users = Array.from({ length: 3000 }, (_, i) => `- userId: u${i}\n  properties: >-\n    {"a": "1"}`);
    const { symbols, folds, sendLens, propertyKeys } = analyzeDocument(
      `datasetArn: ${ARN}\nusers:\n${users.join('\n')}\n`,
      'yaml',
    );
    assert.equal(symbols[1]!.detail, `3,000 users (the first 2,000 listed)`);
    assert.equal(symbols[1]!.children.length, MAX_OUTLINE_USERS);
    assert.equal(folds.length, MAX_FOLDS);
    assert.equal(sendLens?.userCount, 3000);
    assert.deepEqual(propertyKeys, [{ key: 'a', users: 3000, firstUser: 0 }]);
  });

  it('reports the findings of the file as the AWS CLI reads it: with the byte-order mark VS Code hides', () => {
    const text = `{"datasetArn": "${ARN}", "users": [{"userId": "u1"}]}`;
    assert.deepEqual(analyzeDocument(text, 'json').findings, []);
    const withMark = analyzeDocument(text, 'json', true);
    assert.deepEqual(
      withMark.findings.map((f) => f.code),
      ['cli/invalid-json'],
    );
    assert.deepEqual(names(withMark.symbols)[0], ['datasetArn', ARN], 'the outline is of the text shown');
  });
});
