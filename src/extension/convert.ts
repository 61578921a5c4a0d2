// "PutUsers: Convert JSON ⇄ YAML": the same request in the other input format, in a new editor
// beside the original (which stays as it is), with the offer to save it beside the original
// file under the other extension.
import * as vscode from 'vscode';
import { convertDocument, type Format } from '../core';
import { formatOf } from './documents';
import { uriExists } from './files';

export interface ConvertOptions {
  /** Save beside the original at once, without asking (keybindings, automation). */
  saveBeside?: boolean;
}

export async function convertActiveDocument(
  log: vscode.LogOutputChannel,
  options: ConvertOptions = {},
): Promise<vscode.TextEditor | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const from = formatOf(document);
  const to = from === 'json' ? 'yaml' : 'json';
  const result = convertDocument(document.getText(), from, to);
  if ('error' in result) {
    log.warn(`convert ${document.uri.toString(true)}: ${result.error.message}`);
    void vscode.window.showErrorMessage(
      `PutUsers: cannot convert: ${result.error.message} (line ${result.error.range.start.line + 1}).`,
    );
    return undefined;
  }
  const beside = document.isUntitled ? undefined : besideWithExtension(document.uri, to);
  if (options.saveBeside && beside) return saveBeside(beside, result.text);
  const converted = await vscode.workspace.openTextDocument({ language: to, content: result.text });
  const editor = await vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside });
  if (beside) void offerToSave(converted, beside, result.text);
  return editor;
}

/** `users.putusers.json` → `users.putusers.yaml`, and back (`.yml` becomes `.json`). */
function besideWithExtension(uri: vscode.Uri, to: Format): vscode.Uri {
  const path = /\.(json|jsonc|ya?ml)$/i.test(uri.path) ? uri.path.replace(/\.[^.]+$/, `.${to}`) : `${uri.path}.${to}`;
  return uri.with({ path });
}

async function offerToSave(untitled: vscode.TextDocument, beside: vscode.Uri, text: string): Promise<void> {
  const name = vscode.workspace.asRelativePath(beside);
  const save = `Save as ${beside.path.split('/').pop()}`;
  const choice = await vscode.window.showInformationMessage(
    `PutUsers: converted. Save it beside the original, as ${name}?`,
    save,
  );
  if (choice !== save) return;
  if (!(await saveBeside(beside, text))) return;
  // The copy is saved now: close the unsaved one without the "Save?" it would ask.
  await vscode.window.showTextDocument(untitled);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.window.showTextDocument(beside);
}

/** Writes the converted file beside the original, never over an existing file, and opens it. */
async function saveBeside(beside: vscode.Uri, text: string): Promise<vscode.TextEditor | undefined> {
  if (await uriExists(beside)) {
    void vscode.window.showErrorMessage(
      `PutUsers: ${vscode.workspace.asRelativePath(beside)} exists already: nothing was written.`,
    );
    return undefined;
  }
  await vscode.workspace.fs.writeFile(beside, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(beside, { viewColumn: vscode.ViewColumn.Beside });
}
