// The SDK client, configured as the AWS CLI resolves things: an explicit profile, region and
// endpoint when given, else the SDK's standard chains (environment, AWS_PROFILE, the shared
// config and credentials files, SSO, credential_process, ...). Retries are the SDK's standard
// strategy (which errors are retryable, max attempts, the retry-token bucket, its backoff
// formula and constants); we only do the waiting between attempts ourselves, so that a Cancel
// stops the retries at once (the SDK's own abortSignal would also cut the request in flight,
// and then nobody knows whether the service took its users). With a Pacer (PutUsers), every retry
// waits for its slot too, and throttling is not retried here: the engine tries a throttled request
// again at the pacer's slower pace, for as long as the send goes on (engine.ts).
import { PersonalizeEventsClient, type PersonalizeEventsClientConfig } from '@aws-sdk/client-personalize-events';
import { MAXIMUM_RETRY_DELAY, Retry, StandardRetryStrategy } from '@smithy/core/retry';
import { type Pacer, realClock } from './pacing';
import { regionFromEnvironment } from './target';
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryBackoffStrategy, StandardRetryToken } from '@smithy/types';

export interface ClientOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  /** Explicit credentials; otherwise the SDK's default chain (with `profile` when given). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Attempts per request, the first included (the SDK's standard mode: 3). */
  maxAttempts?: number;
  /** Multiplies the SDK's backoff delays (tests use 0.01: 10 ms instead of 1 s for throttling). */
  retryDelayScale?: number;
  /** Milliseconds to wait for a connection (default 10 s). */
  connectionTimeoutMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

export function createClient(
  options: ClientOptions,
  stopRetrying: AbortSignal,
  pacer?: Pick<Pacer, 'take'>,
): PersonalizeEventsClient {
  return new PersonalizeEventsClient(clientConfig(options, stopRetrying, pacer));
}

/** The configuration of either client (Personalize Events, and Personalize for a dataset's schema). */
export function clientConfig(
  options: ClientOptions,
  stopRetrying: AbortSignal,
  pacer?: Pick<Pacer, 'take'>,
): PersonalizeEventsClientConfig {
  const config: PersonalizeEventsClientConfig = {
    retryStrategy: abortableStandardRetries(
      options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      options.retryDelayScale ?? 1,
      stopRetrying,
      pacer,
    ),
    requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? 10_000 },
  };
  if (options.profile) config.profile = options.profile;
  // The AWS CLI also reads AWS_DEFAULT_REGION, which the SDK ignores (target.ts).
  const region = options.region || regionFromEnvironment()?.region;
  if (region) config.region = region;
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  return config;
}

/**
 * The SDK's StandardRetryStrategy decides whether to retry; the delay is the SDK's backoff
 * (random × min(base × 2^retry, 20 s), base 50 ms or 1 s for throttling, at least a Retry-After
 * hint), scaled, and slept here so that `stop` cuts it short. (The formula is written here because
 * @smithy/core does not export its DefaultRetryBackoffStrategy.) With a `pacer`, throttling is
 * left to the caller and every retry also waits for the pacer's next slot.
 */
export function abortableStandardRetries(
  maxAttempts: number,
  scale: number,
  stop: AbortSignal,
  pacer?: Pick<Pacer, 'take'>,
): RetryStrategyV2 {
  const noWait: StandardRetryBackoffStrategy = { computeNextBackoffDelay: () => 0, setDelayBase: () => {} };
  const standard = new StandardRetryStrategy({ maxAttempts, backoff: noWait });
  return {
    acquireInitialRetryToken: (scope: string) => standard.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: async (token: StandardRetryToken, info: RetryErrorInfo) => {
      if (stop.aborted) throw new Error('cancelled: no more retries');
      if (pacer && info.errorType === 'THROTTLING') throw new Error('throttled: the caller paces the next attempt');
      const retryCount = token.getRetryCount();
      // Without the hint: the strategy would sleep it itself (unscaled, and deaf to `stop`).
      const next = await standard.refreshRetryTokenForRetry(token, { ...info, retryAfterHint: undefined });
      const base = info.errorType === 'THROTTLING' ? Retry.throttlingDelay() : Retry.delay();
      let delay = Math.floor(Math.random() * Math.min(base * 2 ** retryCount, MAXIMUM_RETRY_DELAY));
      if (info.retryAfterHint instanceof Date)
        delay = Math.max(delay, Math.min(info.retryAfterHint.getTime() - Date.now(), delay + 5_000));
      await realClock.sleep(delay * scale, stop);
      if (stop.aborted || (pacer && !(await pacer.take(stop)))) throw new Error('cancelled: no more retries');
      return next;
    },
    recordSuccess: (token: StandardRetryToken) => standard.recordSuccess(token),
  };
}
