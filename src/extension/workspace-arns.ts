// Dataset ARNs already used in the workspace's input files: found on the first ARN completion,
// never at activation, and capped so a large workspace stays quick.
import * as vscode from 'vscode';
import { findWorkspaceInputs } from './workspace-inputs';

const ARN = /arn:[a-z\d-]+:personalize:[a-z\d-]*:\d*:dataset\/[^"'\s/]+\/USERS/g;
const MAX_FILES = 200;

export interface DatasetArnIndex {
  /** The ARNs found, sorted; the scan runs on the first call after a save. */
  known(): Promise<string[]>;
}

/** Forgets what it found whenever a file is saved (the files changed). */
export function createDatasetArnIndex(subscriptions: vscode.Disposable[]): DatasetArnIndex {
  let found: Promise<string[]> | undefined;
  subscriptions.push(vscode.workspace.onDidSaveTextDocument(() => (found = undefined)));
  return { known: () => (found ??= scan()) };
}

async function scan(): Promise<string[]> {
  const arns = new Set<string>();
  for (const uri of await findWorkspaceInputs(MAX_FILES)) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      for (const m of text.matchAll(ARN)) arns.add(m[0]);
    } catch {
      // unreadable files offer no ARN
    }
  }
  for (const doc of vscode.workspace.textDocuments) for (const m of doc.getText().matchAll(ARN)) arns.add(m[0]);
  return [...arns].sort();
}
