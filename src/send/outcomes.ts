// What became of each request and each user, written into the report as it happens: a request's
// entry (outcome, attempts, timing, the service's request id), each user's fate, the stops a run
// of failures or of rejections calls for. No user data: users are named by their index.
import { plural, type User } from '../core';
import { batchName, type Batch } from './batches';
import type { Attempt, Settled } from './bisect';
import type { SendFailure } from './errors';
import { describeUser, type SendLogger } from './log';
import { type RequestReport, requestLine, type SendReport } from './report';

/** What the recording functions share during one send. */
export interface Tally {
  readonly report: SendReport;
  readonly log: SendLogger;
  /** Stop after this many requests in a row failed for good (not rejected). */
  readonly maxConsecutiveFailures: number;
  consecutiveFailures: number;
  /** Users settled (accepted, rejected or failed) so far. */
  done: number;
}

/** A new request's entry, in the order requests are sent. */
export function startRequest(tally: Tally, batch: Batch): RequestReport {
  const entry: RequestReport = {
    n: tally.report.requests.length + 1,
    first: batch.first,
    users: batch.count,
    outcome: 'accepted',
    attempts: 0,
    ms: 0,
  };
  tally.report.requests.push(entry);
  return entry;
}

export function recordAccepted(
  tally: Tally,
  entry: RequestReport,
  ms: number,
  metadata: { attempts?: number; httpStatusCode?: number; requestId?: string },
): Attempt<SendFailure> {
  Object.assign(entry, {
    ms,
    attempts: metadata.attempts ?? 1,
    httpStatus: metadata.httpStatusCode,
    requestId: metadata.requestId,
  });
  tally.report.attempts += entry.attempts;
  tally.consecutiveFailures = 0;
  tally.log.info(requestLine(entry));
  return { outcome: 'accepted' };
}

/** A request the service rejected (its input) or that failed for good (anything else, after retries). */
export function recordNotAccepted(
  tally: Tally,
  entry: RequestReport,
  ms: number,
  attempts: number,
  failure: SendFailure,
): Attempt<SendFailure> {
  const outcome = failure.kind === 'invalid-input' ? 'rejected' : 'failed';
  Object.assign(entry, {
    outcome,
    ms,
    attempts,
    ...(failure.httpStatus ? { httpStatus: failure.httpStatus } : {}),
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
    error: { kind: failure.kind, code: failure.code, message: failure.serviceMessage ?? failure.message },
    ...(outcome === 'rejected' && entry.users > 1 ? { split: true } : {}),
  });
  const { report } = tally;
  report.attempts += entry.attempts;
  (outcome === 'rejected' ? tally.log.info : tally.log.warn)(requestLine(entry));
  if (outcome === 'failed' && ++tally.consecutiveFailures >= tally.maxConsecutiveFailures && !failure.fatal) {
    report.fatal ??= {
      ...failure,
      fatal: true,
      message: `${plural(tally.maxConsecutiveFailures, 'request')} in a row failed for good; stopped. Last: ${failure.message}`,
    };
  }
  if (failure.fatal) report.fatal ??= failure;
  return outcome === 'rejected' ? { outcome: 'rejected', failure } : { outcome: 'failed', failure };
}

/** Each user of a batch's parts, counted and (when not in) listed; progress after each part sent. */
export function settle(
  tally: Tally,
  parts: readonly Settled<SendFailure>[],
  users: readonly User[],
  onProgress?: (done: number, total: number) => void,
): void {
  for (const part of parts) {
    const { first, count } = part.batch;
    for (let index = first; index < first + count; index++) recordUser(tally, part, index, users[index]!);
    if (part.outcome !== 'unsent') {
      tally.done += count;
      onProgress?.(tally.done, users.length);
    }
  }
  stopIfAllRejected(tally.report, parts);
}

function recordUser(tally: Tally, part: Settled<SendFailure>, index: number, user: User): void {
  const { report, log } = tally;
  const requestId = part.outcome !== 'accepted' && part.outcome !== 'unsent' ? part.failure.requestId : undefined;
  switch (part.outcome) {
    case 'accepted':
      report.accepted++;
      return;
    case 'rejected': {
      const message = part.failure.serviceMessage ?? part.failure.message;
      report.rejected++;
      report.notIn.push({
        index,
        status: 'rejected',
        code: part.failure.code,
        message,
        ...(requestId ? { requestId } : {}),
      });
      log.warn(`users[${index}]: rejected by the service: ${message}`);
      log.debug(`rejected: ${describeUser(user, index)}`);
      return;
    }
    case 'failed':
      report.failed++;
      report.notIn.push({
        index,
        status: 'failed',
        code: part.failure.code,
        message: part.failure.message,
        ...(requestId ? { requestId } : {}),
      });
      return;
    case 'unsent':
      report.unsent++;
      report.notIn.push({ index, status: 'unsent' });
  }
}

/**
 * A batch whose users were all rejected one by one: the file is likely wrong throughout (a
 * property the schema lacks, ...). Stop rather than send the rest one user at a time.
 */
function stopIfAllRejected(report: SendReport, parts: readonly Settled<SendFailure>[]): void {
  const sent = parts.filter((p) => p.outcome !== 'unsent');
  if (sent.length <= 1 || !sent.every((p) => p.outcome === 'rejected')) return;
  const first = parts[0]!.batch.first;
  const last = parts.at(-1)!.batch;
  report.fatal ??= {
    kind: 'all-rejected',
    code: 'InvalidInputException',
    fatal: true,
    message: `The service rejected every user of ${batchName({ first, count: last.first + last.count - first })}, one by one: stopped rather than send the rest one user at a time. Fix what the service says, then send the users not in again.`,
  };
}
