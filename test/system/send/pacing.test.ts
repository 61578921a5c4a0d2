// Sending at the service's pace: sendUsers() against the emulator with the documented PutUsers
// quota on (10 requests/s per dataset group, a bucket of 10), over real HTTP with the real SDK.
// Figures of time are lower bounds only (a loaded machine is slower, never faster).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type User, writeInput } from '../../../src/core';
import type { Emulator } from '../../../src/emulator';
import { type SendOptions, type SendReport, sendUsers } from '../../../src/send';
import { notInRequest } from '../../../src/send/failed-file';
import {
  ARN,
  assertNothingLostNothingTwice,
  emulatorCliEnv,
  emulatorSendOptions,
  makeUsers,
  outputOf,
  startTestEmulator,
  withAwsEnv,
} from '../../support/emulator-harness';
import { repoRoot } from '../../support/repo';

describe('send: at the service’s pace (the emulator enforces the PutUsers quota)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  afterEach(() => emulator.close());

  const options = (extra: Partial<SendOptions> = {}) => emulatorSendOptions(emulator, extra);
  const timed = async (run: () => Promise<SendReport>) => {
    const t0 = Date.now();
    const report = await run();
    return { report, ms: Date.now() - t0 };
  };
  const quotaThrottles = () => emulator.requests.filter((r) => r.errorType === 'ThrottlingException').length;

  it('keeps to 10 requests/s by default: every user in, none throttled, no faster than the pace', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 10, burst: 10 } });
    const input = makeUsers(300);
    const { report, ms } = await timed(() => sendUsers({ datasetArn: ARN, users: input }, options()));
    assert.equal(report.accepted, 300);
    assert.deepEqual([report.throttled, quotaThrottles()], [0, 0]);
    assert.equal(report.maxRequestsPerSecond, 10);
    assert.ok(ms >= 2_900, `30 requests one tenth of a second apart take 2.9 s at least, not ${ms} ms`);
    assertNothingLostNothingTwice(emulator, input, []);
  });

  it('uses a raised quota when told (maxRequestsPerSecond 50)', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 50, burst: 50 } });
    const input = makeUsers(1_000);
    const { report, ms } = await timed(() =>
      sendUsers({ datasetArn: ARN, users: input }, options({ maxRequestsPerSecond: 50 })),
    );
    assert.equal(report.accepted, 1_000);
    assert.equal(report.throttled, 0);
    assert.ok(ms >= 1_980 && ms < 9_000, `100 requests at 50/s: 2 s, and less than the 9.9 s of 10/s; took ${ms} ms`);
    assertNothingLostNothingTwice(emulator, input, []);
  });

  it('meets a lower quota than it paces at: slows down, tries the throttled requests again, gets every user in once', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 4, burst: 4 } });
    const input = makeUsers(200);
    const report = await sendUsers({ datasetArn: ARN, users: input }, options());
    assert.equal(report.accepted, 200);
    assert.ok(report.throttled > 0, 'the service throttled some');
    assert.equal(report.throttled, quotaThrottles(), 'the report counts what the service throttled');
    assert.equal(report.attempts, emulator.requests.length);
    assert.ok(
      report.throttled / report.attempts < 0.5,
      `${report.throttled} of ${report.attempts} throttled: it slowed down`,
    );
    assertNothingLostNothingTwice(emulator, input, []);
  });

  it('shares the pace between two sends at once to one dataset group in this process: none throttled', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 10, burst: 10 } });
    const a = makeUsers(150);
    const b = makeUsers(150, 1_000);
    const { report: both, ms } = await timed(async () => {
      const [ra, rb] = await Promise.all([
        sendUsers({ datasetArn: ARN, users: a }, options()),
        sendUsers({ datasetArn: ARN, users: b }, options()),
      ]);
      return { ...ra, accepted: ra.accepted + rb.accepted, throttled: ra.throttled + rb.throttled };
    });
    assert.equal(both.accepted, 300);
    assert.equal(both.throttled, 0);
    assert.ok(ms >= 2_900, `30 requests of one group at 10/s take 2.9 s at least, not ${ms} ms`);
    assertNothingLostNothingTwice(emulator, [...a, ...b], []);
  });

  it('shares the quota with the CLI sending from another process at the same time: both all in, nothing twice', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 10, burst: 10 } });
    const dir = mkdtempSync(path.join(tmpdir(), 'putusers-pacing-'));
    try {
      const cliUsers: User[] = makeUsers(200, 5_000);
      const file = path.join(dir, 'cli.putusers.json');
      writeFileSync(file, writeInput({ datasetArn: ARN, users: cliUsers }, 'json'));
      const ours = makeUsers(200);
      const [cli, report] = await Promise.all([
        cliSend(file, emulator.url, dir),
        sendUsers({ datasetArn: ARN, users: ours }, options()),
      ]);
      assert.equal(cli.code, 0, cli.stderr);
      assert.match(cli.stdout, /^Sending 200 users in 20 requests, about 2 s at 10 requests\/s\.\n/);
      assert.match(cli.stdout, /\n200 of 200 users in \(200 accepted, 0 rejected, 0 failed, 0 unsent\)/);
      assert.equal(report.accepted, 200);
      assertNothingLostNothingTwice(emulator, [...cliUsers, ...ours], []);
      const cliThrottled = Number(/\((\d+) throttled\)/.exec(cli.stdout)?.[1] ?? 0);
      assert.equal(report.throttled + cliThrottled, quotaThrottles(), 'each counted the throttling it met');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives up on a request the service keeps throttling once nothing got through for the stall time: failed, not lost', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 10, burst: 10 } });
    emulator.setFaults([{ fault: { kind: 'throttle' } }]);
    const input = makeUsers(25);
    const { report, ms } = await timed(() =>
      sendUsers({ datasetArn: ARN, users: input }, options({ stallTimeoutMs: 1_000 })),
    );
    assert.deepEqual([report.accepted, report.failed], [0, 25]);
    assert.ok(report.notIn.every((n) => n.status === 'failed' && n.code === 'ThrottlingException'));
    assert.ok(report.throttled >= 3 && report.throttled === report.attempts);
    assert.ok(ms >= 1_000, `it kept trying for the stall time: ${ms} ms`);
    assertNothingLostNothingTwice(emulator, input, notInRequest({ datasetArn: ARN, users: input }, report)!.users);
  });

  it('Cancel mid-send at the pace: the report, the users-not-in list and what the emulator accepted agree exactly', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 10, burst: 10 } });
    const controller = new AbortController();
    const input = makeUsers(400);
    const report = await sendUsers(
      { datasetArn: ARN, users: input },
      options({ signal: controller.signal, onProgress: (done) => done >= 100 && controller.abort() }),
    );
    assert.equal(report.cancelled, true);
    assert.ok(report.accepted >= 100 && report.accepted <= 150, `in flight when cancelled finish: ${report.accepted}`);
    assert.equal(report.accepted, emulator.acceptedUsers().length);
    assert.equal(report.unsent, 400 - report.accepted);
    assert.equal(emulator.requests.length, report.requests.length, 'nothing sent after Cancel was answered');
    assertNothingLostNothingTwice(emulator, input, notInRequest({ datasetArn: ARN, users: input }, report)!.users);
  });

  it('says the time left as it goes, shrinking to nothing', async () => {
    emulator = await startTestEmulator({ quota: { requestsPerSecond: 10, burst: 10 } });
    const seen: { done: number; accepted: number; msLeft: number }[] = [];
    await sendUsers(
      { datasetArn: ARN, users: makeUsers(200) },
      options({ concurrency: 1, onProgress: (done, _total, p) => seen.push({ done, ...p }) }),
    );
    assert.equal(seen.length, 20);
    assert.ok(seen[0]!.msLeft > 1_000 && seen[0]!.msLeft <= 1_900, `19 requests left at 10/s: ${seen[0]!.msLeft} ms`);
    assert.equal(seen.at(-1)!.msLeft, 0);
    assert.deepEqual(
      seen.map((s) => s.accepted),
      seen.map((s) => s.done),
      'every user sent got in',
    );
    for (let k = 1; k < seen.length; k++) assert.ok(seen[k]!.msLeft <= seen[k - 1]!.msLeft + 200, `at ${k}`);
  });
});

/** `putusers send FILE` (the built CLI) in a process of its own, with the emulator's keys. */
function cliSend(file: string, url: string, home: string) {
  return withAwsEnv({}, () =>
    outputOf(
      spawn(
        process.execPath,
        [path.join(repoRoot(), 'dist/cli.js'), 'send', file, '--endpoint-url', url, '--region', 'us-east-1'],
        { env: emulatorCliEnv(home) },
      ),
    ),
  );
}
