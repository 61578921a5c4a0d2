// Helpers for the PutUsers suites: our diagnostics only, and text edits applied and read back.
import * as vscode from 'vscode';
import { waitForDiagnostics } from './helpers';

export const ours = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'PutUsers');

/** Waits until PutUsers has published at least `count` diagnostics for `uri`. */
export function waitForOurs(uri: vscode.Uri, count = 1): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ours(ds).length >= count).then(ours);
}

export const rangeText = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Applies the quick fix titled `title` offered for `diagnostic` and returns the document's new text. */
export async function applyFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<string> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const action = actions.find((a) => title.test(a.title));
  if (!action?.edit) throw new Error(`no quick fix ${title} among: ${actions.map((a) => a.title).join(', ')}`);
  await vscode.workspace.applyEdit(action.edit);
  return document.getText();
}
