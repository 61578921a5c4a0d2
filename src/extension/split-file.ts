// Split into Files of at Most 10 Users: the file's users as consecutive valid input files beside it.
import * as vscode from 'vscode';
import { MAX_USERS_PER_REQUEST, readRequest, writeInput } from '../core';
import { formatOf, type InputDocuments } from './documents';
import { uriExists } from './files';

/** Writes `name.part-N.putusers.EXT` beside the file, each a valid request of at most 10 users in file order; never overwrites. */
export async function splitFile(documents: InputDocuments, uri: vscode.Uri): Promise<vscode.Uri[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  const format = formatOf(document);
  const { request } = readRequest(document.getText(), format, documents.parsed(document));
  if (!request) throw new Error('The file has errors the AWS CLI would refuse: fix them before splitting.');
  const max = MAX_USERS_PER_REQUEST;
  const base = uri.path.replace(/(\.putusers)?\.(json|ya?ml)$/i, '');
  const extension = /\.(json|ya?ml)$/i.exec(uri.path)?.[0] ?? '.json';
  const parts: vscode.Uri[] = [];
  for (let part = 0; part * max < request.users.length; part++)
    parts.push(uri.with({ path: `${base}.part-${part + 1}.putusers${extension}` }));
  for (const part of parts) {
    if (await uriExists(part))
      throw new Error(`${vscode.workspace.asRelativePath(part)} exists already: nothing was written.`);
  }
  for (const [index, part] of parts.entries()) {
    const users = request.users.slice(index * max, (index + 1) * max);
    await vscode.workspace.fs.writeFile(
      part,
      new TextEncoder().encode(writeInput({ datasetArn: request.datasetArn, users }, format)),
    );
  }
  return parts;
}

/** The command: splits the file and opens the first part; a file it cannot split gets an error message. */
export async function splitFileAndOpen(
  documents: InputDocuments,
  log: vscode.LogOutputChannel,
  uri: vscode.Uri | undefined,
): Promise<vscode.Uri[]> {
  if (!uri) return [];
  try {
    const parts = await splitFile(documents, uri);
    log.info(`split ${vscode.workspace.asRelativePath(uri)} into ${parts.length} files`);
    await vscode.window.showTextDocument(parts[0]!, { preview: false });
    void saySplit(uri, parts);
    return parts;
  } catch (e) {
    void vscode.window.showErrorMessage(`PutUsers: ${(e as Error).message}`);
    return [];
  }
}

/** What the split did, and the two next steps: open the other parts, or delete the original (undoable). */
async function saySplit(original: vscode.Uri, parts: readonly vscode.Uri[]): Promise<void> {
  const name = vscode.workspace.asRelativePath(original);
  const names = parts.map((p) => vscode.workspace.asRelativePath(p)).join(', ');
  const openAll = 'Open All Parts';
  const remove = 'Delete Original';
  const choice = await vscode.window.showInformationMessage(
    `PutUsers: split ${name} into ${parts.length} files of at most ${MAX_USERS_PER_REQUEST} users each (${names}); the first is open. ${name} is unchanged: send the parts, and delete it when you no longer need it.`,
    openAll,
    remove,
  );
  if (choice === openAll)
    for (const part of parts) await vscode.window.showTextDocument(part, { preview: false, preserveFocus: true });
  if (choice === remove) {
    // A workspace edit, so that Undo brings the file back.
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(original, { ignoreIfNotExists: true });
    if (!(await vscode.workspace.applyEdit(edit)))
      void vscode.window.showErrorMessage(`PutUsers: could not delete ${name}.`);
  }
}
