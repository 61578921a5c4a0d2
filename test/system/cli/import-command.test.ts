// `putusers import`: a bulk-import users CSV into input files of at most 10 users, every row
// written or reported as CSV:LINE:COLUMN, and every file written passing `putusers validate`.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readDatasetSchema, readRequest, validate } from '../../../src/core';
import { runCli } from '../../support/cli';
import { ARN, usersSchemaText } from '../../support/values';

const run = runCli;

const SCHEMA = usersSchemaText(
  { name: 'AGE', type: ['null', 'int'] },
  { name: 'LIFETIME_VALUE', type: 'long' },
  { name: 'SCORE', type: ['null', 'double'] },
  { name: 'MEMBERSHIP', type: 'string', categorical: true },
  { name: 'NEWSLETTER', type: ['null', 'boolean'] },
);

describe('putusers import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'putusers-import-'));
  const file = (name: string, text: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const schema = file('users.avsc', SCHEMA);
  /** The users of every file written to `out`, in file order, with each file's findings against the schema. */
  const written = (out: string, withSchema = true) =>
    readdirSync(out)
      .sort()
      .map((name) => {
        const text = readFileSync(path.join(out, name), 'utf8');
        const format = name.endsWith('.yaml') ? 'yaml' : 'json';
        const findings = validate(text, format, {
          datasetSchema: withSchema ? readDatasetSchema(SCHEMA).schema : undefined,
        });
        return { name, users: readRequest(text, format).request!.users, findings };
      });

  it('writes files of at most 10 users in row order, typed by the schema, each passing validate', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => `u${i},${20 + i},9007199254740993,${i}.5,Gold|Silver,TRUE`);
    const csv = file('people.csv', `USER_ID,AGE,LIFETIME_VALUE,SCORE,MEMBERSHIP,NEWSLETTER\n${rows.join('\n')}\n`);
    const out = path.join(dir, 'typed');
    const r = await run('import', csv, '--dataset-arn', ARN, '--dataset-schema', schema, '--out', out);
    assert.equal(r.stdout, `putusers import: 23 users written to 3 files in ${out}; 0 rows rejected\n`);
    assert.equal(r.code, 0);
    const files = written(out);
    assert.deepEqual(
      files.map((f) => [f.name, f.users.length, f.findings]),
      [
        ['people-0001.putusers.json', 10, []],
        ['people-0002.putusers.json', 10, []],
        ['people-0003.putusers.json', 3, []],
      ],
    );
    assert.deepEqual(files[0]!.users[1], {
      userId: 'u1',
      properties:
        '{"age": 21, "lifetimeValue": 9007199254740993, "score": 1.5, "membership": "Gold|Silver", "newsletter": true}',
    });
    assert.equal(files[2]!.users[2]!.userId, 'u22');
  });

  it('reads RFC 4180 quoting, a BOM, CRLF and empty cells; without a schema every value is a string', async () => {
    const csv = file(
      'quoted.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          'USER_ID,FAVOURITE_QUOTE,AGE\r\n"u,1","He said ""hi""\r\nand left",30\r\nu2,,\r\n\r\nu3,plain,7\r\n',
        ),
      ]),
    );
    const out = path.join(dir, 'quoted');
    const r = await run('import', csv, '--dataset-arn', ARN, '--out', out, '--format', 'yaml');
    assert.equal(r.code, 0, r.stdout);
    const [only] = written(out, false);
    assert.equal(only!.name, 'quoted-0001.putusers.yaml');
    assert.deepEqual(only!.findings, []);
    assert.deepEqual(only!.users, [
      { userId: 'u,1', properties: '{"favouriteQuote": "He said \\"hi\\"\\r\\nand left", "age": "30"}' },
      { userId: 'u2' },
      { userId: 'u3', properties: '{"favouriteQuote": "plain", "age": "7"}' },
    ]);
  });

  it('accounts for every row: each bad one as CSV:LINE:COLUMN, written nowhere, and exits 1', async () => {
    const csv = file(
      'bad.csv',
      [
        'USER_ID,AGE,LIFETIME_VALUE,SCORE,MEMBERSHIP,NEWSLETTER',
        'u1,30,1,,Gold,', // line 2: fine
        '"u\n2",31,1,,Gold,', // lines 3-4: fine, a line break inside the id
        'u3,old,1,,Gold,', // 5: AGE not an int
        'u1,30,1,,Gold,', // 6: u1 again
        'u4,30,1,,Gold', // 7: 5 fields
        ',30,1,,Gold,', // 8: empty USER_ID
        `${'x'.repeat(257)},30,1,,Gold,`, // 9: too long
        'u5,2147483648,1,,Gold,', // 10: out of int range
        'u6,30,1,1e400,Gold,', // 11: not a double
        'u7,30,1,,Gold,maybe', // 12: not a boolean
        'u8,30,1,,Gold,', // 13: fine
      ].join('\n') + '\n',
    );
    const out = path.join(dir, 'bad');
    const r = await run('import', csv, '--dataset-arn', ARN, '--dataset-schema', schema, '--out', out);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        `${csv}:5:2: error: "old" is no int (the field AGE)`,
        `${csv}:6:1: error: the USER_ID of line 2 again (the first one is kept)`,
        `${csv}:7:1: error: 5 fields where the header has 6`,
        `${csv}:8:1: error: an empty USER_ID`,
        `${csv}:9:1: error: a USER_ID of 257 characters (at most 256)`,
        `${csv}:10:2: error: "2147483648" is no int (the field AGE)`,
        `${csv}:11:4: error: "1e400" is no double (the field SCORE)`,
        `${csv}:12:6: error: "maybe" is no boolean (the field NEWSLETTER)`,
        `putusers import: 3 users written to 1 file in ${out}; 8 rows rejected`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      written(out).flatMap((f) => f.users.map((u) => u.userId)),
      ['u1', 'u\n2', 'u8'],
    );
  });

  it('reports a row the CSV reader cannot make, and goes on', async () => {
    const csv = file('broken.csv', 'USER_ID,MEMBERSHIP\nu1,Gold\nu2,"Gold"x\n');
    const out = path.join(dir, 'broken');
    const r = await run('import', csv, '--dataset-arn', ARN, '--out', out);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: error: not valid CSV: Invalid Closing Quote`),
    );
    assert.deepEqual(
      written(out, false).flatMap((f) => f.users.map((u) => u.userId)),
      ['u1'],
    );
  });

  it('stops at a header it cannot use, and at a schema the service would not take', async () => {
    const noId = file('no-id.csv', 'ID,AGE\nu1,3\n');
    const r1 = await run('import', noId, '--dataset-arn', ARN, '--out', path.join(dir, 'no-id'));
    assert.equal(r1.code, 1);
    assert.equal(
      r1.stdout,
      `${noId}:1:1: error: the header has no USER_ID column\nputusers import: 0 users written to 0 files in ${path.join(dir, 'no-id')}; the header cannot be used\n`,
    );
    const unknown = file('unknown.csv', 'USER_ID,AGE,HEIGHT\nu1,3,180\n');
    const r2 = await run(
      'import',
      unknown,
      '--dataset-arn',
      ARN,
      '--dataset-schema',
      schema,
      '--out',
      path.join(dir, 'unknown'),
    );
    assert.equal(r2.code, 1);
    assert.match(r2.stdout, /unknown\.csv:1:3: error: the column HEIGHT is no field of the dataset's schema/);
    const badSchema = file('bad.schema.json', '{"type": "record", "fields": []}');
    const r3 = await run('import', noId, '--dataset-arn', ARN, '--dataset-schema', badSchema);
    assert.equal(r3.code, 2);
    assert.match(r3.stdout, /bad\.schema\.json:1:\d+: error: Not a Users schema/);
    assert.match(r3.stderr, /the dataset schema cannot be used/);
  });

  it('refuses a missing or invalid dataset ARN, a bad format and an unreadable CSV (exit 2)', async () => {
    const csv = file('ok.csv', 'USER_ID\nu1\n');
    for (const [args, message] of [
      [[csv], /needs --dataset-arn/],
      [[csv, '--dataset-arn', 'not-an-arn'], /--dataset-arn: datasetArn/],
      [[csv, '--dataset-arn', ARN, '--format', 'xml'], /--format takes json or yaml/],
      [[path.join(dir, 'none.csv'), '--dataset-arn', ARN], /cannot read .*none\.csv: no such file/],
      [[], /import takes one CSV file/],
    ] as [string[], RegExp][]) {
      const r = await run('import', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});
