// Differential: the real AWS CLI v2 (/usr/bin/aws, `--endpoint-url` to the emulator) and our
// sender send the same files. The emulator must record the same JSON bodies and the same signing
// scope from both, the CLI's own requests must pass the emulator's signature check (and fail it
// once tampered with: the check is real), and botocore must read the emulator's errors as the
// SDK does (same error code, same message).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readRequest, type User, writeInput } from '../../../src/core';
import { type Emulator, type ReceivedRequest, startEmulator } from '../../../src/emulator';
import { describeDatasetSchema, sendUsers } from '../../../src/send';
import { awsCliPath, cliEnv } from '../../support/aws-cli';
import { ARN, BUSY_ARN, makeUsers, UNKNOWN_ARN } from '../../support/emulator-harness';
import { usersSchemaText } from '../../support/values';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

describe('emulator and sender vs the real AWS CLI', function () {
  this.timeout(60_000);
  let cli: string | undefined;
  let emulator: Emulator;
  let dir: string;
  const env = cliEnv();
  const keys = { accessKeyId: env['AWS_ACCESS_KEY_ID']!, secretAccessKey: env['AWS_SECRET_ACCESS_KEY']! };
  const region = env['AWS_DEFAULT_REGION']!;

  before(function () {
    cli = awsCliPath();
    if (!cli) this.skip(); // the AWS CLI v2 is not installed at /usr/bin/aws: nothing to compare with
  });
  beforeEach(async () => {
    emulator = await startEmulator({
      credentials: [keys],
      datasets: [{ arn: ARN }, { arn: BUSY_ARN, busy: true }],
      region,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'putusers-cli-diff-'));
  });
  afterEach(async () => {
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, users: User[], datasetArn = ARN): string {
    const p = path.join(dir, name);
    writeFileSync(p, writeInput({ datasetArn, users }, /\.ya?ml$/.test(name) ? 'yaml' : 'json'));
    return p;
  }
  function aws(input: string, extraEnv: Record<string, string> = {}): Promise<CliRun> {
    const flag = /\.ya?ml$/.test(input) ? '--cli-input-yaml' : '--cli-input-json';
    return new Promise((resolve) => {
      execFile(
        cli!,
        ['personalize-events', 'put-users', flag, `file://${input}`, '--endpoint-url', emulator.url],
        { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, stdout, stderr });
        },
      );
    });
  }
  const ours = (input: string) => {
    const { request } = readRequest(readFileSync(input, 'utf8'), /\.ya?ml$/.test(input) ? 'yaml' : 'json');
    return sendUsers(request!, {
      endpoint: emulator.url,
      region,
      credentials: keys,
      retryDelayScale: 0.01,
      concurrency: 1,
    });
  };
  const byUserAgent = (cliSide: boolean) => (r: ReceivedRequest) =>
    String(r.headers['user-agent']).startsWith('aws-cli/') === cliSide;

  it('records the same JSON bodies and signing scope from the CLI and from us; the CLI passes the signature check', async () => {
    const users: User[] = [
      { userId: 'u1', properties: '{"age": "31", "memberTier": "Gold|Frequent shopper"}' },
      { userId: 'ünï-çødé ✓', properties: '{"city": "Zürich", "quote": "say \\"hi\\"\\n"}' },
      { userId: 'u3' },
      { userId: 'tab\there', properties: '{"n": 1.5e3, "ok": true, "none": null}' },
    ];
    const json = file('users.putusers.json', users);
    const yaml = file('users.putusers.yaml', users);
    const [fromJson, fromYaml] = await Promise.all([aws(json), aws(yaml)]);
    assert.deepEqual([fromJson.code, fromJson.stderr], [0, '']);
    assert.deepEqual([fromYaml.code, fromYaml.stderr], [0, '']);
    const cliRequests = emulator.requests.filter(byUserAgent(true));
    assert.equal(cliRequests.length, 2);
    assert.ok(
      cliRequests.every((r) => r.status === 200),
      "the CLI's signatures pass the emulator's check",
    );
    const report = await ours(json);
    assert.equal(report.accepted, 4);
    const ourRequests = emulator.requests.filter(byUserAgent(false));
    assert.equal(ourRequests.length, 1);
    for (const r of cliRequests) {
      assert.deepEqual(JSON.parse(r.body), JSON.parse(ourRequests[0]!.body), 'same body (parsed)');
      assert.deepEqual(
        [r.scope?.region, r.scope?.service],
        [ourRequests[0]!.scope?.region, ourRequests[0]!.scope?.service],
        'same signing scope',
      );
      assert.deepEqual([r.scope?.region, r.scope?.service], ['us-east-1', 'personalize']);
    }
    assert.deepEqual(JSON.parse(ourRequests[0]!.body), { datasetArn: ARN, users });
    assert.deepEqual(
      emulator.accepted.map((a) => a.users),
      [users, users, users],
    );
  });

  it("the CLI's signature check is real: its recorded request fails once a byte changes, and a wrong secret is refused", async () => {
    const input = file('one.putusers.json', makeUsers(2));
    assert.equal((await aws(input)).code, 0);
    const recorded = emulator.requests[0]!;
    const replay = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const headers = Object.fromEntries(
          Object.entries(recorded.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
        );
        const req = httpRequest(
          emulator.url + '/users',
          { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    assert.equal(await replay(recorded.body), 200, "the CLI's request as it was");
    assert.equal(await replay(recorded.body.replace('"u1"', '"u2"')), 403, 'one byte of the body changed');
    const [wrong, wrongRegion] = await Promise.all([
      aws(input, { AWS_SECRET_ACCESS_KEY: 'not-the-secret' }),
      aws(input, { AWS_DEFAULT_REGION: 'eu-west-1' }),
    ]);
    assert.equal(wrong.code, 254);
    assert.match(
      wrong.stderr,
      /An error occurred \(InvalidSignatureException\) when calling the PutUsers operation: The request signature we calculated does not match the signature you provided/,
    );
    assert.match(
      wrongRegion.stderr,
      /\(InvalidSignatureException\) when calling the PutUsers operation: Credential should be scoped to a valid region, not 'eu-west-1'/,
    );
  });

  it("botocore and the SDK read the emulator's errors alike: InvalidInputException, ResourceNotFoundException, ResourceInUseException", async () => {
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: ['u1'], message: 'Invalid value for field age.' } }]);
    const cases = [
      { name: 'rejected.putusers.json', arn: ARN, users: makeUsers(1, 1), code: 'InvalidInputException' },
      { name: 'notfound.putusers.json', arn: UNKNOWN_ARN, users: makeUsers(1, 5), code: 'ResourceNotFoundException' },
      { name: 'busy.putusers.json', arn: BUSY_ARN, users: makeUsers(1, 5), code: 'ResourceInUseException' },
      { name: 'long.putusers.json', arn: ARN, users: [{ userId: 'x'.repeat(257) }], code: 'InvalidInputException' },
    ];
    const files = cases.map((c) => file(c.name, c.users, c.arn));
    const runs = await Promise.all(files.map((f) => aws(f)));
    for (const [i, c] of cases.entries()) {
      const run = runs[i]!;
      const m = /An error occurred \((\w+)\) when calling the PutUsers operation: (.*)\n$/.exec(run.stderr);
      assert.ok(m, run.stderr);
      assert.equal(m[1], c.code, c.name);
      const report = await ours(files[i]!);
      const seen = report.fatal ?? report.requests[0]!.error!;
      assert.equal(seen.code, c.code, c.name);
      const serviceMessage =
        report.notIn[0]?.status === 'rejected' ? report.notIn[0].message : report.requests[0]!.error!.message;
      assert.equal(serviceMessage, m[2], `${c.name}: the same message`);
    }
  });

  it('11 users: the CLI sends them as one request and the service refuses it; we send 10 + 1 and all get in', async () => {
    const input = file('eleven.putusers.json', makeUsers(11));
    const run = await aws(input);
    assert.match(
      run.stderr,
      /\(InvalidInputException\) when calling the PutUsers operation: 1 validation error detected: Value at 'users' failed to satisfy constraint: Member must have length less than or equal to 10/,
    );
    const report = await ours(input);
    assert.equal(report.accepted, 11);
    assert.deepEqual(
      report.requests.map((r) => r.users),
      [10, 1],
    );
  });

  it('throttling: past the quota the CLI retries, then gives up in its own words for it', async () => {
    // One token, and none back for the test's length: the CLI's first call takes it.
    emulator.setQuota({ requestsPerSecond: 0.001, burst: 1 });
    const input = file('throttled.putusers.json', makeUsers(1));
    assert.deepEqual(await aws(input), { code: 0, stdout: '', stderr: '' });
    const fast = { AWS_MAX_ATTEMPTS: '2', AWS_RETRY_MODE: 'standard' };
    const refused = await aws(input, fast);
    assert.equal(refused.code, 254);
    assert.equal(
      refused.stderr,
      '\nAn error occurred (ThrottlingException) when calling the PutUsers operation (reached max retries: 1): Rate exceeded\n',
    );
    const attempts = emulator.requests.slice(1);
    assert.equal(attempts.length, 2, 'botocore retried the throttled call once (2 attempts in all)');
    assert.ok(attempts.every((r) => r.throttledByQuota && r.status === 400));
    assert.equal(emulator.accepted.length, 1);
  });

  it('DescribeDataset and DescribeSchema: the CLI reads what the SDK reads, and the signatures of both pass', async () => {
    const schemaText = usersSchemaText({ name: 'AGE', type: 'int' }, { name: 'TIER', type: ['null', 'string'] });
    const withSchema = await startEmulator({
      credentials: [keys],
      datasets: [{ arn: ARN, schema: schemaText }],
      region,
    });
    try {
      const run = (args: string[]) =>
        new Promise<CliRun>((resolve) =>
          execFile(
            cli!,
            ['personalize', ...args, '--endpoint-url', withSchema.url, '--output', 'json'],
            { env, encoding: 'utf8', timeout: 60_000 },
            (error, stdout, stderr) =>
              resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, stdout, stderr }),
          ),
        );
      const dataset = await run(['describe-dataset', '--dataset-arn', ARN]);
      assert.deepEqual([dataset.code, dataset.stderr], [0, '']);
      const { dataset: d } = JSON.parse(dataset.stdout) as { dataset: Record<string, unknown> };
      assert.equal(d['datasetArn'], ARN);
      assert.equal(d['datasetType'], 'Users');
      const schema = await run(['describe-schema', '--schema-arn', String(d['schemaArn'])]);
      assert.deepEqual([schema.code, schema.stderr], [0, '']);
      const { schema: s } = JSON.parse(schema.stdout) as { schema: Record<string, unknown> };
      assert.equal(s['schema'], schemaText);
      const ours = await describeDatasetSchema(ARN, { endpoint: withSchema.url, credentials: keys });
      assert.ok(ours.ok);
      assert.deepEqual(
        [ours.schema.schemaArn, ours.schema.schemaName, ours.schema.schemaText],
        [d['schemaArn'], s['name'], s['schema']],
      );
      assert.ok(withSchema.describeRequests.every((r) => r.status === 200));
      assert.equal(withSchema.describeRequests.length, 4);
      const unknown = await run(['describe-dataset', '--dataset-arn', UNKNOWN_ARN]);
      assert.match(
        unknown.stderr,
        /An error occurred \(ResourceNotFoundException\) when calling the DescribeDataset operation: Could not find resource: /,
      );
    } finally {
      await withSchema.close();
    }
  });
});
