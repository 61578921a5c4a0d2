import * as assert from 'node:assert/strict';
import { ARN, awsLines, covered, findings, jsonInput } from './helpers';

describe('AWS CLI parameter validation (cli/...)', () => {
  it('reports unknown members at both levels on the key, with a suggestion for near misses', () => {
    const text = `{"datasetArn": "${ARN}", "trackingId": "t", "users": [{"userID": "u1", "x": 1}]}`;
    const all = findings(text);
    assert.deepEqual(
      all.map((f) => [f.code, covered(text, f), f.awsCli]),
      [
        [
          'cli/unknown-member',
          '"trackingId"',
          'Unknown parameter in input: "trackingId", must be one of: datasetArn, users',
        ],
        ['cli/missing-member', '{', 'Missing required parameter in users[0]: "userId"'],
        [
          'cli/unknown-member',
          '"userID"',
          'Unknown parameter in users[0]: "userID", must be one of: userId, properties',
        ],
        ['cli/unknown-member', '"x"', 'Unknown parameter in users[0]: "x", must be one of: userId, properties'],
      ],
    );
    assert.match(all[2]!.message, /did you mean "userId"\?/);
    assert.doesNotMatch(all[3]!.message, /did you mean/);
  });

  it('reports missing required members on the mapping head', () => {
    const text = '{"users": [{"properties": "{}"}]}';
    assert.deepEqual(awsLines(text), [
      'Missing required parameter in input: "datasetArn"',
      'Missing required parameter in users[0]: "userId"',
    ]);
    const yaml = 'users:\n- properties: "{}"\n';
    const all = findings(yaml, 'yaml');
    assert.equal(covered(yaml, all[0]!), 'users');
    assert.equal(covered(yaml, all[1]!), 'properties');
    assert.match(all[0]!.message, /Missing required member "datasetArn": The Amazon Resource Name/);
  });

  it('reports wrong types on the value, in Python words', () => {
    const text = jsonInput(
      '{"userId": 42}',
      '{"userId": "u", "properties": {"age": "30", "ok": true, "n": null}}',
      'null',
      '"u3"',
      '[1]',
      '{"userId": 1.5e-7, "properties": 4.0}',
    );
    const all = findings(text);
    assert.deepEqual(
      all.map((f) => [covered(text, f), f.awsCli]),
      [
        [
          '42',
          "Invalid type for parameter users[0].userId, value: 42, type: <class 'int'>, valid types: <class 'str'>",
        ],
        [
          '{"age": "30", "ok": true, "n": null}',
          "Invalid type for parameter users[1].properties, value: {'age': '30', 'ok': True, 'n': None}, type: <class 'dict'>, valid types: <class 'str'>",
        ],
        [
          'null',
          "Invalid type for parameter users[2], value: None, type: <class 'NoneType'>, valid types: <class 'dict'>",
        ],
        ['"u3"', "Invalid type for parameter users[3], value: u3, type: <class 'str'>, valid types: <class 'dict'>"],
        ['[1]', "Invalid type for parameter users[4], value: [1], type: <class 'list'>, valid types: <class 'dict'>"],
        [
          '1.5e-7',
          "Invalid type for parameter users[5].userId, value: 1.5e-07, type: <class 'float'>, valid types: <class 'str'>",
        ],
        [
          '4.0',
          "Invalid type for parameter users[5].properties, value: 4.0, type: <class 'float'>, valid types: <class 'str'>",
        ],
      ],
    );
    assert.equal(all[0]!.message, 'users[0].userId must be a string, not the number 42 (quote it).');
    assert.deepEqual(awsLines('{"datasetArn": ["a"], "users": {"userId": "u1"}}'), [
      "Invalid type for parameter datasetArn, value: ['a'], type: <class 'list'>, valid types: <class 'str'>",
      "Invalid type for parameter users, value: {'userId': 'u1'}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>",
    ]);
  });

  it('reports empty strings and an empty users list as too short (datasetArn has no minimum in the model)', () => {
    const text = '{"datasetArn": "", "users": []}';
    const all = findings(text);
    assert.deepEqual(
      all.map((f) => [f.code, covered(text, f), f.awsCli]),
      [
        ['cli/too-short', '[]', 'Invalid length for parameter users, value: 0, valid min length: 1'],
        ['service/arn-pattern', '""', undefined],
      ],
    );
    assert.equal(all[0]!.message, 'users is empty: it needs at least 1 item.');
    assert.deepEqual(awsLines(jsonInput('{"userId": "", "properties": ""}')), [
      'Invalid length for parameter users[0].userId, value: 0, valid min length: 1',
      'Invalid length for parameter users[0].properties, value: 0, valid min length: 1',
    ]);
  });

  it('points at the key when a YAML value is empty', () => {
    const yaml = `datasetArn: ${ARN}\nusers:\n- userId:\n`;
    const [f] = findings(yaml, 'yaml');
    assert.equal(covered(yaml, f!), 'userId');
    assert.equal(
      f!.awsCli,
      "Invalid type for parameter users[0].userId, value: None, type: <class 'NoneType'>, valid types: <class 'str'>",
    );
  });

  it('finds nothing in a valid file', () => {
    assert.deepEqual(
      findings(jsonInput('{"userId": "u1", "properties": "{\\"age\\": \\"30\\"}"}', '{"userId": "u2"}')),
      [],
    );
    assert.deepEqual(findings(`datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '{"age": "30"}'\n`, 'yaml'), []);
  });
});
