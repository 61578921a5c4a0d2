// Helpers for the PutUsers suites: our diagnostics only, and text edits applied and read back.
import * as vscode from 'vscode';
import { pollUntil } from '../support/values';
import { waitForDiagnostics } from './helpers';

export const ours = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'PutUsers');

/** Waits until PutUsers has published at least `count` diagnostics for `uri`. */
export function waitForOurs(uri: vscode.Uri, count = 1): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ours(ds).length >= count).then(ours);
}

/**
 * The code action titled `title` at `range`. Polled: the diagnostics the extension host has set
 * reach the workbench's marker service (which gives providers their context) a moment later, and
 * there is no event for that.
 */
export async function codeActionTitled(
  uri: vscode.Uri,
  range: vscode.Range,
  title: RegExp,
  timeoutMs = 5_000,
): Promise<vscode.CodeAction> {
  let actions: vscode.CodeAction[] = [];
  return pollUntil(
    async () => {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
      );
      return actions.find((a) => title.test(a.title));
    },
    timeoutMs,
    () => `no code action ${title} among: ${actions.map((a) => a.title).join(', ')}`,
  );
}

/**
 * Applies the quick fix titled `title` offered for `diagnostic`, waits until the document has been
 * validated again without that diagnostic (so the next wait sees fresh diagnostics, not the old
 * set), and returns the document's new text.
 */
export async function applyFix(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  title: RegExp,
): Promise<string> {
  const action = await codeActionTitled(document.uri, diagnostic.range, title);
  if (!action.edit) throw new Error(`the quick fix ${title} has no edit`);
  await vscode.workspace.applyEdit(action.edit);
  await waitForDiagnostics(
    document.uri,
    (ds) => !ours(ds).some((d) => d.code === diagnostic.code && d.message === diagnostic.message),
  );
  return document.getText();
}
