// Checks an AWS Signature Version 4 as AWS does: parse the Authorization header, find the secret
// of its access key, recompute the signature with @smithy/signature-v4 over the request as
// received (method, path, query, the headers named in SignedHeaders, the body bytes), and compare
// in constant time. Also the checks AWS makes around it: the credential scope (date, region,
// service) and the request time (at most 5 minutes from the server's clock).
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What AWS answers an unauthenticated request with (HTTP 403, this error type, this message). */
export type SignatureErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException';

export type SignatureCheck =
  { ok: true; scope: SigningScope } | { ok: false; code: SignatureErrorCode; message: string; scope?: SigningScope };

/** A signature's credential scope, `AKID/20261128/us-east-1/personalize/aws4_request`, and what it signed. */
export interface SigningScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
}

export interface ReceivedForSigning {
  method: string;
  /** The request target as received: path and query. */
  url: string;
  /** Lower-case header names; repeated headers as arrays. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface SignatureRules {
  credentials: readonly Credential[];
  /** The signing name the scope must name (`personalize` for Personalize Events). */
  service: string;
  /** When set, the scope must name this region (as an endpoint of one region does). */
  region?: string;
  /** The server's clock (ms); tests move it. */
  now?: number;
}

/** How far the request time may be from the server's clock, as on AWS. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const AUTHORIZATION = /^AWS4-HMAC-SHA256 (.*)$/;
const AMZ_DATE = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;

type Failed = Extract<SignatureCheck, { ok: false }>;

export async function checkSignature(request: ReceivedForSigning, rules: SignatureRules): Promise<SignatureCheck> {
  const authorization = parseAuthorization(single(request.headers['authorization']));
  if ('code' in authorization) return authorization;
  const { scope, signature } = authorization;
  const checked = checkScopeAndTime(scope, single(request.headers['x-amz-date']), rules);
  if ('code' in checked) return checked;
  const signed = signedHeaderValues(request, scope);
  if (!signed.ok) return signed;
  const expected = await recomputeSignature(request, checked.credential, scope, signed.headers, checked.signedAt);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return fail(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      scope,
    );
  }
  return { ok: true, scope };
}

/** `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=HEX`. */
function parseAuthorization(authorization: string | undefined): { scope: SigningScope; signature: string } | Failed {
  if (authorization === undefined || authorization === '')
    return fail('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const head = AUTHORIZATION.exec(authorization);
  if (!head)
    return fail(
      'IncompleteSignatureException',
      `Authorization header requires the AWS4-HMAC-SHA256 algorithm: ${authorization.split(' ')[0]}`,
    );
  const parts = new Map<string, string>();
  for (const part of head[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((p) => !parts.get(p));
  if (missing.length > 0)
    return fail(
      'IncompleteSignatureException',
      missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' '),
    );
  const credentialParts = parts.get('Credential')!.split('/');
  if (credentialParts.length !== 5 || credentialParts[4] !== 'aws4_request') {
    return fail(
      'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${parts.get('Credential')}'.`,
    );
  }
  const [accessKeyId, date, region, service] = credentialParts as [string, string, string, string, string];
  const signedHeaders = parts.get('SignedHeaders')!.split(';');
  return { scope: { accessKeyId, date, region, service, signedHeaders }, signature: parts.get('Signature')! };
}

/** The request time, the access key, the scope's date, service and region, the clock skew: in the order AWS checks them. */
function checkScopeAndTime(
  scope: SigningScope,
  amzDate: string | undefined,
  rules: SignatureRules,
): { signedAt: number; credential: Credential } | Failed {
  const time = amzDate === undefined ? undefined : AMZ_DATE.exec(amzDate);
  if (!amzDate || !time)
    return fail(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      scope,
    );
  if (!scope.signedHeaders.includes('host') || !scope.signedHeaders.includes('x-amz-date'))
    return fail('InvalidSignatureException', "'Host' and 'X-Amz-Date' must be signed headers.", scope);
  const credential = rules.credentials.find((c) => c.accessKeyId === scope.accessKeyId);
  if (!credential)
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid.', scope);
  if (scope.date !== amzDate.slice(0, 8))
    return fail(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      scope,
    );
  if (scope.service !== rules.service)
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${rules.service}'. `,
      scope,
    );
  if (rules.region !== undefined && scope.region !== rules.region)
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${scope.region}'. `,
      scope,
    );
  const signedAt = Date.UTC(+time[1]!, +time[2]! - 1, +time[3]!, +time[4]!, +time[5]!, +time[6]!);
  const now = rules.now ?? Date.now();
  if (signedAt < now - MAX_CLOCK_SKEW_MS)
    return fail(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${amz(now - MAX_CLOCK_SKEW_MS)} (${amz(now)} - 5 min.)`,
      scope,
    );
  if (signedAt > now + MAX_CLOCK_SKEW_MS)
    return fail(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${amz(now + MAX_CLOCK_SKEW_MS)} (${amz(now)} + 5 min.)`,
      scope,
    );
  return { signedAt, credential };
}

/** The values of the headers the signature covers; each must be there, and a declared payload hash must match the body. */
function signedHeaderValues(
  request: ReceivedForSigning,
  scope: SigningScope,
): { ok: true; headers: Record<string, string> } | Failed {
  const headers: Record<string, string> = {};
  for (const name of scope.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined)
      return fail(
        'InvalidSignatureException',
        `The request signature we calculated does not match the signature you provided: the signed header '${name}' is missing.`,
        scope,
      );
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // The signer takes a payload hash header at its word; AWS checks it against the body.
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(request.body).digest('hex'))
    return fail(
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      scope,
    );
  return { ok: true, headers };
}

/** The signature the request should carry: signed again with the key's secret, over the request as received. */
async function recomputeSignature(
  request: ReceivedForSigning,
  credential: Credential,
  scope: SigningScope,
  headers: Record<string, string>,
  signedAt: number,
): Promise<string> {
  const target = new URL(request.url, 'http://emulator.invalid');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(target.searchParams.keys())) {
    const values = target.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const signer = new SignatureV4({
    credentials: credential,
    region: scope.region,
    service: scope.service,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    applyChecksum: false,
  });
  const recomputed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: 'emulator.invalid',
      path: decodeURIComponent(target.pathname),
      query,
      headers,
      body: request.body,
    }),
    { signingDate: new Date(signedAt), signableHeaders: new Set(scope.signedHeaders) },
  );
  return /Signature=([0-9a-f]{64})/.exec(String(recomputed.headers['authorization']))?.[1] ?? '';
}

function fail(code: SignatureErrorCode, message: string, scope?: SigningScope): Failed {
  return scope ? { ok: false, code, message, scope } : { ok: false, code, message };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** `20261128T173503Z` */
export function amz(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
