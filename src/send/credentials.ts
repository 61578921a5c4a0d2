// Credentials and region as the AWS CLI finds them are the SDK's business; this module only
// re-reads the shared config and credentials files (the SDK caches them for the life of the
// process: a long-lived editor would otherwise miss a profile added since) and explains, from
// those files, why the SDK's generic "Could not load credentials from any providers" happened.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export type SharedFiles = Awaited<ReturnType<typeof loadSharedConfigFiles>>;

/** Re-reads ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) into the SDK's cache. */
export async function reloadSharedFiles(): Promise<SharedFiles | undefined> {
  try {
    return await loadSharedConfigFiles({ ignoreCache: true });
  } catch {
    return undefined;
  }
}

/** The profile the SDK uses: the option, else AWS_PROFILE, else "default". */
export function profileName(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return profile || env['AWS_PROFILE'] || 'default';
}

/** One sentence on why no credentials were found, when the shared files tell. */
export function explainMissingCredentials(
  files: SharedFiles | undefined,
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const name = profileName(profile, env);
  const named = Boolean(profile || env['AWS_PROFILE']);
  const config = files?.configFile?.[name];
  const credentials = files?.credentialsFile?.[name];
  if (!config && !credentials) {
    if (!named)
      return 'There is no [default] profile in ~/.aws/config or ~/.aws/credentials, and AWS_ACCESS_KEY_ID is not set.';
    return `The profile "${name}" is in neither ~/.aws/config nor ~/.aws/credentials${env['AWS_CONFIG_FILE'] || env['AWS_SHARED_CREDENTIALS_FILE'] ? ' (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE point elsewhere)' : ''}.`;
  }
  const all = { ...config, ...credentials };
  if (all['credential_process'])
    return `The credential_process of profile "${name}" failed or printed no credentials: run it yourself to see why.`;
  if (all['sso_session'] || all['sso_start_url'])
    return `Profile "${name}" uses SSO: run \`aws sso login --profile ${name}\`.`;
  if (all['role_arn'])
    return `Profile "${name}" assumes ${all['role_arn']}: check its source_profile or credential_source.`;
  if (!all['aws_access_key_id'])
    return `Profile "${name}" has no aws_access_key_id, SSO, role or credential_process settings.`;
  return undefined;
}
