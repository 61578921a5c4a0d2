// "PutUsers: Copy as AWS CLI Command": the open input as an `aws personalize-events put-users`
// command on the clipboard, in one of two forms (the file read with --cli-input-json|yaml
// file://PATH, or self-contained with --dataset-arn and --users: shorthand where the values allow
// it, JSON otherwise), quoted for bash/zsh, PowerShell or cmd.exe. The words and quoting are the
// core's (core/aws-command/), checked against the real CLI there.
import * as vscode from 'vscode';
import { NotExpressibleError, readRequest, type Shell, toCliCommand } from '../../core';
import type { Ctx } from '../context';
import { formatOf, isPutUsersDocument } from '../documents';
import { sayInvalid } from '../refusals';
import { settings } from '../settings';

export interface CopyCommandOptions {
  /** Without asking: the file form unless `inline`, for `shell` (default: putUsers.cliShell). */
  inline?: boolean;
  shell?: Shell;
}

const SHELL_NAMES: Record<Shell, string> = { bash: 'bash/zsh', powershell: 'PowerShell', cmd: 'cmd.exe' };

/** The command copied, or undefined when none was (no input, errors, declined). */
export async function copyAsCliCommand(
  ctx: Ctx,
  resource?: unknown,
  options?: CopyCommandOptions,
): Promise<string | undefined> {
  const document =
    resource instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(resource)
      : vscode.window.activeTextEditor?.document;
  if (!document || !isPutUsersDocument(document)) {
    void vscode.window.showErrorMessage('PutUsers: open a PutUsers input file to copy it as an AWS CLI command.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(document.uri);
  const format = formatOf(document);
  const { text, parsed } = ctx.documents.asRead(document);
  const { request, findings } = readRequest(text, format, parsed);
  const errors = findings.filter((f) => f.severity === 'error');
  if (!request || errors.length > 0) {
    sayInvalid(name, errors, 'the AWS CLI or the service would reject it, so no command was copied');
    return undefined;
  }
  const path = pathForCommand(document);
  const choice = options
    ? { inline: options.inline === true, shell: options.shell ?? settings.cliShell() }
    : await pick(path, format);
  if (!choice) return undefined;
  if (!choice.inline && !path) {
    // Asked for without the pick (which offers only the self-contained form here).
    void vscode.window.showErrorMessage(
      `PutUsers: ${name} is not a file on disk that --cli-input-${format} file:// could read: copy the self-contained command instead.`,
    );
    return undefined;
  }
  if (!choice.inline && document.isDirty && !(await savedFirst(document, name))) return undefined;

  let command: string;
  try {
    command = toCliCommand({ path: path ?? '', format, request }, { shell: choice.shell, inline: choice.inline });
  } catch (e) {
    if (!(e instanceof NotExpressibleError)) throw e;
    void vscode.window.showErrorMessage(
      `PutUsers: no ${SHELL_NAMES[choice.shell]} command can carry ${name}: ${e.message}.`,
    );
    return undefined;
  }
  await vscode.env.clipboard.writeText(command);
  void vscode.window.showInformationMessage(
    choice.inline
      ? `PutUsers: copied the ${SHELL_NAMES[choice.shell]} command with the ${request.users.length === 1 ? 'user' : `${request.users.length} users`} of ${name} in it.`
      : `PutUsers: copied the ${SHELL_NAMES[choice.shell]} command that reads ${name}${vscode.workspace.getWorkspaceFolder(document.uri) ? ' (run it in the workspace folder)' : ''}.`,
  );
  return command;
}

/**
 * The path the file form names: relative to the workspace folder (commands are run from a
 * repository's root), else absolute; undefined for an unsaved editor, which has no file to read.
 */
function pathForCommand(document: vscode.TextDocument): string | undefined {
  if (document.isUntitled || document.uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return folder ? vscode.workspace.asRelativePath(document.uri, false) : document.uri.fsPath;
}

interface Choice {
  inline: boolean;
  shell: Shell;
}

/** Which form, for which shell: the setting's shell first. */
async function pick(path: string | undefined, format: 'json' | 'yaml'): Promise<Choice | undefined> {
  const preferred = settings.cliShell();
  const shells = [preferred, ...(['bash', 'powershell', 'cmd'] as const).filter((s) => s !== preferred)];
  type Item = vscode.QuickPickItem & { choice?: Choice };
  const items: Item[] = shells.flatMap((shell): Item[] => [
    { label: SHELL_NAMES[shell], kind: vscode.QuickPickItemKind.Separator },
    ...(path
      ? [
          {
            label: `$(file) --cli-input-${format} file://${path}`,
            description: 'reads the file as saved',
            choice: { inline: false, shell },
          },
        ]
      : []),
    {
      label: '$(terminal) --dataset-arn … --users …',
      description: 'self-contained: the users in the command',
      choice: { inline: true, shell },
    },
  ]);
  const picked = await vscode.window.showQuickPick(items, {
    title: 'PutUsers: Copy as AWS CLI Command',
    placeHolder: `Which command (the shell is set by putUsers.cliShell: ${SHELL_NAMES[preferred]})`,
  });
  return picked?.choice;
}

/** The file form reads the file on disk: unsaved changes would not be in it. */
async function savedFirst(document: vscode.TextDocument, name: string): Promise<boolean> {
  const save = 'Save and Copy';
  const choice = await vscode.window.showWarningMessage(
    `PutUsers: ${name} has unsaved changes, and the command reads the file as saved.`,
    { modal: true },
    save,
  );
  return choice === save && (await document.save());
}
