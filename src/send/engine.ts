// sendUsers(): a file's users as consecutive PutUsers requests of at most 10, in file order, a
// few at a time, with the SDK's standard retries for throttling and 5xx. A request the service
// rejects as invalid is split until the rejected users are found (bisect.ts), so every valid user
// still gets in. Cancel (the signal) sends nothing more: requests in flight finish, without
// further retries, so what the report says was accepted is what the service accepted. No user
// is sent again once accepted (our logic; the SDK retries a request only when it failed).
import { type PersonalizeEventsClient, PutUsersCommand } from '@aws-sdk/client-personalize-events';
import { plural, type PutUsersRequest } from '../core';
import { type Batch, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_USERS_PER_REQUEST, toBatches } from './batches';
import { type Attempt, sendBisecting } from './bisect';
import { type ClientOptions, createClient, DEFAULT_MAX_ATTEMPTS } from './client';
import { reloadSharedFiles, type SharedFiles } from './credentials';
import { awsEndpoint, describeError, type SendFailure } from './errors';
import { silentLogger, type SendLogger } from './log';
import { recordAccepted, recordNotAccepted, settle, startRequest, type Tally } from './outcomes';
import { emptyReport, type SendReport, totalsLine } from './report';
import { explainedFailure, insecureEndpoint, missingProfile } from './preflight';

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
  const report = emptyReport(request.datasetArn, request.users.length);
  if (options.profile) report.profile = options.profile;
  const finish = () => finishReport(report, started, options.signal, log);
  const concurrency = checkedConcurrency(options.concurrency);
  if (request.users.length === 0) return finish();

  const refused = refusalBeforeAnyRequest(options, report);
  if (refused) return stopAll(report, refused, finish);
  // Re-read the shared files (the SDK caches them per process), then resolve the region and the
  // credentials once, before any request: when they are missing, nothing is sent.
  const sharedFiles = await reloadSharedFiles();
  const noProfile = missingProfile(options, sharedFiles);
  if (noProfile) return stopAll(report, noProfile, finish);

  const stopRetrying = new AbortController();
  const onCancel = () => {
    stopRetrying.abort();
    log.warn('Cancel: no more requests; those in flight finish without further retries.');
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const client = createClient(options, stopRetrying.signal);
  try {
    const unresolved = await resolveRegionAndCredentials(client, report, options, sharedFiles);
    if (unresolved) return stopAll(report, unresolved, finish);
    await sendBatches(client, request, report, { ...options, concurrency, logger: log });
    return finish();
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    client.destroy();
  }
}

function checkedConcurrency(concurrency = DEFAULT_CONCURRENCY): number {
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new RangeError(`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${concurrency}`);
  return concurrency;
}

/** An http:// endpoint on another host (unless allowed), or a Cancel before anything began. */
function refusalBeforeAnyRequest(options: SendOptions, report: SendReport): SendFailure | undefined {
  const insecure = insecureEndpoint(options.endpoint, options.allowInsecureEndpoint);
  if (insecure) return insecure;
  if (options.endpoint !== undefined) report.endpoint = options.endpoint;
  if (options.signal?.aborted)
    return { kind: 'cancelled', code: 'Cancelled', message: 'Cancelled before anything was sent.', fatal: true };
  return undefined;
}

/** Fills in the report's region and endpoint; the failure when the region or the credentials cannot be had. */
async function resolveRegionAndCredentials(
  client: PersonalizeEventsClient,
  report: SendReport,
  options: SendOptions,
  sharedFiles: SharedFiles | undefined,
): Promise<SendFailure | undefined> {
  try {
    report.region = await client.config.region();
    report.endpoint ??= awsEndpoint(report.region);
    await client.config.credentials();
    return undefined;
  } catch (e) {
    return explainedFailure(e, report, sharedFiles, options.profile);
  }
}

/** The requests, `concurrency` at a time, in file order; after a Cancel or a fatal failure, the rest unsent. */
async function sendBatches(
  client: PersonalizeEventsClient,
  request: PutUsersRequest,
  report: SendReport,
  options: SendOptions & { concurrency: number; logger: SendLogger },
): Promise<void> {
  const { users } = request;
  const batches = toBatches(users.length, MAX_USERS_PER_REQUEST);
  const tally: Tally = {
    report,
    log: options.logger,
    maxConsecutiveFailures: options.maxConsecutiveFailures ?? 5,
    consecutiveFailures: 0,
    done: 0,
  };
  tally.log.info(
    `Sending ${plural(users.length, 'user')} in ${plural(batches.length, 'request')} to ${request.datasetArn} ` +
      `(region ${report.region}, endpoint ${report.endpoint}${options.profile ? `, profile ${options.profile}` : ''}, concurrency ${options.concurrency}, at most ${plural(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 'attempt')} per request)`,
  );
  const stopped = () => report.fatal !== undefined || options.signal?.aborted === true;
  const send = (batch: Batch) => sendRequest(client, request, batch, tally);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const parts = stopped()
        ? [{ batch, outcome: 'unsent' as const }]
        : await sendBisecting(batch, send, () => !stopped());
      settle(tally, parts, users, options.onProgress);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batches.length) }, worker));
}

/** One PutUsers request of a batch's users, recorded in the report whatever its outcome. */
async function sendRequest(
  client: PersonalizeEventsClient,
  request: PutUsersRequest,
  batch: Batch,
  tally: Tally,
): Promise<Attempt<SendFailure>> {
  const entry = startRequest(tally, batch);
  const t0 = Date.now();
  try {
    const users = request.users.slice(batch.first, batch.first + batch.count);
    const out = await client.send(new PutUsersCommand({ datasetArn: request.datasetArn, users }));
    return recordAccepted(tally, entry, Date.now() - t0, out.$metadata);
  } catch (e) {
    const attempts = (e as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    return recordNotAccepted(tally, entry, Date.now() - t0, attempts, describeError(e, tally.report));
  }
}

/** Every user unsent, for a failure before any request. */
function stopAll(report: SendReport, failure: SendFailure, finish: () => SendReport): SendReport {
  report.fatal ??= failure;
  report.notIn = Array.from({ length: report.total }, (_, index) => ({
    index,
    status: 'unsent' as const,
    code: failure.code,
    message: failure.message,
  }));
  report.unsent = report.total;
  return finish();
}

function finishReport(
  report: SendReport,
  started: number,
  signal: AbortSignal | undefined,
  log: SendLogger,
): SendReport {
  report.notIn.sort((a, b) => a.index - b.index);
  report.cancelled = signal?.aborted === true;
  report.ms = Date.now() - started;
  log.info(totalsLine(report));
  if (report.fatal) log.error(report.fatal.message);
  return report;
}
