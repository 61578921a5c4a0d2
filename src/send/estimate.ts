// What a send will take, said before it starts and while it runs: "1,000 users in 100 requests,
// about 10 s at 10 requests/s". SDK-free, so that the front ends can say it before the engine loads.
import { count, plural } from '../core';
import { requestsFor } from './pacing';

export interface SendEstimate {
  users: number;
  requests: number;
  requestsPerSecond: number;
  ms: number;
}

/** At `requestsPerSecond`, one request after another (the pace the sender keeps). */
export function estimateSend(users: number, requestsPerSecond: number): SendEstimate {
  const requests = requestsFor(users);
  return { users, requests, requestsPerSecond, ms: (requests / requestsPerSecond) * 1000 };
}

/** `1,000 users in 100 requests, about 10 s at 10 requests/s` */
export function estimateLine(estimate: SendEstimate): string {
  return `${plural(estimate.users, 'user')} in ${plural(estimate.requests, 'request')}, ${about(estimate.ms)} at ${rate(estimate.requestsPerSecond)}`;
}

/** `10 requests/s`, `2.5 requests/s`, `1 request/s` */
export function rate(requestsPerSecond: number): string {
  const n = requestsPerSecond >= 10 ? Math.round(requestsPerSecond) : Math.round(requestsPerSecond * 10) / 10;
  return `${count(n)} ${n === 1 ? 'request' : 'requests'}/s`;
}

/** `under a second`, `about 10 s`, `about 3 min 20 s`, `about 2 h 47 min` */
export function about(ms: number): string {
  if (ms < 1000) return 'under a second';
  return `about ${duration(ms)}`;
}

/** `10 s`, `3 min 20 s`, `2 h 47 min`: to the second under a minute, to 5 s under 10 min, then to the minute. */
export function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 600) {
    const rounded = Math.round(s / 5) * 5;
    const m = Math.floor(rounded / 60);
    const rest = rounded % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
