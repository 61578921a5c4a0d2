// The service's PutUsers quota as the emulator enforces it: a token bucket per dataset group,
// `requestsPerSecond` tokens a second up to `burst`, one token per request. The rate is the
// documented one (model.ts); the burst is not published, so it is ours: one second's worth.
import { datasetGroupArnOf, PUT_USERS_REQUESTS_PER_SECOND } from '../core';

export interface Quota {
  /** PutUsers requests per second per dataset group (decimals allowed, > 0). */
  requestsPerSecond: number;
  /** Requests a full bucket lets through at once: a whole number >= 1; the rate rounded up by default. */
  burst?: number;
}

/** The quota the emulator enforces unless told otherwise: the service's documented one. */
export const DEFAULT_QUOTA: Quota = { requestsPerSecond: PUT_USERS_REQUESTS_PER_SECOND };

/** The burst a quota allows: its own, else the rate rounded up (at least 1). */
export function burstOf(quota: Quota): number {
  return quota.burst ?? Math.max(1, Math.ceil(quota.requestsPerSecond));
}

/** Why a quota cannot be enforced, or undefined when it can. */
export function quotaProblem(quota: Quota): string | undefined {
  const { requestsPerSecond: rate, burst } = quota;
  if (!(Number.isFinite(rate) && rate > 0)) return `requestsPerSecond must be a number above 0, not ${rate}`;
  if (burst !== undefined && !(Number.isInteger(burst) && burst >= 1))
    return `burst must be a whole number of at least 1, not ${burst}`;
  return undefined;
}

/** The key a request is counted under: its dataset group, or the raw ARN when it names no group. */
export function quotaKeyOf(datasetArn: string): string {
  return datasetGroupArnOf(datasetArn) ?? datasetArn;
}

export interface QuotaBuckets {
  /** Takes a token from `key`'s bucket: true when there was one, false (and nothing taken) when throttled. */
  take(key: string): boolean;
}

/**
 * Full buckets, one per key as it first comes, refilled continuously. `now` is the clock in ms
 * (Date.now by default; the unit tests pass their own).
 */
export function quotaBuckets(quota: Quota, now: () => number = Date.now): QuotaBuckets {
  const problem = quotaProblem(quota);
  if (problem) throw new RangeError(`The emulator's quota: ${problem}`);
  const rate = quota.requestsPerSecond;
  const burst = burstOf(quota);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * rate);
      bucket.at = t;
      buckets.set(key, bucket);
      // A hair below 1 is float rounding of refills that add up to a whole token.
      if (bucket.tokens < 1 - 1e-9) return false;
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      return true;
    },
  };
}
