// A local Personalize Events emulator: `POST /users` as the service answers it. It verifies
// SigV4 for real, validates the body with the core's rules, answers in AWS's REST-JSON error
// shape, records what it received and what it accepted, and injects faults per request. It also
// answers the control plane's DescribeDataset and DescribeSchema (control-plane.ts), so that the
// extension can fetch a dataset's schema from it as from AWS. It enforces the service's PutUsers
// quota per dataset group (quota.ts) unless told another or none.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DatasetSchema, datasetArnProblems, OPERATION, readDatasetSchema, type User } from '../core';
import { answerControl, controlOperation, controlVerdict } from './control-plane';
import { type Fault, type FaultRule, faultsFor } from './faults';
import { DEFAULT_QUOTA, type Quota, type QuotaBuckets, quotaBuckets, quotaKeyOf } from './quota';
import { invalidInputMessage, serviceErrors } from './service-messages';
import { checkSignature, type Credential, type SignatureCheck, type SigningScope } from './sigv4';

export interface EmulatedDataset {
  arn: string;
  /** Answer 409 ResourceInUseException (an import or update in progress). */
  busy?: boolean;
  /**
   * The Users dataset's schema, the Avro JSON that CreateSchema takes: `properties` that do not fit
   * it are refused (see service-messages.ts), and DescribeSchema gives it.
   */
  schema?: string;
}

/** A dataset as the emulator holds it: with its schema read. */
interface HeldDataset extends EmulatedDataset {
  readSchema?: DatasetSchema;
}

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** The access keys it knows; a request signed with anything else is refused (403). */
  credentials: readonly Credential[];
  datasets: readonly EmulatedDataset[];
  /** Accept any Users dataset ARN, as if it existed (npm start in a folder of the user's own, whose datasets it cannot know). */
  anyDataset?: boolean;
  /** When set, a signature scoped to another region is refused, as a regional endpoint does. */
  region?: string;
  faults?: FaultRule[];
  /**
   * The PutUsers quota per dataset group: 10 requests/s, burst 10, by default (the service's);
   * beyond it HTTP 400 ThrottlingException. `false` lifts it (tests that need speed).
   */
  quota?: Quota | false;
  /** The quota's clock in ms, Date.now by default (a test that stops it counts a burst exactly). */
  quotaClock?: () => number;
  /** Called once a request has been answered or dropped (the demo program prints a line). */
  onRequest?: (request: ReceivedRequest) => void;
}

/** A request as received, with what the emulator answered. */
export interface ReceivedRequest {
  seq: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** 0 when the connection was dropped. */
  status: number;
  requestId?: string;
  errorType?: string;
  message?: string;
  /** The signature's credential scope, when the Authorization header could be read. */
  scope?: SigningScope;
  faults: Fault['kind'][];
  /** The quota throttled it (errorType ThrottlingException): no injected fault, no token left. */
  throttledByQuota?: true;
  /** Date.now() when the body had arrived, and when the answer was sent (or the connection dropped). */
  receivedAt: number;
  answeredAt?: number;
}

export interface AcceptedRequest {
  seq: number;
  requestId: string;
  datasetArn: string;
  users: User[];
}

export interface Emulator {
  url: string;
  port: number;
  /** Every request it accepted (HTTP 200), in the order it accepted them. */
  accepted: AcceptedRequest[];
  /** Every accepted user, in that order. */
  acceptedUsers(): User[];
  /** Every request received on POST /users (faulty, refused and accepted). */
  requests: ReceivedRequest[];
  /** Every DescribeDataset and DescribeSchema request (`path` is the operation's name). */
  describeRequests: ReceivedRequest[];
  /** Replace the fault rules (applied from the next request on). */
  setFaults(rules: FaultRule[]): void;
  /** Replace the PutUsers quota (`false`: none), from the next request on, with full buckets. */
  setQuota(quota: Quota | false): void;
  setBusy(arn: string, busy: boolean): void;
  /** Forget what was received and accepted (the sequence numbers go on; the quota's buckets stay as they are). */
  clear(): void;
  close(): Promise<void>;
}

/** What one emulator holds while it runs. */
interface EmulatorState {
  readonly options: EmulatorOptions;
  readonly datasets: Map<string, HeldDataset>;
  readonly accepted: AcceptedRequest[];
  readonly requests: ReceivedRequest[];
  readonly describeRequests: ReceivedRequest[];
  rules: FaultRule[];
  /** The quota's buckets, undefined when there is no quota. */
  quota: QuotaBuckets | undefined;
  seq: number;
}

/** The answer to a request: an HTTP status, with AWS's error type and message unless it is 200. */
type Verdict = { status: 200 } | { status: number; errorType: string; message: string };

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const state: EmulatorState = {
    options,
    datasets: new Map(options.datasets.map((d) => [d.arn, held(d)])),
    accepted: [],
    requests: [],
    describeRequests: [],
    rules: [...(options.faults ?? [])],
    quota: bucketsFor(options.quota ?? DEFAULT_QUOTA, options.quotaClock),
    seq: 0,
  };
  const server = createServer((req, res) => {
    handle(state, req, res)
      .then((record) => {
        if (!record) return;
        record.answeredAt = Date.now();
        options.onRequest?.(record);
      })
      .catch((e: unknown) => {
        if (!res.headersSent && !res.destroyed)
          answer(res, 500, 'InternalFailure', `The emulator failed: ${e instanceof Error ? e.message : String(e)}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const { accepted, requests, describeRequests, datasets } = state;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    accepted,
    acceptedUsers: () => accepted.flatMap((a) => a.users),
    requests,
    describeRequests,
    setFaults: (next) => {
      state.rules = [...next];
    },
    setQuota: (quota) => {
      state.quota = bucketsFor(quota, options.quotaClock);
    },
    setBusy: (arn, busy) => {
      const d = datasets.get(arn);
      if (d) d.busy = busy;
      else datasets.set(arn, { arn, busy });
    },
    clear: () => {
      accepted.length = 0;
      requests.length = 0;
      describeRequests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function bucketsFor(quota: Quota | false, clock?: () => number): QuotaBuckets | undefined {
  return quota === false ? undefined : quotaBuckets(quota, clock);
}

/** A dataset with its schema read (a schema the service would not take is the caller's mistake). */
function held(dataset: EmulatedDataset): HeldDataset {
  if (dataset.schema === undefined) return { ...dataset };
  const { schema, findings } = readDatasetSchema(dataset.schema);
  if (!schema) throw new Error(`The schema of ${dataset.arn} is no Users schema: ${findings[0]?.message}`);
  return { ...dataset, readSchema: schema };
}

/** Records a request, applies its faults, answers it; undefined for what is not PutUsers. */
async function handle(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<ReceivedRequest | undefined> {
  const bytes = await readBody(req);
  const body = bytes.toString('utf8');
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  const control =
    req.method === 'POST' && path === '/' ? controlOperation(req.headersDistinct['x-amz-target']?.[0]) : undefined;
  if (control) return describe(state, req, res, control, bytes);
  if (req.method !== OPERATION.method || path !== OPERATION.path) {
    answer(res, 404, 'UnknownOperationException', `${req.method} ${path} is not an operation of Personalize Events.`);
    return undefined;
  }
  const record = received(state, req, path, body);
  state.requests.push(record);
  const parsed = parseRequest(body);
  const faults = faultsFor(state.rules, {
    seq: record.seq,
    userIds: parsed?.users.map((u) => u.userId) ?? [],
    ...(parsed ? { datasetArn: parsed.datasetArn } : {}),
  });
  record.faults = faults.map((f) => f.kind);

  for (const f of faults) if (f.kind === 'delay') await new Promise((r) => setTimeout(r, f.ms));
  if (faults.some((f) => f.kind === 'drop')) {
    req.socket.destroy();
    return record;
  }
  const signature = await signatureOf(state, req, bytes);
  if (signature.scope) record.scope = signature.scope;
  // As the service: the signature, then (injected) trouble on its side, then the quota, then the request itself.
  const verdict: Verdict = !signature.ok
    ? { status: 403, errorType: signature.code, message: signature.message }
    : (faultVerdict(faults) ??
      quotaVerdict(state, record, parsed?.datasetArn ?? datasetArnIn(body)) ??
      serviceVerdict(state, body, parsed, faults));
  record.status = verdict.status;
  if ('errorType' in verdict) {
    record.requestId = answer(res, verdict.status, verdict.errorType, verdict.message);
    record.errorType = verdict.errorType;
    record.message = verdict.message;
  } else {
    record.requestId = ok(res);
    state.accepted.push({ seq: record.seq, requestId: record.requestId, ...parsed! });
  }
  return record;
}

/** A request as it arrived, numbered, before any answer. */
function received(state: EmulatorState, req: IncomingMessage, path: string, body: string): ReceivedRequest {
  return {
    seq: ++state.seq,
    method: req.method ?? 'POST',
    path,
    headers: { ...req.headersDistinct },
    body,
    status: 0,
    faults: [],
    receivedAt: Date.now(),
  };
}

/** The request's SigV4 signature checked with the emulator's keys (PutUsers and the control plane sign alike). */
function signatureOf(state: EmulatorState, req: IncomingMessage, body: Buffer): Promise<SignatureCheck> {
  return checkSignature(
    { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headersDistinct, body },
    {
      credentials: state.options.credentials,
      service: OPERATION.signingName,
      ...(state.options.region ? { region: state.options.region } : {}),
    },
  );
}

/** DescribeDataset or DescribeSchema: signed as PutUsers is, answered from the datasets it holds. */
async function describe(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  operation: 'DescribeDataset' | 'DescribeSchema',
  bytes: Buffer,
): Promise<ReceivedRequest> {
  const body = bytes.toString('utf8');
  const record = received(state, req, operation, body);
  state.describeRequests.push(record);
  const signature = await signatureOf(state, req, bytes);
  if (signature.scope) record.scope = signature.scope;
  const verdict = signature.ok
    ? controlVerdict(operation, body, state.datasets)
    : {
        status: 403,
        errorType: signature.code,
        message: signature.message,
        body: { __type: signature.code, message: signature.message },
      };
  record.status = verdict.status;
  record.requestId = answerControl(res, verdict);
  if (verdict.errorType) record.errorType = verdict.errorType;
  if (verdict.message) record.message = verdict.message;
  return record;
}

/** The service's throttling answer, whether a fault injects it or the quota gives it. */
const THROTTLED: Verdict = { status: 400, errorType: 'ThrottlingException', message: 'Rate exceeded' };

/** A server error or throttling the rules inject, before the service looks at the request. */
function faultVerdict(faults: readonly Fault[]): Verdict | undefined {
  const failure = faults.find((f) => f.kind === 'status' || f.kind === 'throttle');
  if (failure?.kind === 'status')
    return {
      status: failure.status,
      errorType: failure.code ?? (failure.status === 503 ? 'ServiceUnavailableException' : 'InternalFailure'),
      message: failure.message ?? 'We encountered an internal error. Please try again.',
    };
  if (failure?.kind === 'throttle')
    return failure.status === 429
      ? { status: 429, errorType: 'TooManyRequestsException', message: 'Too Many Requests' }
      : THROTTLED;
  return undefined;
}

/**
 * THROTTLED (and the record marked so) when the request's dataset group has no token left; a
 * token taken otherwise. Every signed POST /users counts, whatever its body: the service's front
 * door is assumed to throttle before it reads the request.
 */
function quotaVerdict(state: EmulatorState, record: ReceivedRequest, datasetArn: string): Verdict | undefined {
  if (!state.quota || state.quota.take(quotaKeyOf(datasetArn))) return undefined;
  record.throttledByQuota = true;
  return THROTTLED;
}

/** As the service judges a signed request: its input, its dataset, then a user the rules reject. */
function serviceVerdict(
  state: EmulatorState,
  body: string,
  parsed: ParsedRequest | undefined,
  faults: readonly Fault[],
): Verdict {
  // Any dataset, but only one an ARN can name: a Users dataset, in a real region and account.
  const arn = parsed?.datasetArn;
  const anyDataset = arn !== undefined && state.options.anyDataset && datasetArnProblems(arn).length === 0;
  const dataset: HeldDataset | undefined =
    arn === undefined ? undefined : (state.datasets.get(arn) ?? (anyDataset ? { arn } : undefined));
  const errors = serviceErrors(body, dataset?.readSchema);
  if (errors.length > 0 || !parsed)
    return { status: 400, errorType: 'InvalidInputException', message: invalidInputMessage(body, errors) };
  if (!dataset)
    return {
      status: 404,
      errorType: 'ResourceNotFoundException',
      message: `Could not find resource: ${parsed.datasetArn}`,
    };
  if (dataset.busy)
    return {
      status: 409,
      errorType: 'ResourceInUseException',
      message: `Resource ${parsed.datasetArn} is in use: a dataset import or update is in progress.`,
    };
  const rejection = faults.find((f) => f.kind === 'reject-user');
  if (rejection?.kind === 'reject-user')
    return {
      status: 400,
      errorType: 'InvalidInputException',
      message: rejection.message ?? 'Error parsing properties json',
    };
  return { status: 200 };
}

interface ParsedRequest {
  datasetArn: string;
  users: User[];
}

/** The body as a PutUsers request, when it is one (validation says what is wrong otherwise). */
function parseRequest(body: string): ParsedRequest | undefined {
  try {
    const value = JSON.parse(body) as { datasetArn?: unknown; users?: unknown };
    if (typeof value?.datasetArn !== 'string' || !Array.isArray(value.users)) return undefined;
    const users = value.users.filter((u): u is User => typeof u?.userId === 'string');
    return users.length === value.users.length ? { datasetArn: value.datasetArn, users } : undefined;
  } catch {
    return undefined;
  }
}

/** The body's datasetArn when it has one ('' otherwise), for a body that is no PutUsers request. */
function datasetArnIn(body: string): string {
  try {
    const value = (JSON.parse(body) as { datasetArn?: unknown })?.datasetArn;
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function ok(res: ServerResponse): string {
  const requestId = randomUUID();
  res.writeHead(200, { 'x-amzn-RequestId': requestId, 'Content-Type': 'application/json', 'Content-Length': '0' });
  res.end();
  return requestId;
}

/**
 * AWS's REST-JSON error: the type in `x-amzn-ErrorType` (with the namespace URL AWS appends after
 * a colon, which the SDK strips) and `{"message": ...}` in the body. Returns the request id.
 */
function answer(res: ServerResponse, status: number, errorType: string, message: string): string {
  const requestId = randomUUID();
  const body = JSON.stringify({ message });
  const namespace =
    status === 403 || errorType === 'ThrottlingException'
      ? 'com.amazon.coral.service'
      : 'com.amazonaws.personalize.events';
  res.writeHead(status, {
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': `${errorType}:http://internal.amazon.com/coral/${namespace}/`,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
  return requestId;
}
