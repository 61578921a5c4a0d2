import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { skeleton } from '../../../src/core';
import { runCli } from '../../support/cli';
import { ARN, usersSchemaText } from '../../support/values';

const root = path.resolve(__dirname, '../../../..');
const cliJs = path.join(root, 'dist/cli.js');

const run = runCli;

describe('putusers validate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'putusers-cli-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const good = file('good.putusers.json', JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1' }] }));
  const bad = file('bad.json', `{\n  "datasetArn": "${ARN}",\n  "users": [{"userId": 42}]\n}\n`);
  const warn = file('warn.yaml', `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '{"AGE": 1}'\n`);
  const yamlBad = file('bad.yml', 'users: yes\n');

  it('prints FILE:LINE:COL lines and exits 1 on errors', async () => {
    const r = await run('validate', good, bad);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      `${bad}:3:24: error: users[0].userId must be a string, not the number 42 (quote it). [cli/invalid-type]\n`,
    );
  });

  it('names the unquoted date YAML read, and no other (a timestamp: none)', async () => {
    const dates = file(
      'dates.yaml',
      `datasetArn: ${ARN}\nusers:\n- userId: 2024-01-01\n- userId: 2023-12-31T23:59:59Z\n`,
    );
    const r = await run('validate', dates);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      `${dates}:3:11: error: users[0].userId must be a string, not a date (YAML reads the unquoted 2024-01-01 as one) (quote it). [cli/invalid-type]\n` +
        `${dates}:4:11: error: users[1].userId must be a string, not a timestamp (YAML reads this unquoted value as one) (quote it). [cli/invalid-type]\n`,
    );
  });

  it('exits 0 with only warnings, and reads .yaml/.yml as YAML', async () => {
    const r = await run('validate', warn);
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /warn\.yaml:4:17: warning: Property key "AGE" is not camelCase.*\[service\/properties-key-case\]/,
    );
    const y = await run('validate', yamlBad);
    assert.equal(y.code, 1);
    assert.match(y.stdout, /bad\.yml:1:1: error: Missing required member "datasetArn"/);
    assert.match(y.stdout, /bad\.yml:1:8: error: users must be a list, not a string\. \[cli\/invalid-type\]/);
  });

  it('--format json prints one array with the awsCli line', async () => {
    const r = await run('validate', '--format', 'json', good, bad);
    assert.equal(r.code, 1);
    const records = JSON.parse(r.stdout);
    assert.deepEqual(records, [
      {
        file: bad,
        range: { start: { line: 2, character: 23 }, end: { line: 2, character: 25 } },
        severity: 'error',
        code: 'cli/invalid-type',
        message: 'users[0].userId must be a string, not the number 42 (quote it).',
        awsCli:
          "Invalid type for parameter users[0].userId, value: 42, type: <class 'int'>, valid types: <class 'str'>",
      },
    ]);
    assert.deepEqual(JSON.parse((await run('validate', '--format=json', good)).stdout), []);
  });

  it('--dataset-schema checks properties against the schema, in text and JSON output', async () => {
    const schema = file('users.avsc', usersSchemaText({ name: 'AGE', type: 'int' }));
    const input = file(
      'schema-checked.yaml',
      `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '{"AGE": "x"}'\n`,
    );
    const text = await run('validate', '--dataset-schema', schema, input, good);
    assert.equal(text.code, 1);
    assert.equal(
      text.stdout,
      `${input}:4:17: error: "AGE" is the field AGE: properties names it "age" (its name in camelCase), and the service finds no field "AGE". [schema/key-not-camel-case]\n` +
        `${input}:4:24: error: age is "x", not an integer: the field AGE is "int". [schema/wrong-type]\n` +
        `${good}:1:88: error: users[0] has no properties, and the dataset's schema requires "age". [schema/missing-field]\n`,
    );
    const json = await run('validate', '--format', 'json', `--dataset-schema=${schema}`, input);
    assert.deepEqual(
      (JSON.parse(json.stdout) as { code: string }[]).map((f) => f.code),
      ['schema/key-not-camel-case', 'schema/wrong-type'],
    );
  });

  it('--dataset-schema reports a schema the service would not take on the schema file, and checks without it', async () => {
    const schema = file(
      'items.schema.json',
      '{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "AGE", "type": "int"}]}',
    );
    const r = await run('validate', '--dataset-schema', schema, warn);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      `${schema}:1:47: error: Not a Users schema: it has no USER_ID field (a string). [schema/invalid-schema]\n` +
        `${warn}:4:17: warning: Property key "AGE" is not camelCase: the service matches keys to the schema's fields in camelCase (did you mean "age"?). [service/properties-key-case]\n`,
    );
    const missing = await run('validate', '--dataset-schema', path.join(dir, 'nope.json'), good);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.json: no such file/);
  });

  it('exits 2 on usage errors and unreadable files, with a clear message', async () => {
    for (const argv of [
      ['validate'],
      ['validate', '--format', 'xml', good],
      ['validate', '--nope', good],
      ['frobnicate'],
      [],
    ]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /^putusers: .+\n\nUsage:/);
    }
    const missing = await run('validate', path.join(dir, 'missing.json'), bad);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*missing\.json: no such file/);
    assert.match(missing.stdout, /bad\.json:3:24/, 'the readable files are still reported');
    const binary = file('binary.json', '');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    assert.equal((await run('validate', binary)).code, 2);
  });
});

describe('putusers skeleton', () => {
  it('prints each skeleton byte for byte', async () => {
    for (const kind of ['input', 'yaml-input', 'output'] as const) {
      const r = await run('skeleton', kind);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, skeleton(kind));
    }
    assert.equal((await run('skeleton')).stdout, skeleton('input'));
    assert.equal((await run('skeleton', 'xml')).code, 2);
  });
});

describe('dist bundles', () => {
  it('dist/cli.js runs as a program with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, [cliJs, 'skeleton', 'yaml-input'], { encoding: 'utf8' });
    assert.equal(ok.status, 0);
    assert.equal(ok.stdout, skeleton('yaml-input'));
    assert.equal(spawnSync(process.execPath, [cliJs, 'validate'], { encoding: 'utf8' }).status, 2);
  });

  it("require('./dist/core.js') works in plain Node and exports validate and skeleton", () => {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        "const c = require('./dist/core.js'); process.stdout.write(JSON.stringify([typeof c.validate, typeof c.skeleton, c.validate('[]', 'json')[0].code, c.skeleton('input').length]))",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(out), ['function', 'function', 'cli/not-a-map', skeleton('input').length]);
  });
});
