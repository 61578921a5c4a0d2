// The table of finding codes is exact: every code in it is reported for some input, in the
// validator's own run, and nothing reports a code outside it (the type says so; this checks that
// no entry is dead).
import * as assert from 'node:assert/strict';
import { FINDING_CODES, type FindingCode, type Format, validate } from '../../../src/core';
import { ARN } from '../../support/values';

const request = (users: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ datasetArn: ARN, users, ...extra });
const withProperties = (properties: string) => request([{ userId: 'u1', properties }]);

/** One input that gets each code reported. */
const EXAMPLES: Record<FindingCode, [string, Format]> = {
  'cli/invalid-json': ['{', 'json'],
  'cli/invalid-yaml': ['users: [', 'yaml'],
  'cli/crash': ['1: a\ndatasetArn: x\n', 'yaml'],
  'cli/too-large': [`a: &a [${'x, '.repeat(999)}x]\nb: [${'*a, '.repeat(200)}*a]\n`, 'yaml'],
  'cli/not-a-map': ['[]', 'json'],
  'cli/unknown-member': [request([{ userId: 'u1' }], { trackingId: 't' }), 'json'],
  'cli/missing-member': ['{}', 'json'],
  'cli/invalid-type': [request([{ userId: 42 }]), 'json'],
  'cli/too-short': [request([]), 'json'],
  'service/too-many-users': [request(Array.from({ length: 11 }, (_, i) => ({ userId: `u${i}` }))), 'json'],
  'service/duplicate-user-id': [request([{ userId: 'u1' }, { userId: 'u1' }]), 'json'],
  'service/too-long': [request([{ userId: 'u'.repeat(257) }]), 'json'],
  'service/arn-pattern': [JSON.stringify({ datasetArn: 'not-an-arn', users: [{ userId: 'u1' }] }), 'json'],
  'service/arn-placeholder': [
    JSON.stringify({ datasetArn: 'arn:aws:personalize:region:account:dataset/group/USERS', users: [{ userId: 'u1' }] }),
    'json',
  ],
  'service/arn-not-users-dataset': [
    JSON.stringify({ datasetArn: ARN.replace('/USERS', '/ITEMS'), users: [{ userId: 'u1' }] }),
    'json',
  ],
  'service/properties-not-json': [withProperties('{"age": '), 'json'],
  'service/properties-not-object': [withProperties('[1, 2]'), 'json'],
  'service/properties-key-case': [withProperties('{"NUMBER_OF_VIDEOS": "4"}'), 'json'],
  'service/properties-nested-value': [withProperties('{"address": {"city": "Oslo"}}'), 'json'],
  'service/categorical-too-long': [withProperties(JSON.stringify({ genres: 'x'.repeat(1001) })), 'json'],
};

describe('finding codes', () => {
  for (const code of Object.keys(FINDING_CODES) as FindingCode[]) {
    it(`${code} is reported (${FINDING_CODES[code]})`, () => {
      const [text, format] = EXAMPLES[code];
      const codes = validate(text, format).map((f) => f.code);
      assert.ok(codes.includes(code), `got ${codes.join(', ') || 'no finding'}`);
    });
  }
});
