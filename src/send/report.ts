// What a send did, request by request and user by user. It holds no user data (users are
// named by their index in the file), so it can be logged, printed and stored as it is.
import { count, plural } from '../core';
import { rate } from './estimate';
import { batchName } from './batches';
import { type FailureKind, failureText, type RemedyWords, type SendFailure } from './errors';

export interface RequestReport {
  /** 1-based, in the order the requests were sent. */
  n: number;
  /** Index in the file of the request's first user; its users are consecutive. */
  first: number;
  users: number;
  /** accepted (HTTP 200); rejected (InvalidInputException); failed (anything else, after the SDK's retries). */
  outcome: 'accepted' | 'rejected' | 'failed';
  /** A rejected request of several users was split in two halves, sent as requests of their own. */
  split?: boolean;
  httpStatus?: number;
  requestId?: string;
  /** HTTP attempts the SDK made (1 + retries). */
  attempts: number;
  ms: number;
  error?: { kind: FailureKind; code: string; message: string };
}

/** A user that did not get in. */
export interface UserNotIn {
  /** Index in the file (`users[index]`). */
  index: number;
  /** rejected: the service refused this user alone; failed: its request failed for good; unsent: never sent (Cancel, a fatal error). */
  status: 'rejected' | 'failed' | 'unsent';
  /** The service's message (rejected) or why the request failed. */
  message?: string;
  code?: string;
  requestId?: string;
}

/** Why a user is not in, in one phrase: the service's message, else its error code. */
export function reasonNotIn(user: Pick<UserNotIn, 'message' | 'code'>): string {
  return user.message ?? user.code ?? 'no reason given';
}

export interface SendReport {
  datasetArn: string;
  /** The region requests were signed for, once resolved. */
  region?: string;
  /** The endpoint used (the option, or the region's https://personalize-events.REGION.amazonaws.com). */
  endpoint?: string;
  profile?: string;
  total: number;
  accepted: number;
  rejected: number;
  failed: number;
  unsent: number;
  requests: RequestReport[];
  /** Every user not in, in file order: these go to the failed-users file. */
  notIn: UserNotIn[];
  /** Stopped by the signal (Cancel). */
  cancelled: boolean;
  /** Why sending stopped early (no credentials, wrong ARN or region, ...). */
  fatal?: SendFailure;
  /** HTTP attempts over all requests. */
  attempts: number;
  /** Attempts the service throttled (each tried again, at a slower pace). */
  throttled: number;
  /** The pace asked for: PutUsers requests per second at most, for the dataset group. */
  maxRequestsPerSecond?: number;
  ms: number;
}

export function emptyReport(datasetArn: string, total: number): SendReport {
  return {
    datasetArn,
    total,
    accepted: 0,
    rejected: 0,
    failed: 0,
    unsent: 0,
    requests: [],
    notIn: [],
    cancelled: false,
    attempts: 0,
    throttled: 0,
    ms: 0,
  };
}

/** Every user got in. */
export function allIn(report: SendReport): boolean {
  return report.accepted === report.total && report.notIn.length === 0;
}

/**
 * The users not in are worth a file of their own only when some users got in: else they are
 * every user of the original, in its order, and the original is still the one to send.
 */
export const usersNotInWorthAFile = (report: Pick<SendReport, 'notIn' | 'accepted'>): boolean =>
  report.notIn.length > 0 && report.accepted > 0;

export function requestLine(r: RequestReport): string {
  const what = `request ${r.n}: ${batchName({ first: r.first, count: r.users })}, ${plural(r.users, 'user')}`;
  const how = [
    r.httpStatus ? `HTTP ${r.httpStatus}` : undefined,
    r.requestId ? `request id ${r.requestId}` : undefined,
    `${plural(r.attempts, 'attempt')}`,
    `${r.ms} ms`,
  ]
    .filter(Boolean)
    .join(', ');
  const outcome =
    r.outcome === 'accepted'
      ? 'accepted'
      : `${r.outcome}${r.error ? ` (${r.error.code}: ${r.error.message})` : ''}${r.split ? ', split in two to find the users the service rejects' : ''}`;
  return `${what}: ${outcome} [${how}]`;
}

export function userLine(u: UserNotIn): string {
  return `users[${u.index}]: ${u.status}${u.message ? `: ${u.message}` : ''}${u.requestId ? ` [request id ${u.requestId}]` : ''}`;
}

export function totalsLine(report: SendReport): string {
  const parts = [
    `${count(report.accepted)} accepted`,
    `${count(report.rejected)} rejected`,
    `${count(report.failed)} failed`,
    `${count(report.unsent)} unsent`,
  ];
  const attempts = `${plural(report.attempts, 'HTTP attempt')}${report.throttled ? ` (${count(report.throttled)} throttled)` : ''}`;
  return `${count(report.accepted)} of ${count(report.total)} users in (${parts.join(', ')}); ${plural(report.requests.length, 'request')}, ${attempts}, ${(report.ms / 1000).toFixed(1)} s${paceOf(report)}.`;
}

/** `, 9.8 requests/s (at most 10)`: the pace kept (the requests after the first, per second of the send). */
function paceOf(report: SendReport): string {
  if (report.requests.length < 2 || report.ms <= 0) return '';
  const kept = rate(((report.requests.length - 1) / report.ms) * 1000);
  return report.maxRequestsPerSecond ? `, ${kept} (at most ${report.maxRequestsPerSecond})` : `, ${kept}`;
}

/**
 * The report as text lines: where it went, the requests (all of them up to `maxRequestLines`,
 * else only those not plainly accepted), every user not in, the totals, why it stopped, and
 * where the users not in were written (`failedFile`, when the caller wrote them), or, when no
 * user got in, that `source` (what was sent, as the user names it) is still the one to send.
 */
export function formatReport(
  report: SendReport,
  options: { maxRequestLines?: number; failedFile?: string; source?: string; remedyWords?: RemedyWords } = {},
): string[] {
  const lines: string[] = [];
  const where = [
    report.region ? `region ${report.region}` : undefined,
    report.endpoint ? `endpoint ${report.endpoint}` : undefined,
    report.profile ? `profile ${report.profile}` : undefined,
  ].filter(Boolean);
  lines.push(`PutUsers to ${report.datasetArn}${where.length ? ` (${where.join(', ')})` : ''}:`);
  const max = options.maxRequestLines ?? 20;
  const shown =
    report.requests.length <= max
      ? report.requests
      : report.requests.filter((r) => r.outcome !== 'accepted' || r.attempts > 1);
  for (const r of shown) lines.push(`  ${requestLine(r)}`);
  if (shown.length < report.requests.length)
    lines.push(`  ... and ${report.requests.length - shown.length} more requests accepted at the first attempt`);
  for (const u of report.notIn.filter((n) => n.status === 'rejected')) lines.push(`  ${userLine(u)}`);
  const failed = report.notIn.filter((n) => n.status === 'failed');
  if (failed.length)
    lines.push(
      `  ${plural(failed.length, 'user')} in requests that failed for good: ${ranges(failed.map((f) => f.index))}`,
    );
  const unsent = report.notIn.filter((n) => n.status === 'unsent');
  if (unsent.length)
    lines.push(
      `  ${plural(unsent.length, 'user')} never sent${report.cancelled ? ' (cancelled)' : ''}: ${ranges(unsent.map((f) => f.index))}`,
    );
  lines.push(totalsLine(report));
  if (report.cancelled) lines.push('Cancelled: requests in flight were let finish; nothing more was sent.');
  if (report.fatal) lines.push(`Stopped: ${failureText(report.fatal, options.remedyWords)}`);
  if (options.failedFile !== undefined) lines.push(failedFileLine(report, options.failedFile));
  else if (options.source !== undefined && report.notIn.length > 0 && !usersNotInWorthAFile(report))
    lines.push(stillToSendLine(report, options.source));
  return lines;
}

/** `Nothing was sent, so no users-not-in file was written: FILE is still the one to send.` */
export function stillToSendLine(report: Pick<SendReport, 'requests' | 'rejected'>, source: string): string {
  const what = report.requests.length === 0 ? 'Nothing was sent' : 'No user got in';
  return `${what}, so no users-not-in file was written: ${source} is still the one to send${report.rejected ? ' (fix the rejected ones first)' : ''}.`;
}

/** `3 users not in: written to FILE (fix the rejected ones first), ready to send again.` */
export function failedFileLine(report: Pick<SendReport, 'notIn' | 'rejected'>, failedFile: string): string {
  const n = report.notIn.length;
  return `${plural(n, 'user')} not in: written to ${failedFile}${report.rejected ? ' (fix the rejected ones first)' : ''}, ready to send again.`;
}

/** `users[0..9], users[20], users[25..29]` */
export function ranges(indexes: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    out.push(batchName({ first: indexes[i]!, count: j - i + 1 }));
    i = j + 1;
  }
  return out.join(', ');
}
