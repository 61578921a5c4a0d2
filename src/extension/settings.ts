// Every setting the extension reads, typed, in one place (the manifest declares them).
import * as vscode from 'vscode';
import { type Shell, SHELLS } from '../core';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../send/batches';
import { DEFAULT_REQUESTS_PER_SECOND, isRequestRate } from '../send/pacing';
import type { TargetSettings } from '../send/target';

export const SECTION = 'putUsers';

/**
 * The settings as they apply to `scope`: a resource-scoped setting (files, detectByContent,
 * validationDelay, codeLens) can differ per workspace folder, so it is read for the document at
 * hand; window- and application-scoped ones need no scope.
 */
const config = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration(SECTION, scope);

export const settings = {
  /** Globs of files that are PutUsers inputs whatever their content. */
  files(scope: vscode.ConfigurationScope): string[] {
    return config(scope).get<string[]>('files', ['**/*.putusers.json', '**/*.putusers.yaml', '**/*.putusers.yml']);
  },
  /** Also treat JSON/YAML whose top level has `datasetArn` or `users` as inputs. */
  detectByContent(scope: vscode.ConfigurationScope): boolean {
    return config(scope).get<boolean>('detectByContent', true);
  },
  /** Milliseconds between a keystroke and validation (0: at once; a check that runs holds the next). */
  validationDelay(scope: vscode.ConfigurationScope): number {
    return Math.max(0, config(scope).get<number>('validationDelay', 0));
  },
  /** Characters above which a file is checked on demand only (0: no limit); the setting is in MB. */
  maxFileSizeForLiveChecks(scope: vscode.ConfigurationScope): number {
    const mb = config(scope).get<number>('maxFileSizeForLiveChecks', 5);
    return Number.isFinite(mb) && mb > 0 ? mb * 1e6 : Infinity;
  },
  /** Globs of inputs (workspace-relative) → the Users dataset schema file to check them against. */
  datasetSchemas(scope: vscode.ConfigurationScope): Record<string, string> {
    const value = config(scope).get<unknown>('datasetSchemas', {});
    return value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {};
  },
  /** Inputs with no local schema file are checked against their dataset's schema from AWS (trusted workspaces only). */
  datasetSchemaFromAws(scope: vscode.ConfigurationScope): boolean {
    return config(scope).get<boolean>('datasetSchemaFromAws', false);
  },
  /** The shell AWS CLI commands are written for: the setting, else PowerShell on Windows and bash/zsh elsewhere. */
  cliShell(): Shell {
    const chosen = config().get<string>('cliShell', '');
    return (SHELLS as readonly string[]).includes(chosen)
      ? (chosen as Shell)
      : process.platform === 'win32'
        ? 'powershell'
        : 'bash';
  },
  /** Show "Send" CodeLenses on input files. */
  codeLens(scope: vscode.ConfigurationScope): boolean {
    return config(scope).get<boolean>('codeLens', true);
  },
  /** Requests in flight at once while sending, 1 to MAX_CONCURRENCY. */
  concurrency(): number {
    const n = Math.floor(config().get<number>('concurrency', DEFAULT_CONCURRENCY));
    return Number.isFinite(n) ? Math.min(MAX_CONCURRENCY, Math.max(1, n)) : DEFAULT_CONCURRENCY;
  },
  /** PutUsers requests per second at most, per dataset group (the service's quota unless raised). */
  maxRequestsPerSecond(): number {
    const n = config().get<number>('maxRequestsPerSecond', DEFAULT_REQUESTS_PER_SECOND);
    return isRequestRate(n) ? n : DEFAULT_REQUESTS_PER_SECOND;
  },
  /** Profile, region and endpoint to send with; empty strings mean "as the AWS CLI resolves it". */
  target(): TargetSettings {
    const out: TargetSettings = {};
    const profile = config().get<string>('profile', '').trim();
    const region = config().get<string>('region', '').trim();
    // Restricted Mode: VS Code gives the user's value only (restrictedConfigurations in the manifest).
    const endpoint = config().get<string>('endpoint', '').trim();
    if (profile) out.profile = profile;
    if (region) out.region = region;
    if (endpoint) out.endpoint = endpoint;
    return out;
  },
  /** http:// endpoints on other hosts than this machine (application scope: user settings only). */
  allowInsecureEndpoint(): boolean {
    return config().get<boolean>('allowInsecureEndpoint', false);
  },
};

/** Settings whose change means every open document must be classified and validated again. */
export const RECLASSIFY_ON = [`${SECTION}.files`, `${SECTION}.detectByContent`, `${SECTION}.maxFileSizeForLiveChecks`];

/** Settings whose change changes where sending goes (the status bar and CodeLenses show it). */
export const TARGET_SETTINGS = [`${SECTION}.profile`, `${SECTION}.region`, `${SECTION}.endpoint`];

/** Adds the file to `putUsers.files` (workspace settings), so it is an input whatever its content. */
export async function markAsInput(uri: vscode.Uri | undefined): Promise<void> {
  if (!uri) return;
  const relative = vscode.workspace.asRelativePath(uri, false);
  const files = settings.files(uri);
  if (files.includes(relative)) return;
  // The file's own folder's settings (in a multi-root workspace, each folder has its own list).
  const target = vscode.workspace.getWorkspaceFolder(uri)
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.ConfigurationTarget.Global;
  await config(uri).update('files', [...files, relative], target);
}
