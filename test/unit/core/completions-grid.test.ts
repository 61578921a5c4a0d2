// Every completion leaves a file that parsed still parsing, and a properties string that held a
// JSON object still holding one: checked at every offset of realistic files in JSON and YAML, in
// every quoting style, by applying each proposal as the editor would (placeholders at their
// defaults). The editor suite checks the real provider on a sample of the same positions.
import * as assert from 'node:assert/strict';
import {
  completionContext,
  completionProposals,
  createJsonCursorMemo,
  expandSnippet,
  type SchemaField,
  type UsedValue,
  type FindingCode,
  type Format,
  parseDocument,
  validate,
} from '../../../src/core';
import { COMPLETION_FILES, PROPERTY_KEYS } from '../../support/completion-files';
import { STYLED_FILES } from '../../support/properties-styles';
import { ARN } from '../../support/values';

/**
 * What a completion must never bring into a file: a syntax error; a properties string that is no
 * longer JSON (except by renaming another key to `properties`, which is the user's choice).
 */
/** A field of each type the service takes, and the keys the files use, typed. */
const SCHEMA_FIELDS: SchemaField[] = [
  ...(['string', 'int', 'long', 'float', 'double', 'boolean'] as const).map((type) => ({
    name: `${type.toUpperCase()}_FIELD`,
    key: `${type}Field`,
    type,
    nullable: false,
    categorical: type === 'string',
  })),
  { name: 'AGE', key: 'age', type: 'int', nullable: false, categorical: false },
  { name: 'TIER', key: 'tier', type: 'string', nullable: false, categorical: true },
  { name: 'MEMBERSHIP_TIER', key: 'membershipTier', type: 'string', nullable: true, categorical: true },
  { name: 'NEWSLETTER', key: 'newsletter', type: 'boolean', nullable: true, categorical: false },
  { name: 'SCORE', key: 'score', type: 'double', nullable: true, categorical: false },
];

/** Values other users have: every character an encoding must escape, numbers, booleans, categories. */
const USED_VALUES: UsedValue[] = [
  '"gold"',
  '"it\'s \\"q\\""',
  '"a|b||c"',
  '"back\\\\slash $1 ${2} }"',
  '"line\\nbreak\\ttab"',
  '"\u2028\u0085\ufeff é 😀"',
  '"30"',
  '30',
  '-1.5e3',
  'true',
  'false',
].map((literal, i) => ({ literal, uses: 20 - i }));

const SYNTAX: readonly FindingCode[] = ['cli/invalid-json', 'cli/invalid-yaml'];
const BREAKS: readonly FindingCode[] = [...SYNTAX, 'service/properties-not-json'];
const breaks = (text: string, format: Format, codes = BREAKS) =>
  new Set(validate(text, format).flatMap((f) => (codes.includes(f.code) ? [`${f.code}@${f.range.start.line}`] : [])));

describe('completions keep the file valid (every offset, every proposal)', () => {
  for (const { name, format, text } of [...COMPLETION_FILES, ...STYLED_FILES]) {
    it(`${name} (${format})`, () => {
      assert.equal(parseDocument(text, format).error, undefined, 'the file parses to begin with');
      assert.equal(breaks(text, format).size, 0);
      const memo = createJsonCursorMemo();
      const kinds = new Set<string>();
      let applied = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const context = completionContext(text, offset, format, format === 'json' ? memo : undefined);
        if (!context) continue;
        const proposals = [
          ...completionProposals(context, format, {
            datasetArns: [ARN.replace('demo', 'other')],
            propertyKeys: PROPERTY_KEYS,
            usedValues: USED_VALUES,
          }),
          // With a dataset schema: its fields, each with a value of its type; at values, those that fit.
          ...(context.kind === 'properties'
            ? completionProposals(context, format, {
                datasetArns: [],
                propertyKeys: [],
                schemaFields: SCHEMA_FIELDS,
                usedValues: USED_VALUES,
              })
            : []),
        ];
        for (const p of proposals) {
          const after = text.slice(0, p.start) + expandSnippet(p.snippet) + text.slice(p.end);
          const renames: boolean = context.kind === 'key' && context.keyOnly;
          const broken: string[] = [...breaks(after, format, renames ? SYNTAX : BREAKS)];
          assert.deepEqual(
            broken,
            [],
            `${p.kind} "${p.label}" at offset ${offset} (${JSON.stringify(text.slice(Math.max(0, offset - 20), offset))}|${JSON.stringify(text.slice(offset, offset + 20))}) breaks the file:\n${after}`,
          );
          kinds.add(p.kind);
          applied++;
        }
      }
      // Not vacuous: every kind of proposal was made and applied somewhere in the file.
      assert.deepEqual(
        [...kinds].sort(),
        ['arn', 'arn-template', 'member', 'property-key', 'property-value'],
        `${applied} applied`,
      );
    });
  }
});

describe('completion edits, exactly', () => {
  const edit = (format: Format, marked: string, label: string) => {
    const offset = marked.indexOf('|');
    const text = marked.replace('|', '');
    const context = completionContext(text, offset, format);
    assert.ok(context, `a context at ${marked}`);
    const p = completionProposals(context, format, { datasetArns: [ARN], propertyKeys: PROPERTY_KEYS }).find(
      (x) => x.label === label,
    );
    assert.ok(p, `${label} is proposed at ${marked}`);
    return text.slice(0, p.start) + expandSnippet(p.snippet) + text.slice(p.end);
  };

  it('JSON: an ARN inside the quotes, before them, or typed bare replaces the whole value', () => {
    for (const marked of [
      '{"datasetArn": "|"}',
      '{"datasetArn": "ar|n"}',
      '{"datasetArn": |""}',
      '{"datasetArn": arn|}',
    ])
      assert.equal(edit('json', marked, ARN), `{"datasetArn": "${ARN}"}`, marked);
  });

  it('JSON: a key before a colon is replaced alone; before another member, a comma follows', () => {
    assert.equal(edit('json', '{"users": [{"us|": "u1"}]}', 'userId'), '{"users": [{"userId": "u1"}]}');
    assert.equal(
      edit('json', '{"users": [{| "userId": "u1"}]}', 'properties'),
      '{"users": [{"properties": "{\\"key\\": \\"value\\"}", "userId": "u1"}]}',
    );
  });

  it('YAML: a key in the middle of a word, a value after a colon with no space', () => {
    assert.equal(edit('yaml', 'users:\n- us|erId: u1\n', 'userId'), 'users:\n- userId: u1\n');
    assert.equal(edit('yaml', `datasetArn:|\n`, ARN), `datasetArn: ${ARN}\n`);
    assert.equal(edit('yaml', `datasetArn: '|x'  # mine\n`, ARN), `datasetArn: ${ARN}  # mine\n`);
  });

  it('properties keys: inside the inner quotes the name only, outside a whole member, in each literal style', () => {
    assert.equal(
      edit('yaml', `users:\n- userId: u1\n  properties: '{"a|": "1"}'\n`, 'age'),
      `users:\n- userId: u1\n  properties: '{"age": "1"}'\n`,
    );
    assert.equal(
      edit('yaml', `users:\n- userId: u1\n  properties: '{"key": "1", |}'\n`, "it's"),
      `users:\n- userId: u1\n  properties: '{"key": "1", "it''s": ""}'\n`,
    );
    assert.equal(
      edit('yaml', `users:\n- userId: u1\n  properties: "{\\"k|\\": 1}"\n`, 'quote"d'),
      `users:\n- userId: u1\n  properties: "{\\"quote\\\\\\"d\\": 1}"\n`,
    );
    assert.equal(
      edit('yaml', `users:\n- userId: u1\n  properties:|\n`, 'age'),
      `users:\n- userId: u1\n  properties: '{"age": ""}'\n`,
    );
    assert.equal(
      edit('json', `{"users": [{"userId": "u1", "properties": "{| \\"a\\": \\"1\\"}"}]}`, 'age'),
      `{"users": [{"userId": "u1", "properties": "{\\"age\\": \\"\\",  \\"a\\": \\"1\\"}"}]}`,
    );
    assert.equal(
      edit('json', `{"users": [{"userId": "u1", "properties": "|"}]}`, 'age'),
      `{"users": [{"userId": "u1", "properties": "{\\"age\\": \\"\\"}"}]}`,
    );
  });
});
