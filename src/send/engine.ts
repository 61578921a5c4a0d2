// sendUsers(): a file's users as consecutive PutUsers requests of at most 10, in file order, a
// few at a time, paced to the service's quota per dataset group (pacing.ts), with the SDK's
// standard retries for 5xx and dropped connections. A throttled request is tried again at the
// pacer's slowed pace until it gets in, or until no request of the send got through for
// `stallTimeoutMs`: throttling alone leaves no user out while the service lets others in. A request the service
// rejects as invalid is split until the rejected users are found (bisect.ts), so every valid user
// still gets in. Cancel (the signal) sends nothing more: requests in flight finish, without
// further retries, so what the report says was accepted is what the service accepted. No user
// is sent again once accepted (our logic; the SDK retries a request only when it failed).
import { type PersonalizeEventsClient, PutUsersCommand } from '@aws-sdk/client-personalize-events';
import { datasetGroupArnOf, plural, type PutUsersRequest } from '../core';
import { type Batch, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_USERS_PER_REQUEST, toBatches } from './batches';
import { type Attempt, sendBisecting } from './bisect';
import { type ClientOptions, createClient, DEFAULT_MAX_ATTEMPTS } from './client';
import { reloadSharedFiles, type SharedFiles } from './credentials';
import { awsEndpoint, describeError, type SendFailure } from './errors';
import { silentLogger, type SendLogger } from './log';
import { recordAccepted, recordNotAccepted, settle, startRequest, type Tally } from './outcomes';
import { emptyReport, type SendReport, totalsLine } from './report';
import { estimateLine, estimateSend, rate } from './estimate';
import { DEFAULT_REQUESTS_PER_SECOND, type Pacer, requestsFor, sharedPacer } from './pacing';
import { explainedFailure, insecureEndpoint, missingProfile } from './preflight';

export interface SendOptions extends ClientOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Allow http:// endpoints on other hosts than this machine (default: refused). */
  allowInsecureEndpoint?: boolean;
  /** Cancel: nothing more is sent; users not sent are reported `unsent`. */
  signal?: AbortSignal;
  /** Users settled (accepted, rejected or failed) so far, of `total`, with users in and the time left. */
  onProgress?: (done: number, total: number, progress: SendProgress) => void;
  /**
   * PutUsers requests per second at most, for this dataset group (default 10: the service's
   * quota; more when the account's quota was raised). Sends in this process to the same group
   * share it.
   */
  maxRequestsPerSecond?: number;
  /** Give up on a throttled request once no request of this send got through for this long (default 60 s). */
  stallTimeoutMs?: number;
  logger?: SendLogger;
  /** Stop after this many requests in a row failed for good (not rejected): the service is down. Default 5. */
  maxConsecutiveFailures?: number;
}

export interface SendProgress {
  /** Users the service took so far. */
  accepted: number;
  /** About how long the rest takes, at the pace kept so far. */
  msLeft: number;
}

export const DEFAULT_STALL_TIMEOUT_MS = 60_000;

export async function sendUsers(request: PutUsersRequest, options: SendOptions = {}): Promise<SendReport> {
  const started = Date.now();
  const log = options.logger ?? silentLogger;
  const report = emptyReport(request.datasetArn, request.users.length);
  report.maxRequestsPerSecond = options.maxRequestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND;
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
  // The pacer is the dataset group's at the endpoint, known once the region is: until then,
  // nothing is sent, and the SDK's retries ask it for their slots too.
  let pacing: { pacer: Pacer; release: () => void } | undefined;
  const client = createClient(options, stopRetrying.signal, {
    take: (signal) => pacing?.pacer.take(signal) ?? Promise.resolve(true),
  });
  try {
    const unresolved = await resolveRegionAndCredentials(client, report, options, sharedFiles);
    if (unresolved) return stopAll(report, unresolved, finish);
    const group = datasetGroupArnOf(request.datasetArn) ?? request.datasetArn;
    pacing = sharedPacer(`${report.endpoint} ${group}`, report.maxRequestsPerSecond);
    await sendBatches(client, request, report, {
      ...options,
      concurrency,
      logger: log,
      pacer: pacing.pacer,
      stop: stopRetrying.signal,
    });
    return finish();
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    pacing?.release();
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

interface BatchOptions extends SendOptions {
  concurrency: number;
  logger: SendLogger;
  pacer: Pacer;
  /** Aborted on Cancel: no more attempts, no more waiting for a slot. */
  stop: AbortSignal;
}

/** What sendRequest needs beyond the tally: the pacer, and when to stop trying a throttled request. */
interface Pace {
  pacer: Pacer;
  stop: AbortSignal;
  stopped: () => boolean;
  /** Date.now() when a request of this send last got through the quota (accepted or rejected). */
  lastThrough: number;
  stallTimeoutMs: number;
}

/** The requests, `concurrency` at a time, in file order; after a Cancel or a fatal failure, the rest unsent. */
async function sendBatches(
  client: PersonalizeEventsClient,
  request: PutUsersRequest,
  report: SendReport,
  options: BatchOptions,
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
    `Sending ${estimateLine(estimateSend(users.length, options.pacer.maxRate))} to ${request.datasetArn} ` +
      `(region ${report.region}, endpoint ${report.endpoint}${options.profile ? `, profile ${options.profile}` : ''}, concurrency ${options.concurrency}, at most ${plural(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 'attempt')} per request, throttled ones tried again)`,
  );
  const stopped = () => report.fatal !== undefined || options.signal?.aborted === true;
  const pace: Pace = {
    pacer: options.pacer,
    stop: options.stop,
    stopped,
    lastThrough: Date.now(),
    stallTimeoutMs: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
  };
  const send = (batch: Batch) => sendRequest(client, request, batch, tally, pace);
  const started = Date.now();
  const onProgress =
    options.onProgress &&
    ((done: number, total: number) =>
      options.onProgress!(done, total, {
        accepted: report.accepted,
        msLeft: msLeft(options.pacer, requestsFor(total - done), report.requests.length, Date.now() - started),
      }));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const parts = stopped()
        ? [{ batch, outcome: 'unsent' as const }]
        : await sendBisecting(batch, send, () => !stopped());
      settle(tally, parts, users, onProgress);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batches.length) }, worker));
}

/**
 * The time `requestsLeft` take: at the pacer's rate, or at the rate kept so far when that is
 * slower (a slow endpoint, few requests at a time), once there are a few requests to judge by.
 */
function msLeft(pacer: Pacer, requestsLeft: number, requestsSent: number, elapsedMs: number): number {
  const kept = requestsSent >= 5 && elapsedMs > 0 ? (requestsSent / elapsedMs) * 1000 : Infinity;
  return (requestsLeft / Math.min(pacer.rate, kept)) * 1000;
}

/**
 * One PutUsers request of a batch's users, recorded in the report whatever its outcome, sent
 * when the pacer gives it a slot (unsent when Cancel comes first). Throttled, it is sent again at
 * the pacer's next slot for as long as the send is not stalled.
 */
async function sendRequest(
  client: PersonalizeEventsClient,
  request: PutUsersRequest,
  batch: Batch,
  tally: Tally,
  pace: Pace,
): Promise<Attempt<SendFailure> | { outcome: 'unsent' }> {
  if (!(await pace.pacer.take(pace.stop)) || pace.stopped()) return { outcome: 'unsent' };
  const entry = startRequest(tally, batch);
  const t0 = Date.now();
  const users = request.users.slice(batch.first, batch.first + batch.count);
  let attempts = 0;
  for (;;) {
    try {
      const out = await client.send(new PutUsersCommand({ datasetArn: request.datasetArn, users }));
      gotThrough(pace);
      attempts += out.$metadata.attempts ?? 1;
      return recordAccepted(tally, entry, Date.now() - t0, { ...out.$metadata, attempts });
    } catch (e) {
      attempts += (e as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
      const failure = describeError(e, tally.report);
      if (failure.kind === 'invalid-input') gotThrough(pace);
      if (failure.kind !== 'throttled' || !(await tryAgain(pace, tally, entry.n)))
        return recordNotAccepted(tally, entry, Date.now() - t0, attempts, failure);
    }
  }
}

function gotThrough(pace: Pace): void {
  pace.lastThrough = Date.now();
  pace.pacer.succeeded();
}

/** After a throttled attempt: slow down, and wait for the next slot unless the send stalled or stopped. */
async function tryAgain(pace: Pace, tally: Tally, n: number): Promise<boolean> {
  tally.report.throttled++;
  pace.pacer.throttled();
  const stalled = Date.now() - pace.lastThrough >= pace.stallTimeoutMs;
  if (stalled || pace.stopped()) return false;
  tally.log.debug(`request ${n}: throttled; sent again at ${rate(pace.pacer.rate)}`);
  return (await pace.pacer.take(pace.stop)) && !pace.stopped();
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
