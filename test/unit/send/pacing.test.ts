// The pacer on a clock of our own: when each request may go, how throttling slows it and
// success brings it back, and that sends to one dataset group share one pacer.
import * as assert from 'node:assert/strict';
import { type Clock, Pacer, sharedPacer } from '../../../src/send/pacing';

/** A clock that moves only when told; sleepers wake in time order. */
function fakeClock() {
  let now = 0;
  const sleepers: { at: number; wake: (arrived: boolean) => void }[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal?.aborted) return resolve(false);
        const sleeper = { at: now + ms, wake: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          resolve(false);
        });
      }),
  };
  /** Moves to `to`, waking every sleeper due by then (and letting their continuations run). */
  const advance = async (to: number) => {
    for (;;) {
      sleepers.sort((a, b) => a.at - b.at);
      const due = sleepers[0];
      if (!due || due.at > to) break;
      sleepers.shift();
      now = due.at;
      due.wake(true);
      await new Promise((r) => setImmediate(r));
    }
    now = to;
  };
  return { clock, advance, now: () => now };
}

/** Takes `n` slots at once and records the (fake) time each one came. */
async function slotTimes(pacer: Pacer, n: number, clock: ReturnType<typeof fakeClock>, until: number) {
  const times: number[] = [];
  const all = Array.from({ length: n }, () => pacer.take().then(() => times.push(clock.now())));
  await new Promise((r) => setImmediate(r)); // the slots free now are taken now
  await clock.advance(until);
  await Promise.all(all);
  return times;
}

describe('send: the pacer', () => {
  it('spaces requests evenly at its rate, the first at once, in the order they asked', async () => {
    const c = fakeClock();
    const pacer = new Pacer(10, { clock: c.clock, jitter: 0 });
    assert.deepEqual(await slotTimes(pacer, 5, c, 1_000), [0, 100, 200, 300, 400]);
    assert.deepEqual(
      await slotTimes(new Pacer(2.5, { clock: c.clock, jitter: 0 }), 3, c, 5_000),
      [1_000, 1_400, 1_800],
      'a fractional rate',
    );
  });

  it('gives no credit for idle time: after a pause, still one interval apart', async () => {
    const c = fakeClock();
    const pacer = new Pacer(10, { clock: c.clock, jitter: 0 });
    await slotTimes(pacer, 1, c, 0);
    await c.advance(5_000);
    assert.deepEqual(await slotTimes(pacer, 3, c, 6_000), [5_000, 5_100, 5_200]);
  });

  it('answers false when Cancel comes while waiting, and true at once for a free slot', async () => {
    const c = fakeClock();
    const pacer = new Pacer(1, { clock: c.clock, jitter: 0 });
    assert.equal(await pacer.take(), true);
    const stop = new AbortController();
    const waiting = pacer.take(stop.signal);
    stop.abort();
    assert.equal(await waiting, false);
    assert.equal(await pacer.take(stop.signal), false, 'an aborted signal gets no slot');
  });

  it('halves its rate when throttled, once per congestion event, and waits an interval first', async () => {
    const c = fakeClock();
    const pacer = new Pacer(10, { clock: c.clock, jitter: 0 });
    pacer.throttled();
    pacer.throttled(); // the same event: requests in flight met the same empty bucket
    assert.equal(pacer.rate, 5);
    assert.deepEqual(await slotTimes(pacer, 2, c, 1_000), [200, 400]);
    await c.advance(1_500);
    pacer.throttled();
    assert.equal(pacer.rate, 2.5);
    for (let k = 0; k < 20; k++) {
      await c.advance(c.now() + 10_000);
      pacer.throttled();
    }
    assert.equal(pacer.rate, 0.1, 'never slower than one request in 10 s');
  });

  it('comes back up to its ceiling on success, about one request/s per second, never above', async () => {
    const c = fakeClock();
    const pacer = new Pacer(10, { clock: c.clock, jitter: 0 });
    pacer.throttled();
    assert.equal(pacer.rate, 5);
    for (let k = 0; k < 5; k++) pacer.succeeded(); // about a second at 5/s
    assert.ok(pacer.rate > 5.9 && pacer.rate < 6.1, `one second of success: ${pacer.rate}`);
    for (let k = 0; k < 200; k++) pacer.succeeded();
    assert.equal(pacer.rate, 10);
    const slow = new Pacer(10, { clock: c.clock, jitter: 0 });
    for (let k = 0; k < 20; k++) {
      await c.advance(c.now() + 10_000);
      slow.throttled();
    }
    slow.succeeded();
    assert.equal(slow.rate, 0.2, 'no more than doubling per request when below one a second');
  });

  it('is back at its ceiling within a few seconds once the throttling stops (the step doubles each second)', async () => {
    const c = fakeClock();
    const pacer = new Pacer(10, { clock: c.clock, jitter: 0 });
    for (let k = 0; k < 3; k++) {
      await c.advance(c.now() + 2_000);
      pacer.throttled();
    }
    assert.equal(pacer.rate, 1.25);
    let seconds = 0;
    while (pacer.rate < 10 && seconds < 20) {
      seconds++;
      for (let k = 0; k < Math.max(1, Math.round(pacer.rate)); k++) pacer.succeeded();
    }
    assert.ok(seconds <= 5, `${seconds} s of success to climb from 1.25 to 10 requests/s`);
    await c.advance(c.now() + 2_000);
    pacer.throttled();
    assert.equal(pacer.rate, 5, 'halved again at the next throttle');
  });

  it('sends each request up to a fifth of an interval after its slot, at random, keeping the rate', async () => {
    const c = fakeClock();
    let r = 0;
    const randoms = [0.99, 0, 0.5, 0.99, 0];
    const pacer = new Pacer(10, { clock: c.clock, random: () => randoms[r++ % randoms.length]! });
    const times = await slotTimes(pacer, 5, c, 1_000);
    const slots = [0, 100, 200, 300, 400];
    times.forEach((t, k) => assert.ok(t >= slots[k]! && t < slots[k]! + 20, `request ${k} at ${t} ms`));
    assert.deepEqual(
      times.map((t) => Math.round(t)),
      [20, 100, 210, 320, 400],
    );
  });

  it('refuses a rate no quota has', () => {
    for (const bad of [0, -1, 0.01, Infinity, Number.NaN, 20_000]) assert.throws(() => new Pacer(bad), RangeError);
  });

  it('is shared by the sends to one dataset group while they run, and forgotten after', () => {
    const a = sharedPacer('https://e group-a', 10);
    const b = sharedPacer('https://e group-a', 10);
    const other = sharedPacer('https://e group-b', 10);
    assert.equal(a.pacer, b.pacer);
    assert.notEqual(a.pacer, other.pacer);
    a.pacer.throttled();
    a.release();
    a.release(); // twice is once
    assert.equal(sharedPacer('https://e group-a', 10).pacer.rate, 5, 'b still holds it, slowed');
    b.release();
    other.release();
  });

  it('starts afresh, at its ceiling, once every send released it', () => {
    const a = sharedPacer('https://e group-c', 10);
    a.pacer.throttled();
    a.release();
    const again = sharedPacer('https://e group-c', 20);
    assert.notEqual(again.pacer, a.pacer);
    assert.equal(again.pacer.rate, 20);
    again.release();
  });
});
