// Dataset ARNs already used in the workspace's input files: found on the first ARN completion,
// never at activation, and capped so a large workspace stays quick.
import * as vscode from 'vscode';
import { settings } from './settings';

const ARN = /arn:[a-z\d-]+:personalize:[a-z\d-]*:\d*:dataset\/[^"'\s/]+\/USERS/g;
const MAX_FILES = 200;
let found: Promise<string[]> | undefined;

export function knownDatasetArns(): Promise<string[]> {
  found ??= scan();
  return found;
}

/** Forget what was found (the files changed). */
export function forgetDatasetArns(): void {
  found = undefined;
}

async function scan(): Promise<string[]> {
  const arns = new Set<string>();
  const pattern = `{${settings.files().join(',')}}`;
  for (const uri of await vscode.workspace.findFiles(pattern, '**/node_modules/**', MAX_FILES)) {
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
