// Whether the active editor holds a PutUsers input: the `putUsers.activeEditorIsInput` context
// key (the editor-title Send button's `when`) and an event for the status bar. Classification
// is the cheap one of documents.ts (a glob, or a regex over the first 200 lines): no parse.
import * as vscode from 'vscode';
import { CONTEXT_KEY } from './command-ids';
import { isPutUsersDocument } from './documents';
import { RECLASSIFY_ON } from './settings';

export interface ActiveInput {
  /** The active editor's document when it is an input. */
  readonly document: vscode.TextDocument | undefined;
  /** The input that was active last and is still open (the walkthrough's Send, with its page active). */
  readonly recent: vscode.TextDocument | undefined;
  readonly onDidChange: vscode.Event<vscode.TextDocument | undefined>;
}

export function trackActiveInput(subscriptions: vscode.Disposable[]): ActiveInput {
  const changed = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  let current: vscode.TextDocument | undefined;
  let recent: vscode.TextDocument | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const next = document && isPutUsersDocument(document) ? document : undefined;
    if (next === current) return;
    current = next;
    recent = next ?? recent;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.activeEditorIsInput, next !== undefined);
    changed.fire(next);
  };
  subscriptions.push(
    changed,
    vscode.window.onDidChangeActiveTextEditor(update),
    // Content detection can change while typing (a new file becomes an input).
    vscode.workspace.onDidChangeTextDocument(
      (e) => e.document === vscode.window.activeTextEditor?.document && update(),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => RECLASSIFY_ON.some((s) => e.affectsConfiguration(s)) && update()),
  );
  update();
  return {
    get document() {
      return current;
    },
    get recent() {
      return recent?.isClosed ? undefined : recent;
    },
    onDidChange: changed.event,
  };
}
