// What is checked before any request to AWS, by the sender and the schema fetch alike: an http://
// endpoint on another host, a named profile that no shared file has, and, when the SDK finds no
// credentials, why (from the shared files). No secret is read for any of it.
import { explainMissingCredentials, type SharedFiles } from './credentials';
import { checkEndpoint } from './endpoint';
import { describeError, type ErrorContext, type SendFailure } from './errors';
import { profileNames } from './target';

/** An http:// endpoint on another machine, unless allowed: refused before anything is sent. */
export function insecureEndpoint(endpoint: string | undefined, allowInsecure = false): SendFailure | undefined {
  if (endpoint === undefined) return undefined;
  const checked = checkEndpoint(endpoint, allowInsecure);
  return checked.ok
    ? undefined
    : {
        kind: 'insecure-endpoint',
        code: 'InsecureEndpoint',
        message: checked.message,
        fatal: true,
        remedy: { kind: 'allow-insecure-endpoint' },
      };
}

/**
 * A profile named (option or AWS_PROFILE) but in neither shared file: say so, as the AWS CLI does
 * ("The config profile (x) could not be found"), before the SDK fails on its region instead.
 */
export function missingProfile(
  options: { profile?: string; credentials?: unknown },
  sharedFiles: SharedFiles | undefined,
): SendFailure | undefined {
  const named = options.profile || process.env['AWS_PROFILE'];
  if (!named || options.credentials || !sharedFiles || profileNames(sharedFiles).includes(named)) return undefined;
  return {
    kind: 'no-credentials',
    code: 'ProfileNotFound',
    fatal: true,
    message: `No such AWS profile: ${explainMissingCredentials(sharedFiles, named)}`,
    remedy: { kind: 'choose-profile' },
  };
}

/** describeError, with why the shared files gave no credentials when that is the failure. */
export function explainedFailure(
  error: unknown,
  context: ErrorContext,
  sharedFiles: SharedFiles | undefined,
  profile: string | undefined,
): SendFailure {
  const failure = describeError(error, context);
  if (failure.kind === 'no-credentials') {
    const why = explainMissingCredentials(sharedFiles, profile);
    if (why) failure.message += ` ${why}`;
  }
  return failure;
}
