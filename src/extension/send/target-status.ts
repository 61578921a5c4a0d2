// Where a send would go, shown before sending: a status-bar item (profile · region) while an
// input is the active editor, and the "PutUsers: Choose AWS Profile" picker it opens. The target
// is read without the AWS SDK (send/target.ts) and read again when it may have changed: a
// setting, the window regaining focus (you ran `aws configure` or `aws sso login` elsewhere).
// The picker is choose-profile.ts.
import * as vscode from 'vscode';
import { COMMAND } from '../command-ids';
import { readSendTarget, type SendTarget } from '../../send/target';
import { REGION_FROM } from './wording';
import type { ActiveInput } from '../active-input';
import { settings, TARGET_SETTINGS } from '../settings';
import type { LocalEmulator } from './local-emulator';

/** A send target; `localEmulator` when sends go to it (its URL is the endpoint; its keys sign). */
export type ShownTarget = SendTarget & { localEmulator?: true };

export interface TargetStatus {
  /** The last target read (undefined until the first read has finished). */
  readonly last: ShownTarget | undefined;
  /** Reads the target again (settings, environment, shared files). */
  refresh(): Promise<ShownTarget>;
  readonly onDidChange: vscode.Event<ShownTarget>;
}

export function createTargetStatus(
  subscriptions: vscode.Disposable[],
  activeInput: ActiveInput,
  localEmulator: LocalEmulator,
): TargetStatus {
  const item = vscode.window.createStatusBarItem('putUsers.target', vscode.StatusBarAlignment.Right, 100);
  item.name = 'PutUsers: AWS Profile and Region';
  item.command = COMMAND.chooseProfile;
  const changed = new vscode.EventEmitter<ShownTarget>();
  let last: ShownTarget | undefined;
  // Every refresh reads anew (a read begun before a setting changed would be stale); the read
  // begun last is the one shown, whichever finishes first.
  let reads = 0;
  const refresh = async (): Promise<ShownTarget> => {
    const read = ++reads;
    const fromSettings = await readSendTarget(settings.target());
    const url = localEmulator.url;
    const target: ShownTarget = url ? { ...fromSettings, endpoint: url, localEmulator: true } : fromSettings;
    if (read === reads) {
      last = target;
      render();
      changed.fire(target);
    }
    return target;
  };

  const render = () => {
    if (!activeInput.document || !vscode.workspace.isTrusted || !last) {
      item.hide();
      return;
    }
    const local = last.localEmulator === true;
    const warn = !local && (last.profileMissing || !last.region);
    item.text = local
      ? '$(beaker) local emulator'
      : `${last.profileMissing ? '$(warning)' : '$(cloud-upload)'} ${senderName(last)} · ${last.region ?? 'no region'}`;
    item.tooltip = describeTarget(last);
    item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  subscriptions.push(
    item,
    changed,
    activeInput.onDidChange((document) => (document ? void refresh() : render())),
    localEmulator.onDidChange(() => void refresh()),
    vscode.workspace.onDidChangeConfiguration(
      (e) => TARGET_SETTINGS.some((s) => e.affectsConfiguration(s)) && void refresh(),
    ),
    vscode.window.onDidChangeWindowState((state) => state.focused && activeInput.document && void refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refresh()),
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

/** `profile · region`, and for the tooltip where each came from, the credentials included. */
export function describeTarget(target: ShownTarget): vscode.MarkdownString {
  if (target.localEmulator)
    return new vscode.MarkdownString(
      `**PutUsers sends to the local emulator at \`${target.endpoint}\`**, with its own keys: nothing reaches AWS. ` +
        'Run **PutUsers: Stop Local Emulator** to send with your AWS profile again.',
    );
  const from = {
    setting: 'the `putUsers.profile` setting',
    AWS_PROFILE: 'the `AWS_PROFILE` environment variable',
    default: 'the default: no `putUsers.profile`, no `AWS_PROFILE`',
  }[target.profileFrom];
  const who =
    target.credentials.kind === 'environment'
      ? '**PutUsers sends with the keys in `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`** (no profile is named: no `putUsers.profile`, no `AWS_PROFILE`).'
      : target.profileMissing
        ? `**PutUsers would send as profile \`${target.profile}\`** (from ${from}), but there is no such profile in the AWS config or credentials file.`
        : `**PutUsers sends as profile \`${target.profile}\`** (from ${from}), with ${credentialWords(target)}.`;
  const lines = [
    who,
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

/** Who sends, in the status bar and the CodeLens: the profile, or the environment's keys. */
export function senderName(target: ShownTarget): string {
  if (target.localEmulator) return 'local emulator';
  return target.credentials.kind === 'environment' ? 'environment keys' : target.profile;
}

function credentialWords({ credentials, profile }: SendTarget): string {
  switch (credentials.kind) {
    case 'sso':
      return `its SSO session (\`aws sso login --profile ${profile}\` when it has expired)`;
    case 'role':
      return `a role it assumes${credentials.via ? ` (credentials from \`${credentials.via}\`)` : ''}`;
    case 'keys':
      return `its access keys in the AWS ${credentials.file} file`;
    case 'web-identity':
      return 'its web identity token file';
    case 'process':
      return 'the credentials its `credential_process` prints';
    case 'environment':
    case 'none':
      return 'no credentials of its own or in the environment: outside AWS (no container or instance metadata) sending will fail';
  }
}
