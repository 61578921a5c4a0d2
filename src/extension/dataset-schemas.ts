// Which Users dataset schema an input is checked against, found as the order says:
// putUsers.datasetSchemas (globs → schema files, workspace-relative), else a sibling
// `<name>.schema.json`, else a `users.schema.json` in the file's folder or a parent within the
// workspace folder. A schema the service would not take gets its problems as diagnostics on
// its own file, and the input is checked without it. Schema files are read once per change.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readDatasetSchema, type SchemaField } from '../core';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { settings } from './settings';

export const SCHEMA_FILE_NAME = 'users.schema.json';

/** The schema an input is checked against. */
export interface SchemaFor {
  uri: vscode.Uri;
  /** Undefined when the schema cannot be used (its diagnostics say why). */
  fields?: SchemaField[];
  /** Changes whenever any schema file or the setting changes: analyses of an older one are stale. */
  generation: number;
}

export interface DatasetSchemas {
  forDocument(document: vscode.TextDocument): Promise<SchemaFor | undefined>;
  /** For a file that is no input (a CSV to import): a sibling `<name>.schema.json`, else a users.schema.json up the folders. */
  forResource(uri: vscode.Uri): Promise<SchemaFor | undefined>;
  /** A schema file or the setting changed: inputs are to be checked again. */
  readonly onDidChange: vscode.Event<void>;
}

export function createDatasetSchemas(subscriptions: vscode.Disposable[]): DatasetSchemas {
  const changed = new vscode.EventEmitter<void>();
  const diagnostics = vscode.languages.createDiagnosticCollection('putusers-schemas');
  let generation = 0;
  const located = new Map<string, Promise<vscode.Uri | undefined>>();
  const read = new Map<string, Promise<SchemaField[] | undefined>>();
  const reset = () => {
    generation++;
    located.clear();
    read.clear();
    changed.fire();
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.schema.json');
  subscriptions.push(
    changed,
    diagnostics,
    watcher,
    watcher.onDidChange(reset),
    watcher.onDidCreate(reset),
    watcher.onDidDelete(reset),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('putUsers.datasetSchemas') && reset()),
  );

  const fieldsOf = (uri: vscode.Uri) => {
    let fields = read.get(uri.toString());
    if (!fields) {
      fields = readSchemaFile(uri, diagnostics);
      read.set(uri.toString(), fields);
    }
    return fields;
  };
  return {
    onDidChange: changed.event,
    async forDocument(document) {
      const key = document.uri.toString();
      let where = located.get(key);
      if (!where) {
        where = locateSchema(document);
        located.set(key, where);
      }
      const at = generation;
      const uri = await where;
      return uri && { uri, fields: await fieldsOf(uri), generation: at };
    },
    async forResource(resource) {
      const at = generation;
      const uri = await nearbySchema(resource);
      return uri && { uri, fields: await fieldsOf(uri), generation: at };
    },
  };
}

/** The schema file for a document, by the setting, a sibling, or a users.schema.json up to its workspace folder. */
async function locateSchema(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  for (const [pattern, file] of Object.entries(settings.datasetSchemas(document))) {
    if (folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, pattern) }, document) > 0)
      return vscode.Uri.joinPath(folder.uri, file);
  }
  return nearbySchema(document.uri);
}

/** A sibling `<name>.schema.json` (the name without its extension, and without `.putusers`), else a users.schema.json up to the workspace folder. */
async function nearbySchema(resource: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(resource);
  if (resource.scheme !== 'file' || !folder) return undefined;
  const name = path.basename(resource.path).replace(/\.(json|ya?ml|csv)$/i, '');
  const dir = vscode.Uri.joinPath(resource, '..');
  const candidates = [...new Set([`${name}.schema.json`, `${name.replace(/\.putusers$/i, '')}.schema.json`])].map((n) =>
    vscode.Uri.joinPath(dir, n),
  );
  for (let up = dir; ; up = vscode.Uri.joinPath(up, '..')) {
    candidates.push(vscode.Uri.joinPath(up, SCHEMA_FILE_NAME));
    if (up.path === folder.uri.path || !up.path.startsWith(folder.uri.path) || up.path === '/') break;
  }
  for (const candidate of candidates) if (await exists(candidate)) return candidate;
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/** The schema's fields, or undefined after putting its problems on it as diagnostics. */
async function readSchemaFile(
  uri: vscode.Uri,
  diagnostics: vscode.DiagnosticCollection,
): Promise<SchemaField[] | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      `PutUsers cannot read this schema: ${(e as Error).message}`,
    );
    d.source = DIAGNOSTIC_SOURCE;
    diagnostics.set(uri, [d]);
    return undefined;
  }
  const { schema, findings } = readDatasetSchema(text);
  diagnostics.set(uri, findings.map(toDiagnostic));
  return schema?.fields;
}
