// Sending at the service's pace. PutUsers allows a number of requests per second per dataset
// group (10 unless the account's quota was raised), and beyond it the service throttles. A Pacer
// spaces every HTTP attempt evenly at a rate no higher than that ceiling, so that a single send
// never meets the limit, and adapts when it does meet it (another client sending to the same
// group, a quota lower than configured): additive increase, multiplicative decrease, as TCP
// shares a link. Sends in one process to one dataset group share one Pacer (sharedPacer).
import { MAX_USERS_PER_REQUEST, PUT_USERS_REQUESTS_PER_SECOND } from '../core';

export const DEFAULT_REQUESTS_PER_SECOND = PUT_USERS_REQUESTS_PER_SECOND;
/** The most a setting or flag may ask for; no account's quota is near it. */
export const MAX_REQUESTS_PER_SECOND = 10_000;
/** How slow throttling can make a send: one request every 10 s still gets users in. */
export const MIN_REQUESTS_PER_SECOND = 0.1;

export interface Clock {
  now(): number;
  /** Resolves after `ms` (true), or at once with false when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => {
    if (signal?.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (arrived: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', aborted);
        resolve(arrived);
      };
      const aborted = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      signal?.addEventListener('abort', aborted, { once: true });
    });
  },
};

export interface PacerOptions {
  clock?: Clock;
  /**
   * Each request goes up to this fraction of an interval after its slot, at random (default
   * 0.2). Slots stay one interval apart, so the rate is kept exactly; the randomness keeps two
   * senders sharing one bucket from falling into step, where one always meets it empty.
   */
  jitter?: number;
  random?: () => number;
}

export class Pacer {
  private current: number;
  /** When the next request may go: slots are handed out in order, one interval apart. */
  private nextSlot = -Infinity;
  private lastCut = -Infinity;
  /** Requests/s added per second of success: doubles each second without throttling. */
  private step = 1;
  private successesAtStep = 0;
  private readonly clock: Clock;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(
    private ceiling: number,
    options: PacerOptions = {},
  ) {
    checkedRate(ceiling);
    this.current = ceiling;
    this.clock = options.clock ?? realClock;
    this.jitter = options.jitter ?? 0.2;
    this.random = options.random ?? Math.random;
  }

  /** Requests per second it paces at now (at most the ceiling). */
  get rate(): number {
    return this.current;
  }

  get maxRate(): number {
    return this.ceiling;
  }

  /** A new ceiling (a send that shares this pacer asked for another one). */
  setMaxRate(ceiling: number): void {
    this.ceiling = checkedRate(ceiling);
    this.current = Math.min(this.current, ceiling);
  }

  /**
   * Waits for the next slot, which is reserved at once so that callers go in the order they
   * asked. True when the slot came; false when `signal` aborted first (nothing may be sent).
   */
  async take(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    const now = this.clock.now();
    // No credit for idle time: a burst after a pause is what a token bucket on the other side
    // may not have room for when another client shares it.
    const slot = Math.max(now, this.nextSlot);
    const interval = 1000 / this.current;
    this.nextSlot = slot + interval;
    const at = slot + this.jitter * interval * this.random();
    return at > now ? this.clock.sleep(at - now, signal) : true;
  }

  /**
   * The service throttled a request: halve the rate, once per congestion event (the requests
   * already in flight when the first was throttled met the same empty bucket), and wait one new
   * interval before the next.
   */
  throttled(): void {
    const now = this.clock.now();
    if (now - this.lastCut < Math.max(1000, 2000 / this.current)) return;
    this.lastCut = now;
    this.step = 1;
    this.successesAtStep = 0;
    this.current = Math.max(MIN_REQUESTS_PER_SECOND, this.current / 2);
    this.nextSlot = Math.max(this.nextSlot, now + 1000 / this.current);
  }

  /**
   * A request got through: come back up to the ceiling, by `step` requests/s per second (no more
   * than doubling per request when the rate is below one a second). The step doubles after each
   * second's worth of requests without throttling, so that a send whose neighbour has finished
   * is back at the ceiling in a few seconds, while one that shares the bucket still probes gently.
   */
  succeeded(): void {
    if (this.current >= this.ceiling) return;
    this.current = Math.min(this.ceiling, this.current + Math.min(this.step / this.current, this.current));
    if (++this.successesAtStep >= this.current) {
      this.step *= 2;
      this.successesAtStep = 0;
    }
  }

  /** About how long `requests` more take at the current rate. */
  msFor(requests: number): number {
    return (requests / this.current) * 1000;
  }
}

function checkedRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < MIN_REQUESTS_PER_SECOND || rate > MAX_REQUESTS_PER_SECOND)
    throw new RangeError(
      `requests per second must be a number from ${MIN_REQUESTS_PER_SECOND} to ${MAX_REQUESTS_PER_SECOND}, not ${rate}`,
    );
  return rate;
}

/** Whether `rate` is one a send may ask for. */
export function isRequestRate(rate: number): boolean {
  return Number.isFinite(rate) && rate >= MIN_REQUESTS_PER_SECOND && rate <= MAX_REQUESTS_PER_SECOND;
}

interface SharedEntry {
  pacer: Pacer;
  users: number;
}
const shared = new Map<string, SharedEntry>();

/**
 * The pacer of a dataset group at an endpoint, shared by every send in this process that sends
 * there at the same time (Send Folder beside Send File), so that together they keep to the quota.
 * `release` when the send is over; the last one out forgets the pacer, so that the next send
 * starts at its ceiling again.
 */
export function sharedPacer(key: string, ceiling: number): { pacer: Pacer; release: () => void } {
  let entry = shared.get(key);
  if (entry) entry.pacer.setMaxRate(ceiling);
  else shared.set(key, (entry = { pacer: new Pacer(ceiling), users: 0 }));
  entry.users++;
  let released = false;
  const held = entry;
  return {
    pacer: held.pacer,
    release: () => {
      if (released) return;
      released = true;
      if (--held.users === 0 && shared.get(key) === held) shared.delete(key);
    },
  };
}

/** Requests for `users` users, at most MAX_USERS_PER_REQUEST each. */
export function requestsFor(users: number): number {
  return Math.ceil(users / MAX_USERS_PER_REQUEST);
}
