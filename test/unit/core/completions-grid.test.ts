// Every completion leaves a file that parsed still parsing, and a properties string that held a
// JSON object still holding one: checked at every offset of realistic files in JSON and YAML, in
// every quoting style, by applying each proposal as the editor would (placeholders at their
// defaults). The editor suite checks the real provider on a sample of the same positions.
import * as assert from 'node:assert/strict';
import {
  completionContext,
  type CompletionProposal,
  completionProposals,
  createJsonCursorMemo,
  expandSnippet,
  type SchemaField,
  type UsedValue,
  type FindingCode,
  type Format,
  parseDocument,
  snippetProposals,
  snippetSpot,
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

/** A proposal applied as the editor applies it (placeholders at their defaults, a comma before it if it brings one). */
function applyProposal(text: string, p: CompletionProposal): string {
  const edited = text.slice(0, p.start) + expandSnippet(p.snippet) + text.slice(p.end);
  return p.commaAt === undefined ? edited : edited.slice(0, p.commaAt) + ',' + edited.slice(p.commaAt);
}

const around = (text: string, offset: number) =>
  `${JSON.stringify(text.slice(Math.max(0, offset - 20), offset))}|${JSON.stringify(text.slice(offset, offset + 20))}`;

/** How many error findings of each code a text has. */
function errorCounts(text: string, format: Format): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of validate(text, format)) if (f.severity === 'error') counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return counts;
}

const SYNTAX: readonly FindingCode[] = ['cli/invalid-json', 'cli/invalid-yaml'];
const BREAKS: readonly FindingCode[] = [...SYNTAX, 'service/properties-not-json'];
const breaks = (text: string, format: Format, codes = BREAKS) =>
  new Set(validate(text, format).flatMap((f) => (codes.includes(f.code) ? [`${f.code}@${f.range.start.line}`] : [])));

describe('completions keep the file valid (every offset, every proposal)', () => {
  const filesWithUserSnippets = new Set<string>();
  for (const { name, format, text } of [...COMPLETION_FILES, ...STYLED_FILES]) {
    it(`${name} (${format})`, () => {
      assert.equal(parseDocument(text, format).error, undefined, 'the file parses to begin with');
      assert.equal(breaks(text, format).size, 0);
      const memo = createJsonCursorMemo();
      const kinds = new Set<string>();
      let applied = 0;
      const errorsBefore = errorCounts(text, format);
      for (let offset = 0; offset <= text.length; offset++) {
        const spot = snippetSpot(text, offset, format, format === 'json' ? memo : undefined);
        for (const p of spot ? snippetProposals(spot, format) : []) {
          const after = applyProposal(text, p);
          // A snippet's defaults make a whole user: not a syntax error, nor any other error more.
          const more = [...errorCounts(after, format)].filter(([code, n]) => n > (errorsBefore.get(code) ?? 0));
          assert.deepEqual(
            more,
            [],
            `${p.label} at offset ${offset} (${around(text, offset)}) brings errors:\n${after}`,
          );
          filesWithUserSnippets.add(name);
        }
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
          const after = applyProposal(text, p);
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

  it('the user snippet was offered and applied in most of these files', () => {
    assert.ok(filesWithUserSnippets.size >= 8, [...filesWithUserSnippets].join(', '));
  });
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
    assert.equal(edit('yaml', `datasetArn: '|x'  # mine\n`, ARN), `datasetArn: '${ARN}'  # mine\n`);
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

describe('snippets, where a whole input or a user fits', () => {
  const proposalsAt = (format: Format, marked: string) => {
    const offset = marked.indexOf('|');
    const text = marked.replace('|', '');
    const spot = snippetSpot(text, offset, format);
    return { text, proposals: spot ? snippetProposals(spot, format) : [] };
  };
  const edit = (format: Format, marked: string) => {
    const { text, proposals } = proposalsAt(format, marked);
    assert.equal(proposals.length, 1, `one snippet at ${JSON.stringify(marked)}`);
    return applyProposal(text, proposals[0]!);
  };
  const labels = (format: Format, marked: string) => proposalsAt(format, marked).proposals.map((p) => p.label);
  const errors = (text: string, format: Format) =>
    validate(text, format)
      .filter((f) => f.severity === 'error')
      .map((f) => f.message);

  it('a whole input in an empty file (a word typed, YAML comments), valid with its defaults', () => {
    for (const [format, marked] of [
      ['json', '|'],
      ['json', '\n  put|\n'],
      ['yaml', '|'],
      ['yaml', '# users of the shop\n|\n'],
    ] as const) {
      const after = edit(format, marked);
      assert.deepEqual(errors(after, format), [], after);
      assert.match(after, /"?datasetArn"?: "?arn:aws:personalize:us-east-1:/);
    }
    assert.deepEqual(labels('json', '{|}'), []);
    assert.deepEqual(labels('yaml', `datasetArn: ${ARN}\n|`), []);
  });

  it('JSON: a user between the elements of users, with the commas its neighbours need', () => {
    const head = `{"datasetArn": "${ARN}", "users": [`;
    const u1 = '{"userId": "u1"}';
    for (const [marked, ids] of [
      [`${head}|]}`, ['user-1']],
      [`${head}| ${u1}]}`, ['user-1', 'u1']],
      [`${head}${u1}, |]}`, ['u1', 'user-2']],
      [`${head}${u1}\n  |\n]}`, ['u1', 'user-2']],
      [`${head}${u1}, |\n${u1.replace('u1', 'u3')}]}`, ['u1', 'user-2', 'u3']],
    ] as const) {
      const after = edit('json', marked);
      assert.deepEqual(errors(after, 'json'), [], after);
      const users = (JSON.parse(after) as { users: { userId: string; properties: string }[] }).users;
      assert.deepEqual(
        users.map((u) => u.userId),
        ids,
      );
      assert.deepEqual(JSON.parse(users.find((u) => u.userId.startsWith('user-'))!.properties), {
        numberOfVideosWatched: '45',
      });
    }
    // Not inside a user, a string, or another member's value; not an 11th user.
    for (const marked of [
      `${head}{|}]}`,
      `${head}{"userId": "|"}]}`,
      `${head}{"userId": "u1", "properties": "{|}"}]}`,
      `{"datasetArn": "|", "users": []}`,
      `{"users": [], |}`,
      `${head}${Array.from({ length: 10 }, () => u1).join(', ')}, |]}`,
    ])
      assert.deepEqual(labels('json', marked), [], marked);
  });

  it('YAML: an item on a line of its own in the users list, at the list’s column', () => {
    const file = (list: string) => `datasetArn: ${ARN}\nusers:\n${list}`;
    for (const [marked, expected] of [
      [
        file('- userId: u1\n|'),
        file(`- userId: u1\n- userId: 'user-2'\n  properties: '{"numberOfVideosWatched": "45"}'`),
      ],
      [
        file('- userId: u1\n  |\n'),
        file(`- userId: u1\n- userId: 'user-2'\n  properties: '{"numberOfVideosWatched": "45"}'\n`),
      ],
      [
        file('  - userId: u1\n- |\n'),
        file(`  - userId: u1\n  - userId: 'user-2'\n    properties: '{"numberOfVideosWatched": "45"}'\n`),
      ],
      [file('    |\n'), file(`    - userId: 'user-1'\n      properties: '{"numberOfVideosWatched": "45"}'\n`)],
      [
        file('- userId: u1\n|\n- userId: u3\n'),
        file(`- userId: u1\n- userId: 'user-2'\n  properties: '{"numberOfVideosWatched": "45"}'\n- userId: u3\n`),
      ],
    ] as const) {
      const after = edit('yaml', marked);
      assert.equal(after, expected);
      assert.deepEqual(errors(after, 'yaml'), [], after);
    }
    // Before a top-level key that follows the list, too.
    assert.deepEqual(labels('yaml', `users:\n- userId: u1\n|\ndatasetArn: ${ARN}\n`), ['PutUsers user']);
    // The line below belongs to an item, the line is above the list, or has text of its own.
    for (const marked of [
      file("- userId: u1\n|\n  properties: '{}'\n"),
      `|\n${file('- userId: u1\n')}`,
      file('- userId: u1\n  properties: \'{"a|": 1}\'\n'),
      file('- userId: u|1\n'),
    ])
      assert.deepEqual(labels('yaml', marked), [], marked);
  });
});

describe('property keys an object has already are not offered again', () => {
  const keysAt = (format: Format, marked: string) => {
    const offset = marked.indexOf('‸');
    const text = marked.replace('‸', '');
    const context = completionContext(text, offset, format);
    assert.ok(context?.kind === 'properties', marked);
    return completionProposals(context, format, { datasetArns: [], propertyKeys: ['age', 'tier', 'city'] }).map(
      (p) => p.label,
    );
  };
  it('after, before and in a key, in JSON and YAML', () => {
    assert.deepEqual(keysAt('json', '{"users": [{"userId": "u", "properties": "{\\"age\\": 1, ‸}"}]}'), [
      'tier',
      'city',
    ]);
    assert.deepEqual(keysAt('json', '{"users": [{"userId": "u", "properties": "{‸ \\"tier\\": 1}"}]}'), [
      'age',
      'city',
    ]);
    assert.deepEqual(keysAt('json', '{"users": [{"userId": "u", "properties": "{\\"a‸ge\\": 1, \\"tier\\": 2}"}]}'), [
      'age',
      'city',
    ]);
    assert.deepEqual(keysAt('yaml', `users:\n- userId: u\n  properties: '{"city": {"age": 1}, "‸": 2}'\n`), [
      'age',
      'tier',
    ]);
    assert.deepEqual(keysAt('yaml', `users:\n- userId: u\n  properties: |\n    {"tier": 1,\n     ‸}\n`), [
      'age',
      'city',
    ]);
  });
});
