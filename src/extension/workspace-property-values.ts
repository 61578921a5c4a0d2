// The values the workspace's input files give each `properties` key, for completions at a value:
// read on the first such completion, never at activation, capped as the ARN scan is (files, and
// their size), and forgotten whenever a file is saved. Values stay in memory only: never logged.
import * as vscode from 'vscode';
import { addPropertyValues, formatOfPath, parseDocument, type PropertyValues } from '../core';
import { findWorkspaceInputs } from './workspace-inputs';

const MAX_FILES = 200;
/** Larger files take long to parse and add little a smaller one would not. */
const MAX_FILE_BYTES = 1024 * 1024;

export interface PropertyValueIndex {
  /** The values of every input file but `except` (the document asking, whose own text is newer). */
  known(except: vscode.Uri): Promise<PropertyValues>;
}

export function createPropertyValueIndex(subscriptions: vscode.Disposable[]): PropertyValueIndex {
  let found: Promise<Map<string, PropertyValues>> | undefined;
  subscriptions.push(vscode.workspace.onDidSaveTextDocument(() => (found = undefined)));
  return {
    async known(except) {
      const byFile = await (found ??= scan());
      const merged: PropertyValues = new Map();
      for (const [uri, values] of byFile) {
        if (uri === except.toString()) continue;
        for (const [key, counts] of values) {
          const into = merged.get(key) ?? new Map<string, number>();
          merged.set(key, into);
          for (const [literal, uses] of counts) into.set(literal, (into.get(literal) ?? 0) + uses);
        }
      }
      return merged;
    },
  };
}

/** Each input file's values, by URI (so the asking document's own can be left out). */
async function scan(): Promise<Map<string, PropertyValues>> {
  const byFile = new Map<string, PropertyValues>();
  for (const uri of await findWorkspaceInputs(MAX_FILES)) {
    try {
      if ((await vscode.workspace.fs.stat(uri)).size > MAX_FILE_BYTES) continue;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const values: PropertyValues = new Map();
      addPropertyValues(parseDocument(text, formatOfPath(uri.path)).root, values);
      byFile.set(uri.toString(), values);
    } catch {
      // an unreadable file offers no values
    }
  }
  return byFile;
}
