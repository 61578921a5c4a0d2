// "PutUsers: Paste AWS CLI Command as Input File": an `aws personalize-events put-users` command
// line from the clipboard → a new JSON or YAML input file that sends the same request, as the
// core reads the command (core/aws-command/, held to the real CLI's bodies). A command the CLI
// would reject opens as text with the reason on the place it concerns, in the CLI's words where
// the CLI has some. `file://` paths resolve against the workspace folder.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectShell, type Format, readPutUsersCommand, type ShellDialect, writeInput } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { settings } from '../settings';

export interface PasteCommandOptions {
  /** The command line (default: the clipboard's text). */
  text?: string;
  /** Without asking (default: a pick, JSON first). */
  format?: Format;
  shell?: ShellDialect;
}

const LANGUAGE_OF_SHELL: Record<ShellDialect, string> = { bash: 'shellscript', powershell: 'powershell', cmd: 'bat' };

/** The new input file's URI, or undefined when none was made. `problems`: where a command's problem is shown. */
export async function pasteCliCommand(
  problems: vscode.DiagnosticCollection,
  options: PasteCommandOptions = {},
): Promise<vscode.Uri | undefined> {
  const text = (options.text ?? (await vscode.env.clipboard.readText())).trim();
  if (!/\bput-users\b/.test(text)) {
    void vscode.window.showErrorMessage(
      'PutUsers: the clipboard holds no `aws personalize-events put-users` command. Copy one, then paste it again.',
    );
    return undefined;
  }
  const cwd = folderForPaths();
  // A command that shows no shell of its own (no continuation) is read as the user's shell writes it.
  const shell = options.shell ?? detectShell(text) ?? settings.cliShell();
  const reading = readPutUsersCommand(text, {
    shell,
    readFile: (p) => {
      if (!cwd && !path.isAbsolute(p)) throw new Error(`no workspace folder to find ${p} in`);
      return readFileSync(path.isAbsolute(p) ? p : path.resolve(cwd!, p));
    },
    ...(cwd ? { cwdEntries: entriesOf(cwd) } : {}),
  });
  if (reading.problem) {
    await showProblem(problems, text, reading.problem, shell);
    return undefined;
  }
  const format = options.format ?? (await pickFormat());
  if (!format) return undefined;
  const document = await vscode.workspace.openTextDocument({
    language: format === 'yaml' ? 'yaml' : 'json',
    content: writeInput(reading.request, format),
  });
  await vscode.window.showTextDocument(document, { preview: false });
  return document.uri;
}

/** Where a pasted command's relative file:// paths are read from: the active file's workspace folder, else the first. */
function folderForPaths(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

function entriesOf(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

async function pickFormat(): Promise<Format | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'for --cli-input-json', format: 'json' as const },
      { label: 'YAML', description: 'for --cli-input-yaml', format: 'yaml' as const },
    ],
    { title: 'PutUsers: Paste AWS CLI Command as Input File', placeHolder: 'Which kind of input file' },
  );
  return picked?.format;
}

/** The command, opened as text, with the problem where it is, and a message that says it. */
async function showProblem(
  problems: vscode.DiagnosticCollection,
  text: string,
  problem: { start: number; end: number; message: string; awsCli?: string },
  shell: ShellDialect,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument({
    language: LANGUAGE_OF_SHELL[shell],
    content: text,
  });
  const why = problem.awsCli ?? problem.message;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(document.positionAt(problem.start), document.positionAt(Math.max(problem.end, problem.start))),
    why,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  problems.set(document.uri, [diagnostic]);
  await vscode.window.showTextDocument(document, { selection: diagnostic.range, preview: false });
  void vscode.window.showErrorMessage(
    problem.awsCli === undefined
      ? `PutUsers: cannot read this command: ${problem.message}`
      : `PutUsers: the AWS CLI would reject this command: ${why}`,
  );
}
