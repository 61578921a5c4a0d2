// The table of finding codes is exact: every code in it is reported for some input, in the
// validator's own run, and nothing reports a code outside it (the type says so; this checks that
// no entry is dead).
import * as assert from 'node:assert/strict';
import { FINDING_CODES, type FindingCode, type Format, readDatasetSchema, validate } from '../../../src/core';
import { ARN, usersSchemaText } from '../../support/values';

const request = (users: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ datasetArn: ARN, users, ...extra });
const withProperties = (properties: string) => request([{ userId: 'u1', properties }]);

/** A Users schema: AGE an int, GENDER categorical, MEMBER nullable. */
const SCHEMA = usersSchemaText(
  { name: 'AGE', type: 'int' },
  { name: 'GENDER', type: 'string', categorical: true },
  { name: 'MEMBER', type: ['null', 'boolean'] },
);

/** One input that gets each code reported; with a schema's text, checked against it. */
const EXAMPLES: Record<FindingCode, [string, Format, string?]> = {
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
  'service/properties-duplicate-key': [withProperties('{"age": "4", "age": "5"}'), 'json'],
  'service/properties-nested-value': [withProperties('{"address": {"city": "Oslo"}}'), 'json'],
  'service/categorical-too-long': [withProperties(JSON.stringify({ genres: 'x'.repeat(1001) })), 'json'],
  'schema/invalid-schema': ['', 'json', SCHEMA.replace('USER_ID', 'USERID')],
  'schema/unknown-key': [withProperties('{"age": 3, "gendr": "F"}'), 'json', SCHEMA],
  'schema/key-not-camel-case': [withProperties('{"AGE": 3, "gender": "F"}'), 'json', SCHEMA],
  'schema/wrong-type': [withProperties('{"age": "old", "gender": "F"}'), 'json', SCHEMA],
  'schema/missing-field': [withProperties('{"age": 3}'), 'json', SCHEMA],
  'schema/empty-category': [withProperties('{"age": 3, "gender": "F||M"}'), 'json', SCHEMA],
  'schema/user-id-in-properties': [withProperties('{"age": 3, "gender": "F", "userId": "u1"}'), 'json', SCHEMA],
};

describe('finding codes', () => {
  for (const code of Object.keys(FINDING_CODES) as FindingCode[]) {
    it(`${code} is reported (${FINDING_CODES[code]})`, () => {
      const [text, format, schemaText] = EXAMPLES[code];
      const { schema, findings } = schemaText === undefined ? { findings: [] } : readDatasetSchema(schemaText);
      const codes = [...findings, ...validate(text, format, { datasetSchema: schema })].map((f) => f.code);
      assert.ok(codes.includes(code), `got ${codes.join(', ') || 'no finding'}`);
    });
  }
});
