// What went wrong, in words that say what to do next. Never includes credentials or user data:
// the service's own message is quoted (the service names no user in it), the rest is ours.
// The words are the engine's, free of either front end's vocabulary: where the next step is a
// flag of `putusers` or a setting of the extension, the failure carries a Remedy and each front
// end words it (cli/wording.ts, extension/send/wording.ts).
import { OPERATION, regionOfArn } from '../core';

export type FailureKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'credentials-refused'
  | 'no-region'
  | 'endpoint'
  | 'insecure-endpoint'
  | 'unreachable'
  | 'not-found'
  | 'in-use'
  | 'invalid-input'
  | 'throttled'
  | 'server'
  | 'connection'
  | 'cancelled'
  | 'all-rejected'
  | 'other';

/** The next step, when it is something a front end sets: a profile, a region, the insecure-endpoint permission. */
export type Remedy =
  | { kind: 'choose-profile' }
  /** `region`: the one the dataset ARN names, when it names one. */
  | { kind: 'set-region'; region?: string }
  /** Requests went to a custom endpoint (an emulator, a proxy): it decides which datasets exist there. */
  | { kind: 'check-endpoint' }
  | { kind: 'allow-insecure-endpoint' }
  /** Throttled for good: the pace asked for may be above the account's PutUsers quota. */
  | { kind: 'lower-rate' };

export interface SendFailure {
  kind: FailureKind;
  /** The service's or the SDK's error name (`InvalidInputException`, `ECONNREFUSED`, ...). */
  code: string;
  /** What happened and what to do, for people, in words of neither front end. */
  message: string;
  /** The next step that a front end words (a flag, a setting), when there is one. */
  remedy?: Remedy;
  /** The service's message as it gave it, when it gave one. */
  serviceMessage?: string;
  /** No other request could succeed either (stop sending): wrong credentials, ARN, region, endpoint. */
  fatal: boolean;
  httpStatus?: number;
  requestId?: string;
}

/** The endpoint requests go to without a custom one. */
export function awsEndpoint(region: string): string {
  return `https://${OPERATION.endpointPrefix}.${region}.amazonaws.com`;
}

function isAwsEndpoint(url: string): boolean {
  try {
    return /\.amazonaws\.com(\.cn)?$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A front end's words for a remedy: its flag or setting (undefined: it has none for this one). */
export type RemedyWords = (remedy: Remedy) => string | undefined;

/** The failure's message and, when it has a remedy that `words` can say, that next step. */
export function failureText(failure: Pick<SendFailure, 'message' | 'remedy'>, words?: RemedyWords): string {
  const next = failure.remedy && words?.(failure.remedy);
  return next ? `${failure.message} ${next}` : failure.message;
}

export interface ErrorContext {
  datasetArn: string;
  /** The operation that failed, for the permission it needs (default PutUsers). */
  operation?: string;
  region?: string;
  endpoint?: string;
  profile?: string;
}

type SdkLikeError = {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  cause?: unknown;
};

/** What describeError reads of an error, and makes failures with. */
interface Described {
  e: SdkLikeError;
  name: string;
  /** The error's own message. */
  raw: string;
  context: ErrorContext;
  /** `profile "x"`, or "the profile" when none was named. */
  profile: string;
  failure(kind: FailureKind, fatal: boolean, message: string, code?: string, remedy?: Remedy): SendFailure;
}

export function describeError(error: unknown, context: ErrorContext): SendFailure {
  const e = (error ?? {}) as SdkLikeError;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const raw = typeof e.message === 'string' ? e.message : String(error);
  const meta = {
    ...(e.$metadata?.httpStatusCode ? { httpStatus: e.$metadata.httpStatusCode } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
    // The service's message as it gave it: only an error with an HTTP status came from the service.
    ...(e.$metadata?.httpStatusCode !== undefined ? { serviceMessage: raw } : {}),
  };
  const described: Described = {
    e,
    name,
    raw,
    context,
    profile: context.profile ? `profile "${context.profile}"` : 'the profile',
    failure: (kind, fatal, message, code = name, remedy) => ({
      kind,
      code,
      message,
      fatal,
      ...(remedy ? { remedy } : {}),
      ...meta,
    }),
  };
  return (
    credentialsFailure(described) ??
    serviceFailure(described) ??
    transportFailure(described) ??
    described.failure('other', false, `${name}: ${raw}`)
  );
}

/** Credentials the SDK could not find, or the service refused. */
function credentialsFailure({ name, raw, context, profile, failure }: Described): SendFailure | undefined {
  switch (name) {
    case 'CredentialsProviderError':
    case 'TokenProviderError':
      if (/\bSSO\b|sso login/i.test(raw)) {
        return failure(
          'sso-expired',
          true,
          `The SSO session of ${profile} has expired or was never started: run \`aws sso login${context.profile ? ` --profile ${context.profile}` : ''}\`, then send again. (${raw})`,
        );
      }
      return failure(
        'no-credentials',
        true,
        `No AWS credentials found (${raw}). Choose a profile that has credentials, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
        name,
        { kind: 'choose-profile' },
      );
    case 'ExpiredTokenException':
      return failure(
        'credentials-refused',
        true,
        `The session credentials have expired (${raw}): refresh them (for SSO: \`aws sso login\`) and send again.`,
      );
    case 'AccessDeniedException':
      return failure(
        'credentials-refused',
        true,
        `Access denied (${raw}): the credentials' identity needs personalize:${context.operation ?? 'PutUsers'} on ${context.datasetArn}.`,
      );
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'MissingAuthenticationTokenException':
    case 'IncompleteSignatureException':
    case 'InvalidSignatureException':
      return failure(
        'credentials-refused',
        true,
        `The service refused the credentials: ${name}: ${raw} Check the access key and secret of ${profile} (and the computer's clock).`,
      );
    default:
      return undefined;
  }
}

/** The service's answers about the dataset and the input, and the SDK's Cancel. */
function serviceFailure({ name, raw, context, failure }: Described): SendFailure | undefined {
  switch (name) {
    case 'ResourceNotFoundException': {
      const arnRegion = regionOfArn(context.datasetArn);
      // An endpoint not of AWS's (an emulator, a proxy): the region is no remedy, that endpoint decides.
      if (context.endpoint && !isAwsEndpoint(context.endpoint))
        return failure(
          'not-found',
          true,
          `The service at ${context.endpoint} found no dataset ${context.datasetArn} in ${context.region ?? 'its region'} (${raw}). ` +
            `Requests go to that endpoint, not to AWS's own${arnRegion ? ` in ${arnRegion}` : ''}: check that it holds this dataset.`,
          name,
          { kind: 'check-endpoint' },
        );
      const elsewhere = arnRegion && context.region && arnRegion !== context.region;
      const hint = elsewhere
        ? ` The ARN names region ${arnRegion} but the requests went to ${context.region}.`
        : ' Check the dataset ARN (it must be a Users dataset that exists) and the region.';
      return failure(
        'not-found',
        true,
        `The service found no dataset ${context.datasetArn} in ${context.region ?? 'this region'} (${raw}).${hint}`,
        name,
        elsewhere ? { kind: 'set-region', region: arnRegion } : undefined,
      );
    }
    case 'ResourceInUseException':
      return failure(
        'in-use',
        true,
        `The dataset is in use (${raw}): wait until its import or update has finished, then send the users not in again.`,
      );
    case 'InvalidInputException':
      return failure('invalid-input', false, `The service rejected the input: ${raw}`);
    case 'ThrottlingException':
    case 'TooManyRequestsException':
    case 'Throttling':
    case 'RequestLimitExceeded':
    case 'LimitExceededException':
      return failure(
        'throttled',
        false,
        `Throttled by the service (${name}: ${raw}), and none of this send's requests got through for a while, though it slowed down: another client may be using the dataset group's quota. Wait a little, and send the users not in again.`,
        name,
        { kind: 'lower-rate' },
      );
    case 'AbortError':
      return failure('cancelled', false, 'Cancelled.');
    default:
      return undefined;
  }
}

/** No region, a network that fails, a server error: known by their messages, codes and status. */
function transportFailure({ e, name, raw, context, profile, failure }: Described): SendFailure | undefined {
  const codes = `${e.code ?? ''} ${name} ${raw}`;
  const where = context.endpoint ?? 'the Personalize Events endpoint';
  if (/^Region is missing|region.*(missing|not (set|found|configured))/i.test(raw)) {
    const arnRegion = regionOfArn(context.datasetArn);
    return failure(
      'no-region',
      true,
      `No region${arnRegion ? ` (the dataset ARN names ${arnRegion})` : ''}: set AWS_REGION, or add a region to ${profile} in ~/.aws/config.`,
      'RegionMissing',
      { kind: 'set-region', region: arnRegion },
    );
  }
  if (/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.test(codes))
    return failure(
      'unreachable',
      true,
      `Cannot reach ${where} (${raw}). Check the endpoint URL, the network and any proxy.`,
      e.code ?? name,
    );
  if (/\b(ECONNRESET|EPIPE|ETIMEDOUT|TimeoutError|socket hang up)\b/.test(codes))
    return failure(
      'connection',
      false,
      `The connection to ${where} broke even after the retries (${raw}).`,
      e.code ?? name,
    );
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500)
    return failure(
      'server',
      false,
      `The service failed (HTTP ${status} ${name}: ${raw}) even after the retries: send the users not in again later.`,
    );
  return undefined;
}
