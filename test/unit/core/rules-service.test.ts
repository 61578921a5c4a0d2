import * as assert from 'node:assert/strict';
import { type Finding, USER_LIST } from '../../../src/core';
import { ARN, covered, findings, jsonInput } from './helpers';

const only = (all: Finding[], code: string) => all.filter((f) => f.code === code);

describe('service rules (service/...)', () => {
  it('flags more than 10 users on the users key (the CLI lets 11 through)', () => {
    const users = Array.from({ length: 11 }, (_, i) => `{"userId": "u${i}"}`);
    const text = jsonInput(...users);
    const all = findings(text);
    assert.equal(all.length, 1);
    assert.equal(all[0]!.code, 'service/too-many-users');
    assert.equal(all[0]!.severity, 'error');
    assert.equal(all[0]!.awsCli, undefined);
    assert.equal(covered(text, all[0]!), '"users"');
    assert.match(all[0]!.message, new RegExp(`at most ${USER_LIST.max}`));
    assert.deepEqual(findings(jsonInput(...users.slice(0, 10))), []);
  });

  it('checks maximum lengths and the ARN pattern', () => {
    const longArn = ARN + 'x'.repeat(300);
    const text = `{"datasetArn": "${longArn}", "users": [{"userId": "${'u'.repeat(257)}", "properties": "{\\"a\\": \\"${'p'.repeat(24000)}\\"}"}]}`;
    const all = findings(text);
    assert.deepEqual(
      all.map((f) => f.code),
      ['service/too-long', 'service/too-long', 'service/too-long', 'service/categorical-too-long'],
    );
    assert.match(all[0]!.message, /datasetArn has 3\d\d characters; the service accepts at most 256/);
    assert.match(all[1]!.message, /users\[0\]\.userId has 257 characters; the service accepts at most 256/);
    assert.match(all[2]!.message, /at most 24000/);
    for (const bad of ['arn:aws:s3:::bucket', 'not-an-arn', 'arn:aws:personalize:us-east-1:1:']) {
      const f = only(findings(`{"datasetArn": "${bad}", "users": [{"userId": "u"}]}`), 'service/arn-pattern');
      assert.equal(f.length, 1, bad);
    }
    assert.equal(
      only(
        findings(`{"datasetArn": "arn:aws-cn:personalize:cn-north-1:1:dataset/g/USERS", "users": [{"userId": "u"}]}`),
        'service/arn-pattern',
      ).length,
      0,
    );
  });

  it('warns when the ARN names no Users dataset, or still has placeholders, and says which ARN is meant', () => {
    const group = 'arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop';
    const cases: [string, string[], RegExp | undefined][] = [
      [ARN, [], undefined],
      ['arn:aws-cn:personalize:cn-north-1:123456789012:dataset/g/USERS', [], undefined],
      ['arn:aws-us-gov:personalize:us-gov-west-1:123456789012:dataset/g/USERS', [], undefined],
      [group, ['service/arn-not-users-dataset'], /the dataset group shop.*dataset\/shop\/USERS/],
      [
        `${group.replace('dataset-group/shop', 'dataset/shop/ITEMS')}`,
        ['service/arn-not-users-dataset'],
        /the ITEMS dataset of shop.*eu-west-1:123456789012:dataset\/shop\/USERS/,
      ],
      [ARN.replace('/USERS', '/users'), ['service/arn-not-users-dataset'], /the users dataset of demo/],
      [
        'arn:aws:personalize:us-east-1:123456789012:solution/s',
        ['service/arn-not-users-dataset'],
        /a solution, not a Users dataset.*REGION:ACCOUNT/,
      ],
      [
        'arn:aws:personalize:region:account:dataset/group/USERS',
        ['service/arn-placeholder'],
        /'region' is not an AWS Region, and 'account' is not a 12-digit/,
      ],
      [
        'arn:aws:personalize:us-east-1::dataset/g/USERS',
        ['service/arn-placeholder'],
        /'' is not a 12-digit AWS account ID\./,
      ],
    ];
    for (const [arn, codes, message] of cases) {
      const text = jsonInput('{"userId": "u1"}').replace(ARN, arn);
      const all = findings(text);
      assert.deepEqual(
        all.map((f) => f.code),
        codes,
        arn,
      );
      for (const f of all) {
        assert.equal(f.severity, 'warning');
        assert.equal(covered(text, f), JSON.stringify(arn), 'on the ARN string');
        assert.match(f.message, message!);
      }
    }
    // A pattern error is the only finding: the rest would say the same thing again.
    assert.deepEqual(
      findings(jsonInput('{"userId": "u1"}').replace(ARN, 'arn:aws:s3:::bucket')).map((f) => f.code),
      ['service/arn-pattern'],
    );
  });

  it('requires properties to hold a JSON object, located inside the string', () => {
    const text = jsonInput('{"userId": "u1", "properties": "{\\"age\\": 30,}"}');
    const [f] = findings(text);
    assert.equal(f!.code, 'service/properties-not-json');
    assert.equal(covered(text, f!), '}');
    for (const [props, what] of [
      ['[1]', 'an array'],
      ['42', 'a number'],
      ['\\"s\\"', 'a string'],
      ['null', 'null'],
    ]) {
      const [g] = findings(jsonInput(`{"userId": "u1", "properties": "${props}"}`));
      assert.equal(g!.code, 'service/properties-not-object');
      assert.match(g!.message, new RegExp(`not ${what}`));
    }
  });

  it('warns on nested values, non-camelCase keys and long categorical values, on the exact spot', () => {
    const text = jsonInput(
      `{"userId": "u1", "properties": "{\\"AGE_GROUP\\": \\"a\\", \\"tags\\": [\\"x\\"], \\"bio\\": \\"${'b'.repeat(1001)}\\"}"}`,
    );
    const all = findings(text);
    assert.deepEqual(
      all.map((f) => [f.code, f.severity, covered(text, f).slice(0, 20)]),
      [
        ['service/properties-key-case', 'warning', '\\"AGE_GROUP\\"'],
        ['service/properties-nested-value', 'warning', '[\\"x\\"]'],
        ['service/categorical-too-long', 'warning', '\\"bbbbbbbbbbbbbbbbbb'],
      ],
    );
    assert.match(all[0]!.message, /did you mean "ageGroup"\?/);
    const yaml = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '{"Age": 1}'\n`;
    const [y] = findings(yaml, 'yaml');
    assert.equal(covered(yaml, y!), '"Age"');
  });

  it('warns on a properties key written twice, on each repetition, in every way properties is written', () => {
    const dup = (f: Finding[]) => only(f, 'service/properties-duplicate-key');
    // Plain keys (the fast path), a key with an escape (the full check), a nested key not counted.
    const json = jsonInput(
      '{"userId": "u1", "properties": "{\\"age\\": 1, \\"tier\\": \\"a\\", \\"age\\": 2}"}',
      '{"userId": "u2", "properties": "{\\"n\\u0061me\\": \\"x\\", \\"o\\": {\\"name\\": 1}, \\"name\\": \\"y\\"}"}',
      '{"userId": "u3", "properties": "{\\"a\\": {\\"b\\": 1, \\"b\\": 2}}"}',
    );
    const found = dup(findings(json));
    assert.deepEqual(
      found.map((f) => [f.severity, covered(json, f)]),
      [
        ['warning', '\\"age\\"'],
        ['warning', '\\"name\\"'],
      ],
    );
    assert.match(found[0]!.message, /users\[0\]\.properties has the key "age" more than once/);
    for (const properties of [
      `'{"age": 1, "age": 2}'`,
      `"{\\"age\\": 1, \\"age\\": 2}"`,
      `|\n    {"age": 1,\n     "age": 2}`,
      `>-\n    {"age": 1,\n    "age": 2}`,
    ]) {
      const yaml = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: ${properties}\n`;
      const [y, ...more] = dup(findings(yaml, 'yaml'));
      assert.equal(more.length, 0, properties);
      assert.match(covered(yaml, y!), /^\\?"age\\?"$/, properties);
      const { line, character } = y!.range.start;
      const at = yaml.split('\n').slice(0, line).join('\n').length + 1 + character;
      assert.equal(at, yaml.lastIndexOf(covered(yaml, y!)), `on the second key: ${properties}`);
    }
    assert.deepEqual(dup(findings(jsonInput('{"userId": "u1", "properties": "{\\"age\\": 1, \\"Age\\": 2}"}'))), []);
  });

  it('warns when a userId repeats in one request', () => {
    const text = jsonInput('{"userId": "u1"}', '{"userId": "u2"}', '{"userId": "u1"}');
    const all = findings(text);
    assert.equal(all.length, 1);
    assert.equal(all[0]!.code, 'service/duplicate-user-id');
    assert.equal(all[0]!.range.start.line, 5);
    assert.match(all[0]!.message, /users\[2\] has the same userId as users\[0\]/);
    assert.doesNotMatch(all[0]!.message, /u1/, 'user ids are sensitive: the message does not repeat them');
  });
});
