import * as assert from 'node:assert/strict';
import type { StandardRetryToken } from '@smithy/types';
import { abortableStandardRetries } from '../../../src/send/client';

describe('send: retries (abortableStandardRetries)', () => {
  const retryAfter = (ms: number) => ({ errorType: 'THROTTLING' as const, retryAfterHint: new Date(Date.now() + ms) });
  const timed = async (run: () => Promise<unknown>) => {
    const started = Date.now();
    const outcome = await run().then(
      () => 'retry',
      (e: Error) => e.message,
    );
    return { outcome, ms: Date.now() - started };
  };

  it('waits a Retry-After hint once, scaled (the strategy must not sleep it too)', async () => {
    const retries = abortableStandardRetries(3, 0.001, new AbortController().signal);
    const token = (await retries.acquireInitialRetryToken('personalize')) as StandardRetryToken;
    const { outcome, ms } = await timed(() => retries.refreshRetryTokenForRetry(token, retryAfter(3_000)));
    assert.equal(outcome, 'retry');
    assert.ok(ms < 500, `a 3 s hint scaled by 0.001 took ${ms} ms`);
  });

  it('Cancel cuts a Retry-After wait short', async () => {
    const stop = new AbortController();
    const retries = abortableStandardRetries(3, 1, stop.signal);
    const token = (await retries.acquireInitialRetryToken('personalize')) as StandardRetryToken;
    setTimeout(() => stop.abort(), 100);
    const { outcome, ms } = await timed(() => retries.refreshRetryTokenForRetry(token, retryAfter(3_000)));
    assert.equal(outcome, 'cancelled: no more retries');
    assert.ok(ms < 1_000, `cancelled after 100 ms, returned after ${ms} ms`);
  });

  it('stops after maxAttempts, as the SDK decides', async () => {
    const retries = abortableStandardRetries(2, 0, new AbortController().signal);
    const first = (await retries.acquireInitialRetryToken('personalize')) as StandardRetryToken;
    const second = (await retries.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' })) as StandardRetryToken;
    await assert.rejects(
      Promise.resolve(retries.refreshRetryTokenForRetry(second, { errorType: 'TRANSIENT' })),
      /No retry token available/,
    );
  });
});
