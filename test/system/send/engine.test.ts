// sendUsers() against the emulator over real HTTP with the real SDK: its serialisation, SigV4
// signing, error deserialisation and standard retries are what is tested (nothing is stubbed).
// Retry waits are the SDK's, scaled down (retryDelayScale) to keep the tests fast.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { PutUsersRequest, User } from '../../../src/core';
import type { Emulator, FaultRule } from '../../../src/emulator';
import { type SendOptions, type SendReport, sendUsers } from '../../../src/send';
import { notInRequest } from '../../../src/send/failed-file';
import {
  ARN,
  assertNothingLostNothingTwice,
  BUSY_ARN,
  emulatorSendOptions,
  KEYS,
  makeUsers,
  maxInFlight,
  startTestEmulator,
  UNKNOWN_ARN,
  withAwsEnv,
} from '../../support/emulator-harness';

describe('send: sendUsers() to the emulator', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.close());

  const options = (extra: Partial<SendOptions> = {}) => emulatorSendOptions(emulator, extra);
  const send = (users: User[], extra: Partial<SendOptions> = {}, datasetArn = ARN) =>
    sendUsers({ datasetArn, users }, options(extra));
  /** Whatever happened: the emulator has each user at most once, and accepted + not in = the input. */
  const check = (input: User[], report: SendReport, datasetArn = ARN) => {
    const notIn = notInRequest({ datasetArn, users: input }, report)?.users ?? [];
    assertNothingLostNothingTwice(emulator, input, notIn);
    assert.equal(report.accepted, emulator.acceptedUsers().length, 'the report counts what the emulator accepted');
    assert.equal(report.accepted + report.notIn.length, report.total);
    assert.equal(report.rejected + report.failed + report.unsent, report.notIn.length);
  };

  it('sends a few users in one request, signed for personalize in the region', async () => {
    const input = makeUsers(3);
    const report = await send(input);
    assert.equal(report.accepted, 3);
    assert.deepEqual(report.notIn, []);
    assert.equal(report.fatal, undefined);
    assert.deepEqual(
      report.requests.map((r) => [r.n, r.first, r.users, r.outcome, r.httpStatus, r.attempts]),
      [[1, 0, 3, 'accepted', 200, 1]],
    );
    assert.equal(report.requests[0]!.requestId, emulator.accepted[0]!.requestId);
    assert.deepEqual(emulator.acceptedUsers(), input);
    assert.deepEqual(
      [emulator.requests[0]!.scope?.service, emulator.requests[0]!.scope?.region],
      ['personalize', 'us-east-1'],
    );
    assert.deepEqual([report.region, report.endpoint], ['us-east-1', emulator.url]);
  });

  it('sends 25 users as 3 requests of at most 10, in file order', async () => {
    const input = makeUsers(25);
    const report = await send(input, { concurrency: 1 });
    assert.deepEqual(
      report.requests.map((r) => [r.first, r.users, r.outcome]),
      [
        [0, 10, 'accepted'],
        [10, 10, 'accepted'],
        [20, 5, 'accepted'],
      ],
    );
    assert.deepEqual(
      emulator.accepted.map((a) => a.users.length),
      [10, 10, 5],
    );
    assert.deepEqual(emulator.acceptedUsers(), input, 'in file order');
    assert.equal(report.attempts, 3);
    check(input, report);
  });

  it('keeps at most `concurrency` requests in flight, and reports progress up to the total', async () => {
    emulator.setFaults([{ fault: { kind: 'delay', ms: 30 } }]);
    const progress: number[] = [];
    const input = makeUsers(120);
    // Paced at 10 requests/s, 30 ms answers never overlap: this is about concurrency, not pace.
    const report = await send(input, {
      concurrency: 3,
      maxRequestsPerSecond: 1000,
      onProgress: (done, total) => (assert.equal(total, 120), progress.push(done)),
    });
    assert.equal(report.accepted, 120);
    assert.ok(maxInFlight(emulator) <= 3, `at most 3 at once, saw ${maxInFlight(emulator)}`);
    assert.ok(maxInFlight(emulator) >= 2, 'and more than one');
    assert.equal(progress.length, 12);
    assert.deepEqual(
      [...progress].sort((a, b) => a - b),
      progress,
      'progress only grows',
    );
    assert.equal(progress.at(-1), 120);
  });

  it('finds exactly the users the service rejects (bisection), gets every other user in, and sends none twice', async () => {
    emulator.setFaults([
      { fault: { kind: 'reject-user', userIds: ['u3', 'u17', 'u18', 'u29'], message: 'Invalid value for field age.' } },
    ]);
    const input = makeUsers(30);
    const report = await send(input, { concurrency: 2 });
    assert.deepEqual(
      report.notIn.map((n) => [n.index, n.status, n.message]),
      [3, 17, 18, 29].map((i) => [i, 'rejected', 'Invalid value for field age.']),
    );
    assert.equal(report.accepted, 26);
    assert.equal(report.rejected, 4);
    assert.ok(
      report.requests.some((r) => r.split),
      'rejected requests were split',
    );
    assert.ok(
      report.notIn.every(
        (n) => n.requestId && emulator.requests.some((r) => r.requestId === n.requestId && r.status === 400),
      ),
      'each rejection names its request',
    );
    assert.equal(report.fatal, undefined);
    check(input, report);
  });

  it('stops when the service rejects every user of a request one by one (the file is wrong throughout)', async () => {
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: makeUsers(100).map((u) => u.userId) } }]);
    const input = makeUsers(100);
    const report = await send(input, { concurrency: 1 });
    assert.equal(report.fatal?.kind, 'all-rejected');
    assert.match(report.fatal!.message, /rejected every user of users\[0\.\.9\], one by one/);
    assert.equal(report.rejected, 10);
    assert.equal(report.unsent, 90);
    assert.equal(emulator.requests.length, 19, '1 + 2 + 4 + 8 + 4: the first batch bisected, then nothing more');
    check(input, report);
  });

  it('retries throttling (400 ThrottlingException and 429) and then succeeds', async () => {
    emulator.setFaults([
      { when: [1, 2], fault: { kind: 'throttle' } },
      { when: 3, fault: { kind: 'throttle', status: 429 } },
    ]);
    const input = makeUsers(5);
    const report = await send(input, { maxAttempts: 4 });
    assert.equal(report.accepted, 5);
    assert.deepEqual([report.requests[0]!.attempts, report.requests[0]!.outcome, report.attempts], [4, 'accepted', 4]);
    assert.deepEqual(
      emulator.requests.map((r) => r.status),
      [400, 400, 429, 200],
    );
    check(input, report);
  });

  it('retries 5xx and a dropped connection, and then succeeds', async () => {
    emulator.setFaults([
      { when: 1, fault: { kind: 'status', status: 500 } },
      { when: 2, fault: { kind: 'status', status: 503 } },
      { when: 3, fault: { kind: 'drop' } },
    ]);
    const input = makeUsers(10);
    const report = await send(input, { maxAttempts: 4 });
    assert.equal(report.accepted, 10);
    assert.equal(report.requests[0]!.attempts, 4);
    assert.deepEqual(
      emulator.requests.map((r) => r.status),
      [500, 503, 0, 200],
    );
    check(input, report);
  });

  it('gives up on a request after max attempts of 5xx, keeps its users for the failed file, and sends the others', async () => {
    emulator.setFaults([{ when: (r) => r.userIds.includes('u12'), fault: { kind: 'status', status: 500 } }]);
    const input = makeUsers(30);
    const report = await send(input, { maxAttempts: 3, concurrency: 1 });
    assert.equal(report.accepted, 20);
    assert.deepEqual(
      report.notIn.map((n) => [n.index, n.status]),
      Array.from({ length: 10 }, (_, i) => [10 + i, 'failed']),
    );
    const failed = report.requests.find((r) => r.outcome === 'failed')!;
    assert.deepEqual([failed.first, failed.attempts, failed.httpStatus, failed.error?.kind], [10, 3, 500, 'server']);
    assert.equal(emulator.requests.filter((r) => r.status === 500).length, 3);
    check(input, report);
  });

  it('stops after 5 requests in a row fail for good (5xx forever)', async () => {
    emulator.setFaults([{ fault: { kind: 'status', status: 503 } }]);
    const input = makeUsers(100);
    const report = await send(input, { maxAttempts: 2, concurrency: 1 });
    assert.equal(report.accepted, 0);
    assert.equal(report.failed, 50);
    assert.equal(report.unsent, 50);
    assert.match(
      report.fatal!.message,
      /^5 requests in a row failed for good; stopped\. Last: The service failed \(HTTP 503 ServiceUnavailableException/,
    );
    assert.equal(emulator.requests.length, 10);
    check(input, report);
  });

  it('reports a connection that keeps dropping as failed, with what to do', async () => {
    emulator.setFaults([{ when: (r) => r.userIds.includes('u0'), fault: { kind: 'drop' } }]);
    const input = makeUsers(15);
    const report = await send(input, { maxAttempts: 2, concurrency: 1 });
    assert.deepEqual([report.accepted, report.failed], [5, 10]);
    assert.equal(report.requests[0]!.error?.kind, 'connection');
    assert.match(report.notIn[0]!.message!, /The connection to http:\/\/127\.0\.0\.1:\d+ broke even after the retries/);
    check(input, report);
  });

  it('stops at once on an unknown dataset (404): wrong ARN or region', async () => {
    const input = makeUsers(35);
    const report = await send(input, { concurrency: 1 }, UNKNOWN_ARN);
    assert.equal(report.fatal?.kind, 'not-found');
    assert.equal(report.fatal?.httpStatus, 404);
    assert.match(
      report.fatal!.message,
      /The service at http:\/\/127\.0\.0\.1:\d+ found no dataset .*nope\/USERS in us-east-1 .*check that it holds this dataset\.$/,
    );
    assert.deepEqual([report.accepted, report.failed, report.unsent], [0, 10, 25]);
    assert.equal(emulator.requests.length, 1, 'no further request');
    check(input, report, UNKNOWN_ARN);
  });

  it("says the ARN's region, and no region as the remedy, when a custom endpoint has no such dataset", async () => {
    // The region cannot help: the endpoint (here the emulator) decides which datasets exist there.
    const report = await send(makeUsers(2), { region: 'eu-west-1' }, UNKNOWN_ARN);
    assert.match(
      report.fatal!.message,
      /in eu-west-1 .*Requests go to that endpoint, not to AWS's own in us-east-1: check that it holds this dataset\.$/,
    );
    assert.deepEqual(report.fatal!.remedy, { kind: 'check-endpoint' });
  });

  it('stops on a busy dataset (409)', async () => {
    const input = makeUsers(12);
    const report = await send(input, { concurrency: 1 }, BUSY_ARN);
    assert.deepEqual(
      [report.fatal?.kind, report.fatal?.code, report.fatal?.httpStatus],
      ['in-use', 'ResourceInUseException', 409],
    );
    assert.match(report.fatal!.message, /wait until its import or update has finished/);
    assert.deepEqual([report.failed, report.unsent], [10, 2]);
    check(input, report, BUSY_ARN);
  });

  it('stops with a clear message when the emulator refuses the signature (wrong secret) or the key', async () => {
    const input = makeUsers(12);
    const wrongSecret = await send(input, { credentials: { ...KEYS, secretAccessKey: 'not-the-secret' } });
    assert.deepEqual(
      [wrongSecret.fatal?.kind, wrongSecret.fatal?.code, wrongSecret.fatal?.httpStatus],
      ['credentials-refused', 'InvalidSignatureException', 403],
    );
    assert.match(
      wrongSecret.fatal!.message,
      /^The service refused the credentials: InvalidSignatureException: The request signature we calculated does not match .* Check the access key and secret/,
    );
    assert.doesNotMatch(JSON.stringify(wrongSecret), /not-the-secret|emulator\/Secret/, 'no secret in the report');
    const unknownKey = await send(input, { credentials: { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' } });
    assert.deepEqual(
      [unknownKey.fatal?.code, unknownKey.fatal?.kind],
      ['UnrecognizedClientException', 'credentials-refused'],
    );
    assert.equal(emulator.accepted.length, 0);
    check(input, unknownKey);
  });

  it('finds credentials and the region in the environment, and a profile in the shared files', async () => {
    const input = makeUsers(4);
    const fromEnv = await withAwsEnv(
      { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey, AWS_REGION: 'us-east-1' },
      () => sendUsers({ datasetArn: ARN, users: input }, { endpoint: emulator.url, retryDelayScale: 0.01 }),
    );
    assert.equal(fromEnv.accepted, 4);
    assert.equal(fromEnv.region, 'us-east-1');
    /** Sends `input` with the profile "demo" (region eu-central-1) written into the shared files of `dir`. */
    const sendWithDemoProfile = (dir: string) => {
      writeFileSync(`${dir}/config`, '[profile demo]\nregion = eu-central-1\n');
      writeFileSync(
        `${dir}/credentials`,
        `[demo]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
      );
      return sendUsers(
        { datasetArn: ARN, users: input },
        { profile: 'demo', endpoint: emulator.url, retryDelayScale: 0.01 },
      );
    };
    const fromProfile = await withAwsEnv({}, sendWithDemoProfile);
    assert.equal(fromProfile.accepted, 4, JSON.stringify(fromProfile.fatal));
    assert.equal(fromProfile.region, 'eu-central-1', "the profile's region");
    assert.equal(emulator.requests.at(-1)!.scope?.region, 'eu-central-1');
    // AWS_DEFAULT_REGION, which the AWS CLI reads and the SDK alone ignores, beats the profile's region.
    const fromDefaultRegion = await withAwsEnv({ AWS_DEFAULT_REGION: 'ap-south-1' }, sendWithDemoProfile);
    assert.equal(fromDefaultRegion.region, 'ap-south-1');
    assert.equal(emulator.requests.at(-1)!.scope?.region, 'ap-south-1');
  });

  it('sends nothing without credentials, and says why', async () => {
    const input = makeUsers(3);
    const none = await withAwsEnv({ AWS_REGION: 'us-east-1' }, () =>
      sendUsers({ datasetArn: ARN, users: input }, { endpoint: emulator.url }),
    );
    assert.equal(none.fatal?.kind, 'no-credentials');
    assert.match(none.fatal!.message, /^No AWS credentials found .* There is no \[default\] profile/);
    assert.deepEqual([none.unsent, none.requests.length, emulator.requests.length], [3, 0, 0]);
    const missingProfile = await withAwsEnv({ AWS_REGION: 'us-east-1' }, () =>
      sendUsers({ datasetArn: ARN, users: input }, { profile: 'ghost', endpoint: emulator.url }),
    );
    assert.match(missingProfile.fatal!.message, /The profile "ghost" is in neither/);
    check(input, none);
  });

  it("uses a profile's credential_process, as the AWS CLI does", async () => {
    const report = await withAwsEnv({}, async (dir) => {
      const script = `${dir}/creds.js`;
      writeFileSync(
        script,
        `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(KEYS.accessKeyId)}, SecretAccessKey: ${JSON.stringify(KEYS.secretAccessKey)} }))`,
      );
      writeFileSync(
        `${dir}/config`,
        `[profile proc]\nregion = us-east-1\ncredential_process = ${process.execPath} ${script}\n`,
      );
      return sendUsers({ datasetArn: ARN, users: makeUsers(3) }, { profile: 'proc', endpoint: emulator.url });
    });
    assert.equal(report.accepted, 3, JSON.stringify(report.fatal));
  });

  it('says to run aws sso login when the SSO session has expired (nothing sent)', async () => {
    for (const style of ['legacy', 'sso-session']) {
      const report = await withAwsEnv({}, async (dir) => {
        process.env['HOME'] = dir;
        const start = 'https://example.awsapps.com/start';
        const config =
          style === 'legacy'
            ? `[profile work]\nregion = us-east-1\nsso_start_url = ${start}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Sender\n`
            : `[profile work]\nregion = us-east-1\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Sender\n[sso-session corp]\nsso_start_url = ${start}\nsso_region = us-east-1\n`;
        writeFileSync(`${dir}/config`, config);
        mkdirSync(`${dir}/.aws/sso/cache`, { recursive: true });
        const key = style === 'legacy' ? start : 'corp';
        writeFileSync(
          `${dir}/.aws/sso/cache/${createHash('sha1').update(key).digest('hex')}.json`,
          JSON.stringify({
            accessToken: 'expired',
            expiresAt: '2020-01-01T00:00:00Z',
            region: 'us-east-1',
            startUrl: start,
          }),
        );
        return sendUsers({ datasetArn: ARN, users: makeUsers(3) }, { profile: 'work', endpoint: emulator.url });
      });
      assert.equal(report.fatal?.kind, 'sso-expired', `${style}: ${report.fatal?.message}`);
      assert.match(
        report.fatal!.message,
        /^The SSO session of profile "work" has expired or was never started: run `aws sso login --profile work`, then send again\./,
      );
      assert.equal(report.unsent, 3);
    }
    assert.equal(emulator.requests.length, 0);
  });

  it("sends nothing without a region, and names the ARN's", async () => {
    const report = await withAwsEnv({}, () =>
      sendUsers({ datasetArn: ARN, users: makeUsers(3) }, { endpoint: emulator.url, credentials: KEYS }),
    );
    assert.equal(report.fatal?.kind, 'no-region');
    assert.match(report.fatal!.message, /^No region \(the dataset ARN names us-east-1\): set AWS_REGION/);
    assert.deepEqual(report.fatal!.remedy, { kind: 'set-region', region: 'us-east-1' });
    assert.equal(emulator.requests.length, 0);
  });

  it('stops when the endpoint cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const input = makeUsers(25);
    const report = await sendUsers(
      { datasetArn: ARN, users: input },
      { ...options({ endpoint: `http://127.0.0.1:${port}`, concurrency: 1, maxAttempts: 2 }) },
    );
    assert.equal(report.fatal?.kind, 'unreachable');
    assert.match(
      report.fatal!.message,
      new RegExp(`^Cannot reach http://127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED`),
    );
    assert.deepEqual([report.failed, report.unsent], [10, 15]);
    assert.equal(report.requests[0]!.attempts, 2);
  });

  it('refuses plain http to another host before sending anything', async () => {
    const report = await sendUsers(
      { datasetArn: ARN, users: makeUsers(2) },
      { endpoint: 'http://192.0.2.1:4566', region: 'us-east-1', credentials: KEYS },
    );
    assert.equal(report.fatal?.kind, 'insecure-endpoint');
    assert.equal(report.unsent, 2);
    assert.equal(report.requests.length, 0);
  });

  it('cancels midway: nothing more is sent, and the report and the unsent users agree with what the emulator accepted', async () => {
    emulator.setFaults([{ fault: { kind: 'delay', ms: 5 } }]);
    const controller = new AbortController();
    const input = makeUsers(200);
    const report = await send(input, {
      concurrency: 3,
      signal: controller.signal,
      onProgress: (done) => done >= 50 && controller.abort(),
    });
    assert.equal(report.cancelled, true);
    assert.ok(report.accepted >= 50 && report.accepted <= 80, `requests in flight finish: ${report.accepted}`);
    assert.equal(report.unsent, 200 - report.accepted);
    assert.ok(report.notIn.every((n) => n.status === 'unsent'));
    assert.equal(emulator.requests.length, report.requests.length, 'nothing sent after the report was made');
    check(input, report);
  });

  it('cancels during retries: no more attempts, the request is reported failed, nothing lost', async () => {
    emulator.setFaults([{ fault: { kind: 'throttle' } }]);
    const controller = new AbortController();
    const input = makeUsers(30);
    setTimeout(() => controller.abort(), 100);
    const t0 = Date.now();
    // Throttling waits are the SDK's own (scale 1: up to seconds); Cancel must cut them short.
    const report = await send(input, {
      concurrency: 2,
      maxAttempts: 10,
      retryDelayScale: 1,
      signal: controller.signal,
    });
    assert.ok(Date.now() - t0 < 1500, `cancel cut the waits short (${Date.now() - t0} ms)`);
    assert.equal(report.cancelled, true);
    // Requests sent and throttled are failed; those still waiting for their turn, unsent.
    assert.equal(report.accepted, 0);
    assert.ok(report.failed >= 10, `the first request was sent: ${report.failed} failed`);
    assert.equal(report.failed + report.unsent, 30);
    assert.equal(report.failed, report.requests.length * 10);
    assert.ok(report.notIn.every((n) => n.status === 'unsent' || n.code === 'ThrottlingException'));
    check(input, report);
  });

  it('holds no user data in its report and logs none at any level', async () => {
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: ['secret-user-7'] } }]);
    const input: User[] = makeUsers(12).map((_, i) => ({
      userId: `secret-user-${i}`,
      properties: '{"favouriteColour": "ultramarine"}',
    }));
    const lines: string[] = [];
    const log = (level: string) => (m: string) => lines.push(`${level} ${m}`);
    const report = await send(input, {
      logger: { trace: log('trace'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    });
    assert.equal(report.rejected, 1);
    assert.ok(lines.length > 5);
    const text = JSON.stringify(report) + lines.join('\n');
    assert.doesNotMatch(text, /secret-user|ultramarine|favouriteColour/);
    assert.doesNotMatch(text, new RegExp(KEYS.secretAccessKey.replace(/[+/]/g, '\\$&')));
    const properties = input[7]!.properties!.length;
    assert.ok(
      lines.includes(`debug rejected: users[7] (userId: 13 characters, properties: ${properties} characters)`),
      lines.join('\n'),
    );
  });

  it('sends nothing for an empty list, and refuses a silly concurrency', async () => {
    const report = await send([]);
    assert.deepEqual([report.total, report.requests.length], [0, 0]);
    await assert.rejects(() => send(makeUsers(1), { concurrency: 0 }), RangeError);
  });

  it('keeps the invariant under a random mix of faults', async () => {
    // Throttling at random, not for pace: each one would halve the pace, and this is about the invariant.
    emulator.setQuota(false);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 4; round++) {
      emulator.clear();
      const input = makeUsers(97, round * 1000);
      const rejected = input.filter(() => random() < 0.04).map((u) => u.userId);
      emulator.setFaults([
        { when: () => random() < 0.15, fault: { kind: 'status', status: 503 } },
        { when: () => random() < 0.1, fault: { kind: 'throttle' } },
        { when: () => random() < 0.05, fault: { kind: 'drop' } },
        { fault: { kind: 'reject-user', userIds: rejected } },
      ]);
      const request: PutUsersRequest = { datasetArn: ARN, users: input };
      const report = await sendUsers(
        request,
        options({ concurrency: 4, maxAttempts: 3, maxConsecutiveFailures: 1000, maxRequestsPerSecond: 1000 }),
      );
      check(input, report);
      for (const n of report.notIn.filter((n) => n.status === 'rejected'))
        assert.ok(rejected.includes(input[n.index]!.userId), `users[${n.index}] was rejected by the service`);
      for (const id of rejected) {
        assert.ok(!emulator.acceptedUsers().some((u) => u.userId === id), `${id} must not get in`);
        assert.ok(
          report.notIn.some((n) => input[n.index]!.userId === id),
          `${id} is in the failed-users list`,
        );
      }
    }
  });

  describe('the fault matrix: each fault at each request of a 3-request send, then Cancel at each moment', () => {
    const input = makeUsers(25);
    const batch = (k: number) => input.slice(10 * k, 10 * k + 10);
    const inBatch = (k: number) => (r: { userIds: readonly string[] }) => r.userIds.includes(batch(k)[0]!.userId);
    // What each fault does to the users of the request it hits: all in (retried or slow), or not.
    const FAULTS: [string, (k: number) => FaultRule, 'all in' | 'batch failed' | 'one rejected'][] = [
      ['HTTP 500 once', (k) => ({ when: inBatch(k), times: 1, fault: { kind: 'status', status: 500 } }), 'all in'],
      ['HTTP 503 for good', (k) => ({ when: inBatch(k), fault: { kind: 'status', status: 503 } }), 'batch failed'],
      [
        'throttled once (429)',
        (k) => ({ when: inBatch(k), times: 1, fault: { kind: 'throttle', status: 429 } }),
        'all in',
      ],
      [
        'throttled for good (400)',
        (k) => ({ when: inBatch(k), fault: { kind: 'throttle', status: 400 } }),
        'batch failed',
      ],
      ['a slow answer', (k) => ({ when: inBatch(k), fault: { kind: 'delay', ms: 150 } }), 'all in'],
      ['a dropped connection once', (k) => ({ when: inBatch(k), times: 1, fault: { kind: 'drop' } }), 'all in'],
      ['a dropped connection for good', (k) => ({ when: inBatch(k), fault: { kind: 'drop' } }), 'batch failed'],
      ['a rejected user', (k) => ({ fault: { kind: 'reject-user', userIds: [batch(k)[3]!.userId] } }), 'one rejected'],
    ];
    for (const [name, rule, outcome] of FAULTS)
      for (const concurrency of [1, 3])
        it(`${name}, at request 1, 2 and 3, ${concurrency} at a time: the report, the failed file and the emulator agree`, async () => {
          for (const k of [0, 1, 2]) {
            emulator.clear();
            emulator.setFaults([rule(k)]);
            // A throttled request is tried again until no request got through for 300 ms.
            const report = await send(input, { concurrency, maxAttempts: 3, stallTimeoutMs: 300 });
            check(input, report);
            const notIn = report.notIn.map((n) => input[n.index]!.userId);
            if (outcome === 'all in') assert.deepEqual(notIn, [], `request ${k + 1}`);
            if (outcome === 'one rejected') assert.deepEqual(notIn, [batch(k)[3]!.userId], `request ${k + 1}`);
            if (outcome === 'batch failed') {
              assert.deepEqual(
                notIn,
                batch(k).map((u) => u.userId),
                `request ${k + 1}`,
              );
              assert.ok(report.notIn.every((n) => n.status === 'failed'));
            }
          }
        });

    for (const requestsDone of [0, 1, 2])
      it(`Cancel after ${requestsDone} of 3 requests: what was sent is in, the rest is unsent, nothing twice`, async () => {
        const controller = new AbortController();
        if (requestsDone === 0) controller.abort();
        const report = await send(input, {
          concurrency: 1,
          signal: controller.signal,
          onProgress: (done) => done >= 10 * requestsDone && controller.abort(),
        });
        check(input, report);
        assert.equal(report.cancelled, true);
        assert.equal(report.accepted, 10 * requestsDone);
        assert.ok(report.notIn.every((n) => n.status === 'unsent'));
      });
  });
});
