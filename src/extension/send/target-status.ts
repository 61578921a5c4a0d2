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

export interface TargetStatus {
  /** The last target read (undefined until the first read has finished). */
  readonly last: SendTarget | undefined;
  /** Reads the target again (settings, environment, shared files). */
  refresh(): Promise<SendTarget>;
  readonly onDidChange: vscode.Event<SendTarget>;
}

export function createTargetStatus(subscriptions: vscode.Disposable[], activeInput: ActiveInput): TargetStatus {
  const item = vscode.window.createStatusBarItem('putUsers.target', vscode.StatusBarAlignment.Right, 100);
  item.name = 'PutUsers: AWS Profile and Region';
  item.command = COMMAND.chooseProfile;
  const changed = new vscode.EventEmitter<SendTarget>();
  let last: SendTarget | undefined;
  // Every refresh reads anew (a read begun before a setting changed would be stale); the read
  // begun last is the one shown, whichever finishes first.
  let reads = 0;
  const refresh = async (): Promise<SendTarget> => {
    const read = ++reads;
    const target = await readSendTarget(settings.target());
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
    item.text = `${last.profileMissing ? '$(warning)' : '$(cloud-upload)'} ${last.profile} · ${last.region ?? 'no region'}`;
    item.tooltip = describeTarget(last);
    item.backgroundColor =
      last.profileMissing || !last.region ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  subscriptions.push(
    item,
    changed,
    activeInput.onDidChange((document) => (document ? void refresh() : render())),
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
