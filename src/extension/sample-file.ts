// "PutUsers: Create Sample Input File" (the walkthrough's first step): a small input with one
// mistake the AWS CLI refuses (`userID`), for the quick fix that follows. Saved in the first
// workspace folder under a name no file has yet, so Send and the Explorer work on it; an untitled
// editor when no folder is open.
import * as vscode from 'vscode';

export const SAMPLE_NAME = 'sample.putusers.json';

export const SAMPLE_TEXT = `{
  "datasetArn": "arn:aws:personalize:us-east-1:123456789012:dataset/sample/USERS",
  "users": [
    {
      "userId": "user-1",
      "properties": "{\\"membership\\": \\"gold\\", \\"numberOfVideosWatched\\": \\"45\\"}"
    },
    {
      "userID": "user-2",
      "properties": "{\\"membership\\": \\"silver\\"}"
    }
  ]
}
`;

export async function createSampleFile(): Promise<vscode.TextEditor> {
  // From the walkthrough (an editor that is no text editor), beside it, so both stay in sight.
  const fromOtherEditor = !vscode.window.activeTextEditor && vscode.window.tabGroups.activeTabGroup.activeTab;
  const where = { viewColumn: fromOtherEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const untitled = await vscode.workspace.openTextDocument({ language: 'json', content: SAMPLE_TEXT });
    return vscode.window.showTextDocument(untitled, where);
  }
  const uri = await freeName(folder.uri, SAMPLE_NAME);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(SAMPLE_TEXT));
  return vscode.window.showTextDocument(uri, where);
}

/** `name` in `dir`, or `name` with -2, -3, ... before its extensions when taken. */
async function freeName(dir: vscode.Uri, name: string): Promise<vscode.Uri> {
  const dot = name.indexOf('.');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
