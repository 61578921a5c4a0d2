// "PutUsers: Send Folder": every input file of a folder (`*.putusers.json|yaml|yml`, what Import
// Users from CSV and `putusers import` write; the users-not-in files of earlier sends left out and
// named), in name order, as one send, as `putusers send DIR` does: each file is checked first (an
// error, or another dataset, sends nothing), users are numbered across the files, one report, and
// the users not in go beside the folder (not in it).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Finding, plural, type PutUsersRequest, readRequestToSend } from '../../core';
import { folderInputs } from '../../send/failed-file';
import type { Ctx } from '../context';
import { refusedUntrusted, sayInvalid } from '../refusals';
import type { UserPlace } from '../read-only-documents';
import { formatOf } from '../documents';
import {
  agreesToSend,
  finishSend,
  placesOfUsers,
  sendRequest,
  type SendFileOptions,
  type SendFileResult,
} from './send-file';

export async function sendFolder(ctx: Ctx, resource: unknown, options: SendFileOptions = {}): Promise<SendFileResult> {
  if (refusedUntrusted()) return { status: 'untrusted' };
  const folder = resource instanceof vscode.Uri ? resource : await pickFolder();
  if (!folder) return { status: 'no-document' };
  const name = vscode.workspace.asRelativePath(folder);
  const { documents, skipped } = await inputsOf(folder);
  const note = skipped.length
    ? `Left out: ${plural(skipped.length, 'users-not-in file')} of earlier sends (send each on its own): ${skipped.join(', ')}.`
    : undefined;
  if (documents.length === 0) {
    void vscode.window.showErrorMessage(
      `PutUsers: ${name} holds no input files (*.putusers.json, .yaml or .yml).${note ? ` ${note}` : ''}`,
    );
    return { status: 'no-document' };
  }
  // Claimed before the first await that follows, so that no file of the folder is sent twice at once.
  const claimed: vscode.TextDocument[] = [];
  const controller = new AbortController();
  for (const document of documents) {
    const own = ctx.sends.claim(document);
    if (!own) {
      claimed.forEach((d) => ctx.sends.release(d));
      void vscode.window.showWarningMessage(
        `PutUsers: ${vscode.workspace.asRelativePath(document.uri)} is being sent already. Wait for it, or cancel it first.`,
      );
      return { status: 'busy' };
    }
    own.signal.addEventListener('abort', () => controller.abort());
    claimed.push(document);
  }
  try {
    return await readAndSend(ctx, { folder, name, documents, note }, controller, options);
  } finally {
    claimed.forEach((d) => ctx.sends.release(d));
  }
}

async function readAndSend(
  ctx: Ctx,
  {
    folder,
    name,
    documents,
    note,
  }: { folder: vscode.Uri; name: string; documents: vscode.TextDocument[]; note?: string },
  controller: AbortController,
  options: SendFileOptions,
): Promise<SendFileResult> {
  const requests: PutUsersRequest[] = [];
  const warnings: Finding[] = [];
  // Where each user starts, numbered across the files as the report numbers them.
  const userPlaces: (UserPlace | undefined)[] = [];
  for (const document of documents) {
    const { text, parsed } = ctx.documents.asRead(document);
    const read = readRequestToSend(text, formatOf(document), parsed);
    if (!read.request) {
      sayInvalid(vscode.workspace.asRelativePath(document.uri), read.errors);
      return { status: 'invalid', errors: read.errors.length };
    }
    requests.push(read.request);
    warnings.push(...read.findings);
    const places = placesOfUsers(document, parsed);
    // A file whose users cannot all be placed gets no links: a wrong one would be worse.
    userPlaces.push(
      ...(places.length === read.request.users.length ? places : read.request.users.map(() => undefined)),
    );
  }
  const datasetArn = requests[0]!.datasetArn;
  const other = requests.findIndex((r) => r.datasetArn !== datasetArn);
  if (other >= 0) {
    void vscode.window.showErrorMessage(
      `PutUsers: ${vscode.workspace.asRelativePath(documents[other]!.uri)} is for another dataset than ${vscode.workspace.asRelativePath(documents[0]!.uri)}: a folder is sent to one dataset; nothing was sent.`,
    );
    return { status: 'invalid', errors: 1 };
  }
  const request = { datasetArn, users: requests.flatMap((r) => r.users) };
  if (request.users.length === 0) {
    void vscode.window.showInformationMessage(`PutUsers: ${name} has no users to send.`);
    return { status: 'empty' };
  }
  const what = `${name} (${plural(documents.length, 'file')}, users numbered across them in name order)`;
  if (!options.confirmed && !(await agreesToSend(what, request.users.length, warnings))) return { status: 'declined' };
  const sent = await sendRequest(ctx, name, request, controller, options);
  if (!sent) return { status: 'declined' };
  // Beside the folder, not in it: a second send of the folder would pick the file up.
  const besideFolder = vscode.Uri.joinPath(folder, '..', `${path.basename(folder.path)}.putusers.json`);
  return finishSend(ctx, {
    ...sent,
    name,
    source: folder,
    target: { uri: besideFolder, format: 'json', untitled: false },
    request,
    userPlaces,
    ...(note ? { note } : {}),
  });
}

/**
 * The folder's input files, in name order, as documents (those open in an editor as they are
 * there), and the names of the users-not-in files left out.
 */
async function inputsOf(folder: vscode.Uri): Promise<{ documents: vscode.TextDocument[]; skipped: string[] }> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return { documents: [], skipped: [] };
  }
  const { inputs, skipped } = folderInputs(entries.filter(([, type]) => type === vscode.FileType.File).map(([n]) => n));
  const documents = await Promise.all(
    inputs.map((n) => vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, n))),
  );
  return { documents, skipped };
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: 'Send Folder',
  });
  return picked?.[0];
}
