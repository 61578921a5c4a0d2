// "PutUsers: Paste AWS CLI Command as Input File": an `aws personalize-events put-users` command
// line from the clipboard → a new JSON or YAML input file that sends the same request, as the
// core reads the command (core/aws-command/, held to the real CLI's bodies). A command the CLI
// would reject opens as text with the reason on the place it concerns, in the CLI's words where
// the CLI has some; the user mends it there: the reason is read again at each edit (gone once
// the command reads), and a CodeLens makes the input file from the command as it now is.
// `file://` paths resolve against the workspace folder.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectShell, type Format, readPutUsersCommand, type ShellDialect, writeInput } from '../../core';
import { COMMAND } from '../command-ids';
import { DIAGNOSTIC_SOURCE } from '../finding-diagnostic';
import { settings } from '../settings';

export interface PasteCommandOptions {
  /** The command line (default: the clipboard's text). */
  text?: string;
  /** A pasted command's editor to read the command from (its CodeLens). */
  document?: vscode.Uri;
  /** Without asking (default: a pick, JSON first). */
  format?: Format;
  shell?: ShellDialect;
}

const LANGUAGE_OF_SHELL: Record<ShellDialect, string> = { bash: 'shellscript', powershell: 'powershell', cmd: 'bat' };

/** How a pasted command was read: again so at each edit of its editor. */
interface Reading {
  shell: ShellDialect;
  cwd: string | undefined;
}

/** The editors of pasted commands the CLI would reject, their live problems, and their CodeLens. */
export interface PastedCommands {
  readonly problems: vscode.DiagnosticCollection;
  /** Shows `text` in a new editor, its problem marked and kept up to date as it is edited. */
  open(text: string, reading: Reading): Promise<void>;
  readingOf(uri: vscode.Uri): Reading | undefined;
}

const RECHECK_DELAY_MS = 150;

export function registerPastedCommands(subscriptions: vscode.Disposable[]): PastedCommands {
  const problems = vscode.languages.createDiagnosticCollection('putusers-command');
  const readings = new Map<string, Reading>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lensesChanged = new vscode.EventEmitter<void>();
  const recheck = (document: vscode.TextDocument) => {
    const reading = readings.get(document.uri.toString());
    if (reading) problems.set(document.uri, diagnosticsOf(document, readCommand(document.getText(), reading)));
  };
  const forget = (uri: vscode.Uri) => {
    const key = uri.toString();
    readings.delete(key);
    clearTimeout(timers.get(key));
    timers.delete(key);
    problems.delete(uri);
  };
  subscriptions.push(
    problems,
    lensesChanged,
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (!readings.has(key) || e.contentChanges.length === 0) return;
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => recheck(e.document), RECHECK_DELAY_MS),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((d) => readings.has(d.uri.toString()) && forget(d.uri)),
    vscode.languages.registerCodeLensProvider(
      { scheme: 'untitled' },
      {
        onDidChangeCodeLenses: lensesChanged.event,
        provideCodeLenses: (document) =>
          readings.has(document.uri.toString())
            ? [
                new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
                  title: '$(new-file) Make Input File from This Command',
                  command: COMMAND.pasteCliCommand,
                  arguments: [{ document: document.uri }],
                }),
              ]
            : [],
      },
    ),
  );
  return {
    problems,
    readingOf: (uri) => readings.get(uri.toString()),
    async open(text, reading) {
      const document = await vscode.workspace.openTextDocument({
        language: LANGUAGE_OF_SHELL[reading.shell],
        content: text,
      });
      readings.set(document.uri.toString(), reading);
      lensesChanged.fire();
      recheck(document);
      const [diagnostic] = problems.get(document.uri) ?? [];
      await vscode.window.showTextDocument(document, {
        preview: false,
        ...(diagnostic ? { selection: diagnostic.range } : {}),
      });
    },
  };
}

function readCommand(text: string, { shell, cwd }: Reading) {
  return readPutUsersCommand(text.trim(), {
    shell,
    readFile: (p) => {
      if (!cwd && !path.isAbsolute(p)) throw new Error(`no workspace folder to find ${p} in`);
      return readFileSync(path.isAbsolute(p) ? p : path.resolve(cwd!, p));
    },
    ...(cwd ? { cwdEntries: entriesOf(cwd) } : {}),
  });
}

/** The command's problem, where it is in `document` (whose text may have blanks around the command). */
function diagnosticsOf(document: vscode.TextDocument, reading: ReturnType<typeof readCommand>): vscode.Diagnostic[] {
  const { problem } = reading;
  if (!problem) return [];
  const text = document.getText();
  const offset = text.length - text.trimStart().length;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(
      document.positionAt(offset + problem.start),
      document.positionAt(offset + Math.max(problem.end, problem.start)),
    ),
    problem.awsCli ?? problem.message,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return [diagnostic];
}

/** The new input file's URI, or undefined when none was made. */
export async function pasteCliCommand(
  pastedCommands: PastedCommands,
  options: PasteCommandOptions = {},
): Promise<vscode.Uri | undefined> {
  const source =
    options.document && vscode.workspace.textDocuments.find((d) => d.uri.toString() === options.document!.toString());
  const text = (options.text ?? source?.getText() ?? (await vscode.env.clipboard.readText())).trim();
  if (!/\bput-users\b/.test(text)) {
    void vscode.window.showErrorMessage(
      source
        ? 'PutUsers: this editor holds no `aws personalize-events put-users` command.'
        : 'PutUsers: the clipboard holds no `aws personalize-events put-users` command. Copy one, then paste it again.',
    );
    return undefined;
  }
  const earlier = source && pastedCommands.readingOf(source.uri);
  const cwd = earlier ? earlier.cwd : folderForPaths();
  // A command that shows no shell of its own (no continuation) is read as the user's shell writes it.
  const shell = options.shell ?? detectShell(text) ?? earlier?.shell ?? settings.cliShell();
  const reading = readCommand(text, { shell, cwd });
  if (reading.problem) {
    // Pasted again (from its editor, or the same command from the clipboard): the editor open already.
    if (!source) await pastedCommands.open(text, { shell, cwd });
    const why = reading.problem.awsCli ?? reading.problem.message;
    void vscode.window.showErrorMessage(
      reading.problem.awsCli === undefined
        ? `PutUsers: cannot read this command: ${reading.problem.message}`
        : `PutUsers: the AWS CLI would reject this command: ${why}`,
    );
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
