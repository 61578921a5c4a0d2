import * as assert from 'node:assert/strict';
import {
  convertDocument,
  parseDocument,
  pyStr,
  readRequest,
  readRequestToSend,
  validate,
  writeInput,
} from '../../../src/core';
import { ARN, jsonInput } from './helpers';

const tricky = [
  'yes',
  'no',
  'true',
  '2024-01-02',
  '1_000',
  '0x1F',
  '1e3',
  '~',
  'null',
  '',
  "it's",
  'say "hi"',
  'line\nbreak',
  'tab\t',
  '#x',
  '- a',
  'a: b',
  '@x',
  '日本 😀',
  '.inf',
  '=',
  '<<',
  // What a YAML file cannot hold as it is, or a YAML reader folds (NEL, LS, PS): written escaped.
  'nel\u0085',
  'a \u0085 b\\',
  'ls\u2028ps\u2029',
  '\ufeffbom',
  'del\x7f c1\x9f',
  'nonchar\ufffe',
];

describe('readRequest / writeInput', () => {
  it('reads the users of a CLI-valid file in order, any number of them', () => {
    const users = Array.from(
      { length: 12 },
      (_, i) => `{"userId": "u${i}"${i % 2 ? ', "properties": "{\\"a\\": 1}"' : ''}}`,
    );
    const { request, findings } = readRequest(jsonInput(...users), 'json');
    assert.equal(request?.users.length, 12);
    assert.equal(request?.datasetArn, ARN);
    assert.deepEqual(request?.users[1], { userId: 'u1', properties: '{"a": 1}' });
    assert.deepEqual(request?.users[0], { userId: 'u0' });
    assert.deepEqual(
      findings.map((f) => f.code),
      ['service/too-many-users'],
    );
  });

  it('gives no request when the CLI would refuse the file', () => {
    assert.equal(readRequest(jsonInput('{"userId": 1}'), 'json').request, undefined);
    assert.equal(readRequest('{', 'json').request, undefined);
  });

  it('readRequestToSend: more than 10 users is no finding; a service error (too long an ARN) or a CLI error gives no request', () => {
    const many = readRequestToSend(jsonInput(...Array.from({ length: 11 }, (_, i) => `{"userId": "u${i}"}`)), 'json');
    assert.equal(many.request?.users.length, 11);
    assert.deepEqual([many.findings, many.errors], [[], []]);
    const camel = readRequestToSend(jsonInput('{"userId": "u1", "properties": "{\\"Age\\": \\"3\\"}"}'), 'json');
    assert.ok(camel.request, 'warnings do not stop sending');
    assert.deepEqual([camel.findings.map((f) => f.severity), camel.errors], [['warning'], []]);
    const longId = readRequestToSend(jsonInput(`{"userId": "${'x'.repeat(300)}"}`), 'json');
    assert.equal(longId.request, undefined);
    assert.deepEqual(
      longId.errors.map((f) => f.code),
      longId.findings.filter((f) => f.severity === 'error').map((f) => f.code),
    );
    assert.ok(longId.errors.length > 0 && longId.errors.every((f) => f.code.startsWith('service/')));
    assert.equal(readRequestToSend('{', 'json').request, undefined);
    assert.equal(readRequestToSend('{', 'json').errors[0]?.code.startsWith('cli/'), true);
  });

  for (const format of ['json', 'yaml'] as const) {
    it(`writes ${format} the CLI reads back to the same strings`, () => {
      const request = {
        datasetArn: ARN,
        users: tricky.filter((s) => s !== '').map((s, i) => ({ userId: s, properties: JSON.stringify({ v: s, i }) })),
      };
      const text = writeInput(request, format);
      assert.deepEqual(
        validate(text, format).filter((f) => f.code.startsWith('cli/')),
        [],
      );
      assert.deepEqual(readRequest(text, format).request, request);
    });
  }
});

describe('convertDocument', () => {
  it('keeps every value meaning the same from YAML to JSON and back', () => {
    const yaml =
      'datasetArn: x\nusers:\n- userId: 42\n  properties: {a: 1.0, b: [true, null, .inf, -.inf], c: "yes", d: 1e16}\n- userId: "007"\n  extra: 0x10\nempty: {}\nlist: []\n';
    const original = pyStr(parseDocument(yaml, 'yaml').root!);
    const json = convertDocument(yaml, 'yaml', 'json');
    assert.ok('text' in json);
    assert.equal(pyStr(parseDocument(json.text, 'json').root!), original);
    const back = convertDocument(json.text, 'json', 'yaml');
    assert.ok('text' in back);
    assert.equal(pyStr(parseDocument(back.text, 'yaml').root!), original);
    for (const s of tricky) {
      const doc = JSON.stringify({ k: s, [s || 'e']: 1 });
      const y = convertDocument(doc, 'json', 'yaml');
      assert.ok('text' in y);
      assert.equal(pyStr(parseDocument(y.text, 'yaml').root!), pyStr(parseDocument(doc, 'json').root!), s);
    }
  });

  it('reports a parse error with its range instead of converting', () => {
    const r = convertDocument('{"a": 1,}', 'json', 'yaml');
    assert.ok('error' in r);
    assert.equal(r.error.range.start.character, 8);
  });
});
