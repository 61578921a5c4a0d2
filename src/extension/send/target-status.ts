// Where a send would go, shown before sending: a status-bar item (profile · region) while an
// input is the active editor, and the "PutUsers: Choose AWS Profile" picker it opens. The target
// is read without the AWS SDK (send/target.ts) and read again when it may have changed: a
// setting, the window regaining focus (you ran `aws configure` or `aws sso login` elsewhere).
import * as vscode from 'vscode';
import { COMMAND } from '../command-ids';
import { readSendTarget, type SendTarget } from '../../send/target';
import { REGION_FROM } from './wording';
import type { ActiveInput } from '../active-input';
import { SECTION, settings, TARGET_SETTINGS } from '../settings';

export interface TargetStatus {
  /** The last target read (undefined until the first read has finished). */
  readonly last: SendTarget | undefined;
  /** Reads the target again (settings, environment, shared files). */
  refresh(): Promise<SendTarget>;
  readonly onDidChange: vscode.Event<SendTarget>;
}

export function createTargetStatus(context: vscode.ExtensionContext, activeInput: ActiveInput): TargetStatus {
  const item = vscode.window.createStatusBarItem('putUsers.target', vscode.StatusBarAlignment.Right, 100);
  item.name = 'PutUsers: AWS Profile and Region';
  item.command = COMMAND.chooseProfile;
  const changed = new vscode.EventEmitter<SendTarget>();
  let last: SendTarget | undefined;
  let reading: Promise<SendTarget> | undefined;

  const refresh = (): Promise<SendTarget> =>
    (reading ??= readSendTarget(settings.target())
      .then((target) => {
        last = target;
        render();
        changed.fire(target);
        return target;
      })
      .finally(() => (reading = undefined)));

  const render = () => {
    if (!activeInput.document || !vscode.workspace.isTrusted || !last) {
      item.hide();
      return;
    }
    item.text = `${last.profileMissing ? '$(warning)' : '$(cloud-upload)'} ${last.profile} · ${last.region ?? 'no region'}`;
    item.tooltip = describeTarget(last);
    item.backgroundColor =
      last.profileMissing || !last.region ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  context.subscriptions.push(
    item,
    changed,
    activeInput.onDidChange((document) => (document ? void refresh() : render())),
    vscode.workspace.onDidChangeConfiguration(
      (e) => TARGET_SETTINGS.some((s) => e.affectsConfiguration(s)) && void refresh(),
    ),
    vscode.window.onDidChangeWindowState((state) => state.focused && activeInput.document && void refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refresh()),
    vscode.commands.registerCommand(COMMAND.chooseProfile, (profile?: unknown) =>
      chooseProfile(refresh, typeof profile === 'string' ? profile : undefined),
    ),
  );
  if (activeInput.document) void refresh();
  return {
    get last() {
      return last;
    },
    refresh,
    onDidChange: changed.event,
  };
}

/** `profile · region`, and for the tooltip where each came from. */
export function describeTarget(target: SendTarget): vscode.MarkdownString {
  const from = {
    setting: 'the `putUsers.profile` setting',
    AWS_PROFILE: 'the `AWS_PROFILE` environment variable',
    default: 'the default (no `putUsers.profile`, no `AWS_PROFILE`)',
  }[target.profileFrom];
  const lines = [
    `**PutUsers sends as profile \`${target.profile}\`** (from ${from})${target.profileMissing ? ': no such profile in the AWS config or credentials file' : ''}.`,
    target.region
      ? `Region \`${target.region}\` (from ${REGION_FROM[target.regionFrom!]}).`
      : 'No region: set `putUsers.region`, `AWS_REGION`, or a `region` for this profile.',
    target.endpoint
      ? `Endpoint \`${target.endpoint}\` (the \`putUsers.endpoint\` setting).`
      : "Endpoint: the region's own (`https://personalize-events.REGION.amazonaws.com`).",
    'Click to choose another profile.',
  ];
  return new vscode.MarkdownString(lines.join('\n\n'));
}

/**
 * Picks a profile of the shared files into `putUsers.profile`, where it is set now (workspace or
 * user settings). `profile` (a keybinding's args) skips the picker; "" clears the setting.
 */
async function chooseProfile(refresh: () => Promise<SendTarget>, profile?: string): Promise<string | undefined> {
  const target = await refresh();
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
  await refresh();
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
