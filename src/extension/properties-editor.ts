// "Edit properties as JSON": the decoded `properties` of one user in a real JSON editor beside
// the file (its own JSON validation included); saving writes the escaped string back.
// The editor's document lives in a small file system of ours: putusers-properties:/<user>/<source uri>.json
import * as vscode from 'vscode';
import { locate, member, quoteString, userIndexOf, usersList } from '../core';
import { formatOf, type InputDocuments, OWN_SCHEMES } from './documents';

export const PROPERTIES_SCHEME = OWN_SCHEMES.properties;

export function propertiesUri(source: vscode.Uri, userIndex: number): vscode.Uri {
  return vscode.Uri.from({
    scheme: PROPERTIES_SCHEME,
    path: `/users[${userIndex}].properties.json`,
    query: source.toString(),
  });
}

function parse(uri: vscode.Uri): { source: vscode.Uri; userIndex: number } {
  const m = /^\/users\[(\d+)\]\.properties\.json$/.exec(uri.path);
  if (!m) throw vscode.FileSystemError.FileNotFound(uri);
  return { source: vscode.Uri.parse(uri.query), userIndex: Number(m[1]) };
}

/** The `properties` entry of user `index` in the source document, as parsed now. */
function propertiesEntry(documents: InputDocuments, document: vscode.TextDocument, index: number) {
  const user = usersList(documents.parsed(document).root)?.items[index];
  return user?.type === 'dict' ? { user, entry: member(user, 'properties') } : undefined;
}

export class PropertiesFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly documents: InputDocuments) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { source, userIndex } = parse(uri);
    const document = await vscode.workspace.openTextDocument(source);
    const found = propertiesEntry(this.documents, document, userIndex);
    if (!found) throw vscode.FileSystemError.FileNotFound(uri);
    const value = found.entry?.value;
    let text = '{\n}\n';
    if (value?.type === 'str') {
      try {
        text = JSON.stringify(JSON.parse(value.value), null, 2) + '\n';
      } catch {
        text = value.value; // not JSON yet: show it as it is, for the JSON editor to point at
      }
    }
    return new TextEncoder().encode(text);
  }

  /** Saving: the JSON must be an object; it goes back compact and escaped for the source's format. */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { source, userIndex } = parse(uri);
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(content));
    } catch (e) {
      throw vscode.FileSystemError.NoPermissions(
        `Not saved: the properties are not valid JSON (${(e as Error).message}).`,
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw vscode.FileSystemError.NoPermissions('Not saved: properties must be a JSON object.');
    const document = await vscode.workspace.openTextDocument(source);
    const found = propertiesEntry(this.documents, document, userIndex);
    if (!found) throw vscode.FileSystemError.FileNotFound(source);
    const format = formatOf(document);
    const literal = quoteString(JSON.stringify(value), format);
    const edit = new vscode.WorkspaceEdit();
    const at = (offset: number) => document.positionAt(offset);
    if (found.entry)
      edit.replace(source, new vscode.Range(at(found.entry.value.start), at(found.entry.value.end)), literal);
    else {
      // No properties yet: add the member after the user's last one.
      const last = found.user.entries[found.user.entries.length - 1]!;
      const indent = format === 'yaml' ? '\n' + ' '.repeat(document.positionAt(last.key.start).character) : ', ';
      edit.insert(
        source,
        at(last.value.end),
        format === 'yaml' ? `${indent}properties: ${literal}` : `${indent}"properties": ${literal}`,
      );
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw vscode.FileSystemError.Unavailable(source);
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

/** The command: opens the properties of the user under the cursor beside the file. */
export async function editPropertiesAtCursor(documents: InputDocuments): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const root = documents.parsed(editor.document).root;
  const index = root ? userIndexOf(locate(root, editor.document.offsetAt(editor.selection.active)).steps) : undefined;
  if (index === undefined) {
    void vscode.window.showInformationMessage('PutUsers: put the cursor inside a user to edit its properties.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(propertiesUri(editor.document.uri, index));
  if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
}
