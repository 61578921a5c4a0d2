// Bisection on its own, with a fake service that refuses any request holding a "bad" user.
import * as assert from 'node:assert/strict';
import type { Batch } from '../../../src/send/batches';
import { type Attempt, sendBisecting, type Settled } from '../../../src/send/bisect';

function fakeService(bad: Set<number>) {
  const sent: Batch[] = [];
  const accepted: number[] = [];
  const acceptedBy = new Map<number, number>();
  const send = async (batch: Batch): Promise<Attempt<string>> => {
    sent.push(batch);
    const ids = Array.from({ length: batch.count }, (_, i) => batch.first + i);
    if (ids.some((i) => bad.has(i))) return { outcome: 'rejected', failure: `bad in ${batch.first}+${batch.count}` };
    accepted.push(...ids);
    for (const i of ids) acceptedBy.set(i, sent.length - 1);
    return { outcome: 'accepted' };
  };
  return { send, sent, accepted, acceptedBy };
}

const covered = (settled: Settled<string>[]) =>
  settled.flatMap((s) => Array.from({ length: s.batch.count }, (_, i) => s.batch.first + i));

describe('send: bisecting a rejected request', () => {
  it('sends a clean batch once', async () => {
    const service = fakeService(new Set());
    const settled = await sendBisecting({ first: 0, count: 10 }, service.send);
    assert.deepEqual(settled, [{ batch: { first: 0, count: 10 }, outcome: 'accepted' }]);
    assert.equal(service.sent.length, 1);
  });

  it('finds exactly the rejected users, gets every other one in, and never resends an accepted user', async () => {
    for (const bad of [[0], [9], [3, 7], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [4, 5], [2, 3, 8]]) {
      const service = fakeService(new Set(bad.map((b) => b + 20)));
      const settled = await sendBisecting({ first: 20, count: 10 }, service.send);
      const rejected = settled.filter((s) => s.outcome === 'rejected');
      assert.deepEqual(
        covered(rejected),
        bad.map((b) => b + 20),
        `bad ${bad}`,
      );
      assert.ok(
        rejected.every((s) => s.batch.count === 1),
        'each rejected user alone',
      );
      assert.deepEqual(
        covered(settled),
        Array.from({ length: 10 }, (_, i) => 20 + i),
        'the parts cover the batch, in order',
      );
      assert.deepEqual(
        service.accepted.sort((a, b) => a - b),
        covered(settled.filter((s) => s.outcome === 'accepted')),
      );
      assert.equal(new Set(service.accepted).size, service.accepted.length, 'no user accepted twice');
      service.sent.forEach((b, j) => {
        for (let i = b.first; i < b.first + b.count; i++) {
          const acceptedBy = service.acceptedBy.get(i);
          assert.ok(
            acceptedBy === undefined || acceptedBy >= j,
            `users[${i}] sent again after request ${acceptedBy} accepted it`,
          );
        }
      });
    }
  });

  it('costs at most 1 + 2·⌈log2 10⌉ requests per rejected user in a batch of 10', async () => {
    for (let bad = 0; bad < 10; bad++) {
      const service = fakeService(new Set([bad]));
      await sendBisecting({ first: 0, count: 10 }, service.send);
      assert.ok(service.sent.length <= 1 + 2 * 4, `user ${bad}: ${service.sent.length} requests`);
    }
  });

  it('keeps a failure (not a rejection) as it is: no splitting', async () => {
    const settled = await sendBisecting({ first: 0, count: 10 }, async () => ({
      outcome: 'failed',
      failure: 'HTTP 500',
    }));
    assert.deepEqual(settled, [{ batch: { first: 0, count: 10 }, outcome: 'failed', failure: 'HTTP 500' }]);
  });

  it('leaves the rest unsent when told to stop (Cancel) in the middle', async () => {
    const service = fakeService(new Set([1]));
    let requests = 0;
    const settled = await sendBisecting(
      { first: 0, count: 10 },
      (b) => (requests++, service.send(b)),
      () => requests < 2,
    );
    // Sent: the 10 (rejected), then the first half (rejected); then stopped.
    assert.deepEqual(
      settled.map((s) => [s.batch.first, s.batch.count, s.outcome]),
      [
        [0, 3, 'unsent'],
        [3, 2, 'unsent'],
        [5, 5, 'unsent'],
      ],
    );
    assert.deepEqual(
      covered(settled),
      Array.from({ length: 10 }, (_, i) => i),
    );
  });
});
