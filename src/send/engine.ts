// sendUsers(): a file's users as consecutive PutUsers requests of at most 10, in file order, a
// few at a time, with the SDK's standard retries for throttling and 5xx. A request the service
// rejects as invalid is split until the rejected users are found (bisect.ts), so every valid user
// still gets in. Cancel (the signal) sends nothing more: requests in flight finish, without
// further retries, so what the report says was accepted is what the service accepted. No user
// is sent again once accepted (our logic; the SDK retries a request only when it failed).
import { PutUsersCommand } from '@aws-sdk/client-personalize-events';
import { OPERATION, plural, type PutUsersRequest } from '../core';
import {
  type Batch,
  batchName,
  DEFAULT_CONCURRENCY,
  MAX_CONCURRENCY,
  MAX_USERS_PER_REQUEST,
  toBatches,
} from './batches';
import { type Attempt, type Settled, sendBisecting } from './bisect';
import { type ClientOptions, createClient, DEFAULT_MAX_ATTEMPTS } from './client';
import { explainMissingCredentials, reloadSharedFiles } from './credentials';
import { checkEndpoint } from './endpoint';
import { profileNames } from './target';
import { describeError, type SendFailure } from './errors';
import { describeUser, silentLogger, type SendLogger } from './log';
import { emptyReport, type RequestReport, requestLine, type SendReport, totalsLine } from './report';

export interface SendOptions extends ClientOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Allow http:// endpoints on other hosts than this machine (default: refused). */
  allowInsecureEndpoint?: boolean;
  /** Cancel: nothing more is sent; users not sent are reported `unsent`. */
  signal?: AbortSignal;
  /** Users settled (accepted, rejected or failed) so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  logger?: SendLogger;
  /** Stop after this many requests in a row failed for good (not rejected): the service is down. Default 5. */
  maxConsecutiveFailures?: number;
}

export async function sendUsers(request: PutUsersRequest, options: SendOptions = {}): Promise<SendReport> {
  const started = Date.now();
  const log = options.logger ?? silentLogger;
  const users = request.users;
  const report = emptyReport(request.datasetArn, users.length);
  if (options.profile) report.profile = options.profile;
  const finish = (): SendReport => {
    report.notIn.sort((a, b) => a.index - b.index);
    report.cancelled = options.signal?.aborted === true;
    report.ms = Date.now() - started;
    log.info(totalsLine(report));
    if (report.fatal) log.error(report.fatal.message);
    return report;
  };
  const stopAll = (failure: SendFailure) => {
    report.fatal ??= failure;
    report.notIn = users.map((_, index) => ({
      index,
      status: 'unsent' as const,
      code: failure.code,
      message: failure.message,
    }));
    report.unsent = users.length;
    return finish();
  };

  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new RangeError(`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${concurrency}`);
  if (users.length === 0) return finish();
  if (options.endpoint !== undefined) {
    const endpoint = checkEndpoint(options.endpoint, options.allowInsecureEndpoint);
    if (!endpoint.ok)
      return stopAll({
        kind: 'insecure-endpoint',
        code: 'InsecureEndpoint',
        message: endpoint.message,
        fatal: true,
        remedy: { kind: 'allow-insecure-endpoint' },
      });
    report.endpoint = options.endpoint;
  }
  if (options.signal?.aborted)
    return stopAll({
      kind: 'cancelled',
      code: 'Cancelled',
      message: 'Cancelled before anything was sent.',
      fatal: true,
    });

  // Re-read the shared files (the SDK caches them per process), then resolve the region and the
  // credentials once, before any request: when they are missing, nothing is sent.
  const sharedFiles = await reloadSharedFiles();
  // A profile named (option or AWS_PROFILE) but in neither file: say so, as the AWS CLI does
  // ("The config profile (x) could not be found"), before the SDK fails on its region instead.
  const named = options.profile || process.env['AWS_PROFILE'];
  if (named && !options.credentials && sharedFiles && !profileNames(sharedFiles).includes(named)) {
    return stopAll({
      kind: 'no-credentials',
      code: 'ProfileNotFound',
      fatal: true,
      message: `No such AWS profile: ${explainMissingCredentials(sharedFiles, named)}`,
      remedy: { kind: 'choose-profile' },
    });
  }
  const stopRetrying = new AbortController();
  const onCancel = () => {
    stopRetrying.abort();
    log.warn('Cancel: no more requests; those in flight finish without further retries.');
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const client = createClient(options, stopRetrying.signal);
  try {
    try {
      report.region = await client.config.region();
      report.endpoint ??= `https://${OPERATION.endpointPrefix}.${report.region}.amazonaws.com`;
      await client.config.credentials();
    } catch (e) {
      const failure = describeError(e, report);
      if (failure.kind === 'no-credentials') {
        const why = explainMissingCredentials(sharedFiles, options.profile);
        if (why) failure.message += ` ${why}`;
      }
      return stopAll(failure);
    }

    const batches = toBatches(users.length, MAX_USERS_PER_REQUEST);
    log.info(
      `Sending ${plural(users.length, 'user')} in ${plural(batches.length, 'request')} to ${request.datasetArn} ` +
        `(region ${report.region}, endpoint ${report.endpoint}${options.profile ? `, profile ${options.profile}` : ''}, concurrency ${concurrency}, at most ${options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS} attempts per request)`,
    );
    let done = 0;
    let consecutiveFailures = 0;
    const maxConsecutiveFailures = options.maxConsecutiveFailures ?? 5;
    const stopped = () => report.fatal !== undefined || options.signal?.aborted === true;

    const sendOne = async (batch: Batch): Promise<Attempt<SendFailure>> => {
      const n = report.requests.length + 1;
      const entry: RequestReport = {
        n,
        first: batch.first,
        users: batch.count,
        outcome: 'accepted',
        attempts: 0,
        ms: 0,
      };
      report.requests.push(entry);
      const t0 = Date.now();
      try {
        const out = await client.send(
          new PutUsersCommand({
            datasetArn: request.datasetArn,
            users: users.slice(batch.first, batch.first + batch.count),
          }),
        );
        Object.assign(entry, {
          ms: Date.now() - t0,
          attempts: out.$metadata.attempts ?? 1,
          httpStatus: out.$metadata.httpStatusCode,
          requestId: out.$metadata.requestId,
        });
        report.attempts += entry.attempts;
        consecutiveFailures = 0;
        log.info(requestLine(entry));
        return { outcome: 'accepted' };
      } catch (e) {
        const failure = describeError(e, report);
        const meta = (e as { $metadata?: { attempts?: number } }).$metadata;
        const outcome = failure.kind === 'invalid-input' ? 'rejected' : 'failed';
        Object.assign(entry, {
          outcome,
          ms: Date.now() - t0,
          attempts: meta?.attempts ?? 1,
          ...(failure.httpStatus ? { httpStatus: failure.httpStatus } : {}),
          ...(failure.requestId ? { requestId: failure.requestId } : {}),
          error: { kind: failure.kind, code: failure.code, message: failure.serviceMessage ?? failure.message },
          ...(outcome === 'rejected' && batch.count > 1 ? { split: true } : {}),
        });
        report.attempts += entry.attempts;
        (outcome === 'rejected' ? log.info : log.warn)(requestLine(entry));
        if (outcome === 'failed' && ++consecutiveFailures >= maxConsecutiveFailures && !failure.fatal) {
          report.fatal ??= {
            ...failure,
            fatal: true,
            message: `${maxConsecutiveFailures} requests in a row failed for good; stopped. Last: ${failure.message}`,
          };
        }
        if (failure.fatal) report.fatal ??= failure;
        return outcome === 'rejected' ? { outcome: 'rejected', failure } : { outcome: 'failed', failure };
      }
    };

    const settle = (parts: Settled<SendFailure>[]) => {
      for (const part of parts) {
        const { first, count } = part.batch;
        for (let index = first; index < first + count; index++) {
          switch (part.outcome) {
            case 'accepted':
              report.accepted++;
              break;
            case 'rejected':
              report.rejected++;
              report.notIn.push({
                index,
                status: 'rejected',
                code: part.failure.code,
                message: part.failure.serviceMessage ?? part.failure.message,
                ...(part.failure.requestId ? { requestId: part.failure.requestId } : {}),
              });
              log.warn(
                `users[${index}]: rejected by the service: ${part.failure.serviceMessage ?? part.failure.message}`,
              );
              log.debug(`rejected: ${describeUser(users[index]!, index)}`);
              break;
            case 'failed':
              report.failed++;
              report.notIn.push({
                index,
                status: 'failed',
                code: part.failure.code,
                message: part.failure.message,
                ...(part.failure.requestId ? { requestId: part.failure.requestId } : {}),
              });
              break;
            case 'unsent':
              report.unsent++;
              report.notIn.push({ index, status: 'unsent' });
              break;
          }
        }
        if (part.outcome !== 'unsent') {
          done += count;
          options.onProgress?.(done, users.length);
        }
      }
      // A batch whose users were all rejected one by one: the file is likely wrong throughout
      // (a property the schema lacks, ...). Stop rather than send the rest one user at a time.
      const singles = parts.filter((p) => p.outcome !== 'unsent');
      if (singles.length > 1 && singles.every((p) => p.outcome === 'rejected')) {
        const first = parts[0]!.batch.first;
        const last = parts.at(-1)!.batch;
        report.fatal ??= {
          kind: 'all-rejected',
          code: 'InvalidInputException',
          fatal: true,
          message: `The service rejected every user of ${batchName({ first, count: last.first + last.count - first })}, one by one: stopped rather than send the rest one user at a time. Fix what the service says, then send the users not in again.`,
        };
      }
    };

    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        if (stopped()) {
          settle([{ batch, outcome: 'unsent' }]);
          continue;
        }
        settle(await sendBisecting(batch, sendOne, () => !stopped()));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    return finish();
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    client.destroy();
  }
}
