// "PutUsers: Choose AWS Profile": a profile of the AWS shared files into `putUsers.profile`.
import * as vscode from 'vscode';
import type { SendTarget } from '../../send/target';
import { SECTION, settings } from '../settings';
import type { TargetStatus } from './target-status';

/**
 * Picks a profile of the shared files into `putUsers.profile`, where it is set now (workspace or
 * user settings). `profile` (a keybinding's args) skips the picker; "" clears the setting.
 */
export async function chooseProfile(status: TargetStatus, profile?: string): Promise<string | undefined> {
  const target = await status.refresh();
  const chosen = profile ?? (await pickProfile(target));
  if (chosen === undefined) return undefined;
  if (chosen !== '' && !target.profiles.includes(chosen)) {
    void vscode.window.showErrorMessage(
      `PutUsers: there is no profile "${chosen}" in the AWS config or credentials file (profiles: ${target.profiles.join(', ') || 'none'}).`,
    );
    return undefined;
  }
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<string>('profile');
  const scope =
    inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('profile', chosen || undefined, scope);
  await status.refresh();
  return chosen;
}

async function pickProfile(target: SendTarget): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { profile: string };
  const items: Item[] = target.profiles.map((profile) => ({
    label: profile,
    profile,
    ...(profile === target.profile ? { description: 'current' } : {}),
  }));
  if (settings.target().profile)
    items.push({
      label: '$(discard) Clear putUsers.profile',
      description: 'use AWS_PROFILE or "default", as the AWS CLI does',
      profile: '',
    });
  if (target.profiles.length === 0) {
    void vscode.window.showWarningMessage(
      'PutUsers: there are no profiles in ~/.aws/config or ~/.aws/credentials (or the files AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name). Run `aws configure` or `aws configure sso` to add one.',
    );
    if (items.length === 0) return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'PutUsers: Choose AWS Profile',
    placeHolder: `Profile to send with (now: ${target.profile})`,
  });
  return picked?.profile;
}
