// "PutUsers: Convert JSON ⇄ YAML": the same request in the other input format.
import * as vscode from 'vscode';
import { convertDocument } from '../core';
import { formatOf } from './documents';

/** JSON ⇄ YAML, into a new untitled editor: the original stays as it is. */
export async function convertActiveDocument(log: vscode.LogOutputChannel): Promise<vscode.TextEditor | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const from = formatOf(document);
  const to = from === 'json' ? 'yaml' : 'json';
  const result = convertDocument(document.getText(), from, to);
  if ('error' in result) {
    log.warn(`convert ${document.uri.toString(true)}: ${result.error.message}`);
    void vscode.window.showErrorMessage(`${result.error.message} (line ${result.error.range.start.line + 1})`);
    return undefined;
  }
  const converted = await vscode.workspace.openTextDocument({ language: to, content: result.text });
  return vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside });
}
