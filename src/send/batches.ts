// Consecutive requests of at most MAX_USERS_PER_REQUEST users (the model's list maximum), in file order.
import { MAX_USERS_PER_REQUEST } from '../core';

export { MAX_USERS_PER_REQUEST };

/** A run of consecutive users of the file: `users[first]` .. `users[first + count - 1]`. */
export interface Batch {
  first: number;
  count: number;
}

/** Requests in flight at once: the default, and the most we allow (settings and --concurrency). */
export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 64;

export function toBatches(total: number, size = MAX_USERS_PER_REQUEST): Batch[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a batch holds at least 1 user, not ${size}`);
  const batches: Batch[] = [];
  for (let first = 0; first < total; first += size) batches.push({ first, count: Math.min(size, total - first) });
  return batches;
}

/** The two halves of a batch of at least 2 users (the first half is the larger one). */
export function halves(batch: Batch): [Batch, Batch] {
  if (batch.count < 2) throw new RangeError('a batch of one user has no halves');
  const head = Math.ceil(batch.count / 2);
  return [
    { first: batch.first, count: head },
    { first: batch.first + head, count: batch.count - head },
  ];
}

/** `users[3..7]`, or `users[3]` for one user: how logs and reports name a batch (never by user id). */
export function batchName(batch: Batch): string {
  return batch.count === 1 ? `users[${batch.first}]` : `users[${batch.first}..${batch.first + batch.count - 1}]`;
}
