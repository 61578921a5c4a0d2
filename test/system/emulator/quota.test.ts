// The emulator's PutUsers quota over real HTTP, driven by the real SDK client (one attempt per
// request): what gets in, what is throttled, and how the SDK classifies the throttling. The
// quota's clock is stopped where a test counts a burst exactly, so that a slow machine (requests
// spread over more than 100 ms) cannot refill a token in the middle; the HTTP is real either way.
import { type PersonalizeEventsClient, PutUsersCommand } from '@aws-sdk/client-personalize-events';
import { isThrottlingError } from '@smithy/core/retry';
import * as assert from 'node:assert/strict';
import { type Emulator, type EmulatorOptions } from '../../../src/emulator';
import { ARN, KEYS, makeUsers, startTestEmulator } from '../../support/emulator-harness';
import { clientFor } from '../../support/sdk-client';

/** A Users dataset of another dataset group, and a dataset of other type in ARN's group. */
const OTHER_GROUP = 'arn:aws:personalize:us-east-1:123456789012:dataset/other/USERS';
const ARN_GROUP_ITEMS = ARN.replace('/USERS', '/ITEMS');

interface Outcome {
  ok: boolean;
  name?: string;
  status?: number;
  message?: string;
  throttling?: boolean;
}

describe('emulator: the PutUsers quota (real HTTP, real SDK client)', () => {
  let emulator: Emulator;
  let client: PersonalizeEventsClient;
  const stopped = () => 1_000_000;
  async function start(extra: Partial<EmulatorOptions> = {}) {
    emulator = await startTestEmulator({ anyDataset: true, quotaClock: stopped, ...extra });
    client = clientFor(emulator);
  }
  afterEach(async () => {
    client?.destroy();
    await emulator?.close();
  });

  const put = (datasetArn: string, c = client): Promise<Outcome> =>
    c.send(new PutUsersCommand({ datasetArn, users: makeUsers(1) })).then(
      () => ({ ok: true }),
      (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({
        ok: false,
        name: e.name,
        status: e.$metadata?.httpStatusCode,
        message: e.message,
        throttling: isThrottlingError(e as Parameters<typeof isThrottlingError>[0]),
      }),
    );
  /** `n` PutUsers to `datasetArn` at once. */
  const many = (n: number, datasetArn = ARN) => Promise.all(Array.from({ length: n }, () => put(datasetArn)));
  const count = (outcomes: Outcome[], ok: boolean) => outcomes.filter((o) => o.ok === ok).length;

  it('lets 10 of 25 requests at once to one dataset group in (the default: 10/s, burst 10); the other 15 are throttled as the SDK classifies it', async () => {
    await start();
    const outcomes = await many(25);
    assert.equal(count(outcomes, true), 10);
    const refused = outcomes.filter((o) => !o.ok);
    assert.equal(refused.length, 15);
    for (const o of refused)
      assert.deepEqual(o, {
        ok: false,
        name: 'ThrottlingException',
        status: 400,
        message: 'Rate exceeded',
        throttling: true,
      });
    assert.equal(emulator.accepted.length, 10);
    const throttled = emulator.requests.filter((r) => r.throttledByQuota);
    assert.equal(throttled.length, 15);
    assert.ok(throttled.every((r) => r.errorType === 'ThrottlingException' && r.faults.length === 0));
  });

  it('keeps dataset groups apart: another group at the same moment is not throttled', async () => {
    await start();
    const [one, other] = await Promise.all([many(25, ARN), many(10, OTHER_GROUP)]);
    assert.equal(count(one, true), 10);
    assert.equal(count(other, true), 10, 'the other group has its own 10');
    assert.deepEqual(emulator.accepted.filter((a) => a.datasetArn === OTHER_GROUP).length, 10);
  });

  it('counts a dataset group across its datasets: requests that name its Items dataset spend its tokens too', async () => {
    await start();
    // Refused by the service (no such Users dataset) but counted first, as the quota comes first.
    const items = await many(10, ARN_GROUP_ITEMS);
    assert.deepEqual(
      items.map((o) => o.name),
      Array(10).fill('ResourceNotFoundException'),
    );
    assert.equal((await put(ARN)).name, 'ThrottlingException', "the Users dataset's group has no token left");
    assert.equal((await put(OTHER_GROUP)).ok, true);
  });

  it('setQuota(false) lifts it from the next request on: 25 at once all get in', async () => {
    await start();
    assert.equal(count(await many(25), true), 10);
    emulator.setQuota(false);
    assert.equal(count(await many(25), true), 25);
    emulator.setQuota({ requestsPerSecond: 10, burst: 2 });
    assert.equal(count(await many(5), true), 2, 'and a new quota starts with full buckets');
  });

  it('takes another rate: { requestsPerSecond: 50 } lets 50 in at once (burst = the rate)', async () => {
    await start({ quota: { requestsPerSecond: 50 } });
    const outcomes = await many(60);
    assert.equal(count(outcomes, true), 50);
    assert.equal(emulator.requests.filter((r) => r.throttledByQuota).length, 10);
  });

  it('spends no token on a request whose signature fails (403), nor on one an injected fault answers', async () => {
    await start();
    const forged = clientFor(emulator, { ...KEYS, secretAccessKey: 'wrong' });
    try {
      const refused = await Promise.all(Array.from({ length: 12 }, () => put(ARN, forged)));
      assert.ok(refused.every((o) => o.name === 'InvalidSignatureException' && o.status === 403));
    } finally {
      forged.destroy();
    }
    emulator.setFaults([{ fault: { kind: 'status', status: 503 }, times: 5 }]);
    assert.equal(count(await many(5), false), 5, 'five 503s');
    emulator.setFaults([]);
    const outcomes = await many(11);
    assert.equal(count(outcomes, true), 10, 'the whole burst is still there');
    assert.equal(outcomes.filter((o) => o.name === 'ThrottlingException').length, 1);
  });

  it('refills at the rate on the real clock: a spent bucket lets one more in after 1/rate seconds', async () => {
    await start({ quotaClock: Date.now, quota: { requestsPerSecond: 2, burst: 1 } });
    assert.equal(count(await many(3), true), 1);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal((await put(ARN)).ok, true, '600 ms at 2/s is more than one token');
  });
});
