// The emulator's PutUsers quota, its token buckets on a clock the test moves: no sleeping.
import * as assert from 'node:assert/strict';
import { burstOf, DEFAULT_QUOTA, quotaBuckets, quotaKeyOf, quotaProblem } from '../../../src/emulator/quota';

const GROUP_A_USERS = 'arn:aws:personalize:us-east-1:123456789012:dataset/a/USERS';
const GROUP_A_ITEMS = 'arn:aws:personalize:us-east-1:123456789012:dataset/a/ITEMS';
const GROUP_B_USERS = 'arn:aws:personalize:us-east-1:123456789012:dataset/b/USERS';

/** Buckets on a clock that stands still until the test moves it. */
function clocked(quota: Parameters<typeof quotaBuckets>[0]) {
  const clock = { ms: 1_000_000 };
  const buckets = quotaBuckets(quota, () => clock.ms);
  /** How many of `n` requests to `arn`, at this instant, get a token. */
  const burst = (n: number, arn = GROUP_A_USERS) =>
    Array.from({ length: n }, () => buckets.take(quotaKeyOf(arn))).filter(Boolean).length;
  return { clock, buckets, burst };
}

describe('emulator quota: token buckets per dataset group', () => {
  it('is the documented 10 requests/s with a burst of 10 by default', () => {
    assert.deepEqual([DEFAULT_QUOTA.requestsPerSecond, burstOf(DEFAULT_QUOTA)], [10, 10]);
    assert.equal(burstOf({ requestsPerSecond: 0.5 }), 1, 'at least 1');
    assert.equal(burstOf({ requestsPerSecond: 2.5 }), 3, 'the rate rounded up');
    assert.equal(burstOf({ requestsPerSecond: 10, burst: 4 }), 4);
  });

  it('lets exactly `burst` of 25 requests at one instant through, then one more 100 ms later at 10/s', () => {
    const { clock, burst } = clocked(DEFAULT_QUOTA);
    assert.equal(burst(25), 10);
    clock.ms += 99;
    assert.equal(burst(1), 0, '0.99 of a token is no token');
    clock.ms += 1;
    assert.equal(burst(5), 1, '100 ms at 10/s is one token');
    clock.ms += 10_000;
    assert.equal(burst(25), 10, 'a bucket holds no more than its burst however long it waits');
  });

  it('takes decimals: 0.5 requests/s lets one through every 2 s', () => {
    const { clock, burst } = clocked({ requestsPerSecond: 0.5 });
    assert.equal(burst(3), 1);
    clock.ms += 1_999;
    assert.equal(burst(1), 0);
    clock.ms += 1;
    assert.equal(burst(3), 1);
  });

  it('refills in whole tokens even when small steps add up with float rounding', () => {
    // 10 steps of 10 ms at 10/s: 0.1 token each, which as floats add up to a hair under 1.
    const { clock, burst } = clocked({ requestsPerSecond: 10, burst: 1 });
    assert.equal(burst(1), 1);
    for (let i = 0; i < 9; i++) {
      clock.ms += 10;
      assert.equal(burst(1), 0, `after ${(i + 1) * 10} ms`);
    }
    clock.ms += 10;
    assert.equal(burst(1), 1, 'after 100 ms');
  });

  it('keeps one bucket per dataset group: two groups apart, two datasets of one group together', () => {
    const { burst } = clocked({ requestsPerSecond: 10, burst: 3 });
    assert.equal(burst(2, GROUP_A_USERS), 2);
    assert.equal(burst(5, GROUP_A_ITEMS), 1, "the group's Items dataset shares its bucket");
    assert.equal(burst(5, GROUP_B_USERS), 3, 'another group has a bucket of its own');
    assert.equal(quotaKeyOf(GROUP_A_ITEMS), 'arn:aws:personalize:us-east-1:123456789012:dataset-group/a');
    assert.equal(quotaKeyOf('not-an-arn'), 'not-an-arn', 'an ARN that names no group is counted by itself');
  });

  it('takes no token for a throttled request: a steady stream too fast still gets the rate, not less', () => {
    // 20 requests/s against 10/s for 2 s, after the burst is spent: half get in, none starved.
    const { clock, burst } = clocked({ requestsPerSecond: 10, burst: 1 });
    assert.equal(burst(1), 1);
    let accepted = 0;
    for (let i = 0; i < 40; i++) {
      clock.ms += 50;
      accepted += burst(1);
    }
    assert.equal(accepted, 20);
    // And a refused request leaves the bucket as it was: the very next instant it refuses again,
    // and 100 ms after the last token it gives one, as if the refused ones had not come.
    const { clock: c2, burst: b2 } = clocked({ requestsPerSecond: 10, burst: 1 });
    assert.equal(b2(1), 1);
    c2.ms += 60;
    assert.equal(b2(10), 0);
    c2.ms += 40;
    assert.equal(b2(1), 1);
  });

  it('refuses a quota it cannot enforce', () => {
    for (const bad of [{ requestsPerSecond: 0 }, { requestsPerSecond: -1 }, { requestsPerSecond: Number.NaN }])
      assert.match(quotaProblem(bad) ?? '', /requestsPerSecond must be a number above 0/);
    for (const burst of [0, 1.5])
      assert.match(quotaProblem({ requestsPerSecond: 1, burst }) ?? '', /burst must be a whole number/);
    assert.throws(() => quotaBuckets({ requestsPerSecond: 0 }), RangeError);
    assert.equal(quotaProblem({ requestsPerSecond: 0.001, burst: 1 }), undefined);
  });
});
