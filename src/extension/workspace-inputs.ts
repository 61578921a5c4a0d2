// The workspace's input files, for the scans completions draw on (dataset ARNs, property values):
// each folder's own putUsers.files (a multi-root workspace can set them per folder), outside
// node_modules, capped so that a large workspace stays quick.
import * as vscode from 'vscode';
import { settings } from './settings';

export async function findWorkspaceInputs(max: number): Promise<vscode.Uri[]> {
  const found = await Promise.all(
    (vscode.workspace.workspaceFolders ?? []).map((folder) =>
      vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, `{${settings.files(folder.uri).join(',')}}`),
        '**/node_modules/**',
        max,
      ),
    ),
  );
  return found.flat().slice(0, max);
}
