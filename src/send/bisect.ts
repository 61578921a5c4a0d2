// Finding the users the service rejects. PutUsers refuses a whole request when one of its users
// is invalid (InvalidInputException, naming no user), so a rejected request of several users is
// split in halves and each half sent again, down to single users: every valid user still gets
// in, and each rejected user gets the service's own message. A half is sent only when its parent
// was rejected, which means nothing of it was accepted: no user is ever sent after being accepted.
import { type Batch, halves } from './batches';

export type Attempt<F> =
  | { outcome: 'accepted' }
  /** InvalidInputException: the service refused this request's input. */
  | { outcome: 'rejected'; failure: F }
  /** Anything else, after the SDK's retries. */
  | { outcome: 'failed'; failure: F };

/** Not sent at all: a Cancel came while the request waited for its turn. */
export type Unsent = { outcome: 'unsent' };

/** What became of each part of a batch; the parts cover the batch exactly, in order. */
export type Settled<F> = { batch: Batch } & (Attempt<F> | Unsent);

/**
 * Sends `batch`; when it is rejected and holds more than one user, sends its halves (first, then
 * second), and so on. `proceed()` is asked before every request after the first: false (a
 * Cancel, a fatal error) leaves the rest unsent.
 */
export async function sendBisecting<F>(
  batch: Batch,
  send: (batch: Batch) => Promise<Attempt<F> | Unsent>,
  proceed: () => boolean = () => true,
): Promise<Settled<F>[]> {
  const settled: Settled<F>[] = [];
  const visit = async (part: Batch, first: boolean): Promise<void> => {
    if (!first && !proceed()) {
      settled.push({ batch: part, outcome: 'unsent' });
      return;
    }
    const attempt = await send(part);
    if (attempt.outcome === 'rejected' && part.count > 1) {
      const [head, tail] = halves(part);
      await visit(head, false);
      await visit(tail, false);
      return;
    }
    settled.push({ batch: part, ...attempt });
  };
  await visit(batch, true);
  return settled;
}
