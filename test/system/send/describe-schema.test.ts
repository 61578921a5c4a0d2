// A Users dataset's schema fetched as the extension fetches it (DescribeDataset, then
// DescribeSchema) from the emulator, signed and checked for real: the schema as given, and each
// way it can fail worded as sending failures are.
import * as assert from 'node:assert/strict';
import { type Emulator } from '../../../src/emulator';
import { describeDatasetSchema } from '../../../src/send';
import { controlPlaneEndpoint } from '../../../src/send/describe-schema';
import { ARN, KEYS, startTestEmulator, UNKNOWN_ARN, withAwsEnv } from '../../support/emulator-harness';
import { usersSchemaText } from '../../support/values';

const WEST = 'arn:aws:personalize:eu-west-1:123456789012:dataset/shop/USERS';
const NO_SCHEMA = 'arn:aws:personalize:us-east-1:123456789012:dataset/bare/USERS';

describe('describeDatasetSchema (DescribeDataset + DescribeSchema) against the emulator', function () {
  this.timeout(30_000);
  const schemaText = usersSchemaText(
    { name: 'AGE', type: 'int' },
    { name: 'MEMBER_TIER', type: ['null', 'string'], categorical: true },
  );
  let emulator: Emulator;
  before(async () => {
    emulator = await startTestEmulator({
      datasets: [{ arn: ARN, schema: schemaText }, { arn: WEST, schema: schemaText }, { arn: NO_SCHEMA }],
    });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.clear());
  const options = { endpoint: '', credentials: KEYS, retryDelayScale: 0.01 };
  const describe = (arn: string, extra = {}) =>
    describeDatasetSchema(arn, { ...options, endpoint: emulator.url, ...extra });

  it("gives the schema's Avro JSON as the dataset's schema, signed for personalize in the ARN's region", async () => {
    for (const arn of [ARN, WEST]) {
      const result = await describe(arn, { region: 'ap-south-1' });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.schema.schemaText, schemaText);
      assert.equal(result.schema.datasetArn, arn);
      assert.match(result.schema.schemaArn, /^arn:aws:personalize:[a-z0-9-]+:123456789012:schema\/[a-z]+-users$/);
    }
    assert.deepEqual(
      emulator.describeRequests.map((r) => [r.path, r.status, r.scope?.service, r.scope?.region]),
      [
        ['DescribeDataset', 200, 'personalize', 'us-east-1'],
        ['DescribeSchema', 200, 'personalize', 'us-east-1'],
        ['DescribeDataset', 200, 'personalize', 'eu-west-1'],
        ['DescribeSchema', 200, 'personalize', 'eu-west-1'],
      ],
    );
    assert.equal(emulator.requests.length, 0, 'no PutUsers');
  });

  it('an unknown dataset: not found, with the ARN; a dataset without a schema: says so', async () => {
    const unknown = await describe(UNKNOWN_ARN);
    assert.ok(!unknown.ok);
    assert.equal(unknown.failure.kind, 'not-found');
    assert.equal(unknown.failure.code, 'ResourceNotFoundException');
    assert.match(unknown.failure.message, new RegExp(`found no dataset ${UNKNOWN_ARN.replace(/[/.]/g, '\\$&')}`));
    const bare = await describe(NO_SCHEMA);
    assert.ok(!bare.ok);
    assert.equal(bare.failure.code, 'NoSchema');
    assert.match(bare.failure.message, /DescribeDataset gave no schema for/);
  });

  it('wrong keys are refused by the signature check, and worded as for sending', async () => {
    const result = await describe(ARN, { credentials: { ...KEYS, secretAccessKey: 'wrong' } });
    assert.ok(!result.ok);
    assert.equal(result.failure.kind, 'credentials-refused');
    assert.equal(result.failure.code, 'InvalidSignatureException');
    assert.ok(!result.failure.message.includes(KEYS.secretAccessKey), 'no secret in the message');
    assert.equal(emulator.describeRequests[0]!.status, 403);
  });

  it('no credentials at all: says where it looked, before any request', async () => {
    await withAwsEnv({}, async () => {
      const result = await describeDatasetSchema(ARN, { endpoint: emulator.url, maxAttempts: 1 });
      assert.ok(!result.ok);
      assert.equal(result.failure.kind, 'no-credentials');
      assert.match(result.failure.message, /no \[default\] profile/);
    });
    assert.equal(emulator.describeRequests.length, 0);
  });

  it('an http:// endpoint on another host is refused unless allowed; a named profile no file has is refused', async () => {
    const insecure = await describeDatasetSchema(ARN, { ...options, endpoint: 'http://192.0.2.1:9' });
    assert.ok(!insecure.ok);
    assert.equal(insecure.failure.kind, 'insecure-endpoint');
    await withAwsEnv({}, async () => {
      const missing = await describeDatasetSchema(ARN, { endpoint: emulator.url, profile: 'nope' });
      assert.ok(!missing.ok);
      assert.equal(missing.failure.code, 'ProfileNotFound');
    });
  });

  it('Cancel stops it', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await describe(ARN, { signal: controller.signal });
    assert.ok(!result.ok);
    assert.equal(result.failure.kind, 'cancelled');
  });

  it("the control plane's endpoint: a custom one as is, a regional Personalize Events one as its personalize twin", () => {
    assert.equal(controlPlaneEndpoint('http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
    assert.equal(
      controlPlaneEndpoint('https://personalize-events.eu-west-1.amazonaws.com'),
      'https://personalize.eu-west-1.amazonaws.com',
    );
    assert.equal(
      controlPlaneEndpoint('https://personalize-events.eu-west-1.amazonaws.com/'),
      'https://personalize.eu-west-1.amazonaws.com/',
    );
    assert.equal(controlPlaneEndpoint('not a url'), 'not a url');
  });
});
