// A local Personalize Events emulator: `POST /users` as the service answers it. It verifies
// SigV4 for real, validates the body with the core's rules, answers in AWS's REST-JSON error
// shape, records what it received and what it accepted, and injects faults per request.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OPERATION, type User } from '../core';
import { type Fault, type FaultContext, type FaultRule, faultsFor } from './faults';
import { invalidInputMessage, serviceErrors } from './service-messages';
import { checkSignature, type Credential, type SigningScope } from './sigv4';

export interface EmulatedDataset {
  arn: string;
  /** Answer 409 ResourceInUseException (an import or update in progress). */
  busy?: boolean;
}

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** The access keys it knows; a request signed with anything else is refused (403). */
  credentials: readonly Credential[];
  datasets: readonly EmulatedDataset[];
  /** Accept any dataset ARN that passes validation, as if it existed (npm start in a folder of the user's own, whose datasets it cannot know). */
  anyDataset?: boolean;
  /** When set, a signature scoped to another region is refused, as a regional endpoint does. */
  region?: string;
  faults?: FaultRule[];
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
  /** Replace the fault rules (applied from the next request on). */
  setFaults(rules: FaultRule[]): void;
  setBusy(arn: string, busy: boolean): void;
  /** Forget what was received and accepted (the sequence numbers go on). */
  clear(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const datasets = new Map(options.datasets.map((d) => [d.arn, { ...d }]));
  const accepted: AcceptedRequest[] = [];
  const requests: ReceivedRequest[] = [];
  let rules: FaultRule[] = [...(options.faults ?? [])];
  let seq = 0;

  const server = createServer((req, res) => {
    handle(req, res)
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<ReceivedRequest | undefined> {
    const bytes = await readBody(req);
    const body = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
    if (req.method !== OPERATION.method || path !== OPERATION.path) {
      answer(res, 404, 'UnknownOperationException', `${req.method} ${path} is not an operation of Personalize Events.`);
      return undefined;
    }
    const record: ReceivedRequest = {
      seq: ++seq,
      method: req.method,
      path,
      headers: { ...req.headersDistinct },
      body,
      status: 0,
      faults: [],
      receivedAt: Date.now(),
    };
    requests.push(record);
    const parsed = parseRequest(body);
    const context: FaultContext = {
      seq: record.seq,
      userIds: parsed?.users.map((u) => u.userId) ?? [],
      ...(parsed ? { datasetArn: parsed.datasetArn } : {}),
    };
    const faults = faultsFor(rules, context);
    record.faults = faults.map((f) => f.kind);
    const reply = (status: number, errorType?: string, message?: string) => {
      record.status = status;
      record.requestId = errorType ? answer(res, status, errorType, message ?? errorType) : ok(res);
      if (errorType) {
        record.errorType = errorType;
        if (message !== undefined) record.message = message;
      }
      return record.requestId;
    };

    for (const f of faults) if (f.kind === 'delay') await new Promise((r) => setTimeout(r, f.ms));
    if (faults.some((f) => f.kind === 'drop')) {
      req.socket.destroy();
      return record;
    }
    const signature = await checkSignature(
      { method: req.method, url: req.url ?? '/', headers: req.headersDistinct, body: bytes },
      {
        credentials: options.credentials,
        service: OPERATION.signingName,
        ...(options.region ? { region: options.region } : {}),
      },
    );
    if (signature.scope) record.scope = signature.scope;
    if (!signature.ok) {
      reply(403, signature.code, signature.message);
      return record;
    }
    const failure = faults.find((f) => f.kind === 'status' || f.kind === 'throttle');
    if (failure?.kind === 'status') {
      reply(
        failure.status,
        failure.code ?? (failure.status === 503 ? 'ServiceUnavailableException' : 'InternalFailure'),
        failure.message ?? 'We encountered an internal error. Please try again.',
      );
      return record;
    }
    if (failure?.kind === 'throttle') {
      if (failure.status === 429) reply(429, 'TooManyRequestsException', 'Too Many Requests');
      else reply(400, 'ThrottlingException', 'Rate exceeded');
      return record;
    }
    const errors = serviceErrors(body);
    if (errors.length > 0 || !parsed) {
      reply(400, 'InvalidInputException', invalidInputMessage(body, errors));
      return record;
    }
    const dataset = datasets.get(parsed.datasetArn) ?? (options.anyDataset ? { arn: parsed.datasetArn } : undefined);
    if (!dataset) {
      reply(404, 'ResourceNotFoundException', `Could not find resource: ${parsed.datasetArn}`);
      return record;
    }
    if (dataset.busy) {
      reply(
        409,
        'ResourceInUseException',
        `Resource ${parsed.datasetArn} is in use: a dataset import or update is in progress.`,
      );
      return record;
    }
    const rejection = faults.find((f) => f.kind === 'reject-user');
    if (rejection?.kind === 'reject-user') {
      reply(400, 'InvalidInputException', rejection.message ?? 'Error parsing properties json');
      return record;
    }
    const requestId = reply(200);
    accepted.push({ seq: record.seq, requestId, datasetArn: parsed.datasetArn, users: parsed.users });
    return record;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    accepted,
    acceptedUsers: () => accepted.flatMap((a) => a.users),
    requests,
    setFaults: (next) => {
      rules = [...next];
    },
    setBusy: (arn, busy) => {
      const d = datasets.get(arn);
      if (d) d.busy = busy;
      else datasets.set(arn, { arn, busy });
    },
    clear: () => {
      accepted.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The body as a PutUsers request, when it is one (validation says what is wrong otherwise). */
function parseRequest(body: string): { datasetArn: string; users: User[] } | undefined {
  try {
    const value = JSON.parse(body) as { datasetArn?: unknown; users?: unknown };
    if (typeof value?.datasetArn !== 'string' || !Array.isArray(value.users)) return undefined;
    const users = value.users.filter((u): u is User => typeof u?.userId === 'string');
    return users.length === value.users.length ? { datasetArn: value.datasetArn, users } : undefined;
  } catch {
    return undefined;
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
