// Where requests go (profile, region, endpoint), resolved as the AWS CLI resolves them, without
// the AWS SDK: the extension shows it in the status bar and in a CodeLens long before anything
// is sent, and must not load the SDK for that. The client (client.ts) uses the same region rule.
//
//   profile: the setting / --profile, else AWS_PROFILE, else "default"
//   region:  the setting / --region, else AWS_REGION, else AWS_DEFAULT_REGION (the CLI reads it,
//            the SDK does not), else the profile's `region` in ~/.aws/config
import type { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { regionOfArn } from '../core';
import { profileName, reloadSharedFiles } from './credentials';

type SharedFiles = Awaited<ReturnType<typeof loadSharedConfigFiles>>;

export interface TargetSettings {
  profile?: string;
  region?: string;
  endpoint?: string;
}

export interface SendTarget {
  profile: string;
  profileFrom: 'setting' | 'AWS_PROFILE' | 'default';
  region?: string;
  regionFrom?: 'setting' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile';
  endpoint?: string;
  /** Every profile of ~/.aws/config and ~/.aws/credentials (or the files AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name), "default" first. */
  profiles: string[];
  /** The chosen profile is in neither file (and is not "default" standing for environment credentials). */
  profileMissing: boolean;
  /** Where the SDK will find the credentials (read from names and settings only: no secret is read). */
  credentials: CredentialSource;
}

/**
 * Where the credentials come from, in the order the SDK's default chain tries them: the
 * environment's keys (only when no profile is named: a named profile skips them), then the
 * profile's SSO session, assumed role, keys, web identity or credential_process; `none` when
 * neither has any (the SDK then asks the container and instance metadata).
 */
export type CredentialSource =
  | { kind: 'environment' }
  | { kind: 'sso' }
  | { kind: 'role'; via?: string }
  | { kind: 'keys'; file: 'credentials' | 'config' }
  | { kind: 'web-identity' }
  | { kind: 'process' }
  | { kind: 'none' };

export function credentialSource(
  named: string | undefined,
  profile: string,
  env: NodeJS.ProcessEnv,
  files: SharedFiles | undefined,
): CredentialSource {
  if (!named && env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY']) return { kind: 'environment' };
  const config = files?.configFile?.[profile] ?? {};
  const credentials = files?.credentialsFile?.[profile] ?? {};
  const has = (key: string) => config[key] !== undefined || credentials[key] !== undefined;
  if (has('sso_session') || has('sso_start_url')) return { kind: 'sso' };
  if (has('role_arn')) {
    const via = credentials['source_profile'] ?? config['source_profile'] ?? config['credential_source'];
    return via ? { kind: 'role', via } : { kind: 'role' };
  }
  if (credentials['aws_access_key_id'] !== undefined) return { kind: 'keys', file: 'credentials' };
  if (config['aws_access_key_id'] !== undefined) return { kind: 'keys', file: 'config' };
  if (has('web_identity_token_file')) return { kind: 'web-identity' };
  if (has('credential_process')) return { kind: 'process' };
  return { kind: 'none' };
}

export function regionFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): { region: string; from: 'AWS_REGION' | 'AWS_DEFAULT_REGION' } | undefined {
  if (env['AWS_REGION']) return { region: env['AWS_REGION'], from: 'AWS_REGION' };
  if (env['AWS_DEFAULT_REGION']) return { region: env['AWS_DEFAULT_REGION'], from: 'AWS_DEFAULT_REGION' };
  return undefined;
}

/** Profile names of the shared files ([sso-session x] and [services x] sections are not profiles). */
export function profileNames(files: SharedFiles | undefined): string[] {
  const names = new Set<string>();
  for (const section of [files?.configFile, files?.credentialsFile]) {
    for (const key of Object.keys(section ?? {})) if (!/^(?:sso-session|services)\./.test(key)) names.add(key);
  }
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** Resolves the target from settings, the environment and the shared files (given, or re-read). */
export async function readSendTarget(
  settings: TargetSettings,
  env: NodeJS.ProcessEnv = process.env,
  files?: SharedFiles,
): Promise<SendTarget> {
  const shared = files ?? (await reloadSharedFiles());
  const profile = profileName(settings.profile, env);
  const profileFrom = settings.profile ? 'setting' : env['AWS_PROFILE'] ? 'AWS_PROFILE' : 'default';
  const profiles = profileNames(shared);
  const target: SendTarget = {
    profile,
    profileFrom,
    profiles,
    profileMissing: !profiles.includes(profile) && profileFrom !== 'default',
    credentials: credentialSource(settings.profile || env['AWS_PROFILE'], profile, env, shared),
  };
  const fromEnv = regionFromEnvironment(env);
  const fromProfile = shared?.configFile?.[profile]?.['region'];
  if (settings.region) Object.assign(target, { region: settings.region, regionFrom: 'setting' });
  else if (fromEnv) Object.assign(target, { region: fromEnv.region, regionFrom: fromEnv.from });
  else if (fromProfile) Object.assign(target, { region: fromProfile, regionFrom: 'profile' });
  if (settings.endpoint) target.endpoint = settings.endpoint;
  return target;
}

/**
 * The region a dataset ARN names, when requests would be signed for another region: AWS has the
 * dataset only in its own region; a custom endpoint (an emulator, a proxy) has it only if it holds
 * it there, so they are likely to fail either way.
 */
export function regionElsewhere(
  datasetArn: string,
  target: Pick<SendTarget, 'region' | 'endpoint'>,
): string | undefined {
  const arnRegion = regionOfArn(datasetArn);
  return arnRegion && target.region && arnRegion !== target.region ? arnRegion : undefined;
}
