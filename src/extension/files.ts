// Files through VS Code's file system API (local, remote and virtual workspaces alike).
import * as vscode from 'vscode';

/** Whether `uri` exists; errors other than "not found" (no permission, ...) are thrown. */
export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return false;
    throw e;
  }
}
