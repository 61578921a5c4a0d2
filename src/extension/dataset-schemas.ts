// Which Users dataset schema an input is checked against, found as the order says:
// putUsers.datasetSchemas (globs → schema files, workspace-relative), else a sibling
// `<name>.schema.json`, else a `users.schema.json` in the file's folder or a parent within the
// workspace folder; else, where the workspace opted in, the schema of the file's datasetArn from
// AWS (aws-schemas.ts). A schema the service would not take gets its problems as diagnostics on
// its own file, and the input is checked without it. Schema files are read once per change.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { datasetArnProblems, readDatasetSchema, type SchemaField } from '../core';
import type { AwsSchemas } from './aws-schemas';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { settings } from './settings';

export const SCHEMA_FILE_NAME = 'users.schema.json';

/** The schema an input is checked against. */
export interface SchemaFor {
  /** The schema file, or the read-only document of a schema from AWS. */
  uri: vscode.Uri;
  /** `file`: a local schema file; `aws`: the schema of `datasetArn`, from AWS. */
  origin: 'file' | 'aws';
  /** How the status bar and the lens name it. */
  label: string;
  /** The dataset whose schema it is (origin `aws`). */
  datasetArn?: string;
  /** Undefined when the schema cannot be used (its diagnostics say why), or is not fetched yet. */
  fields?: SchemaField[];
  /** Origin `aws`: being fetched. */
  fetching?: boolean;
  /** Origin `aws`: why it could not be fetched. */
  problem?: string;
  /** Changes whenever any schema file or the setting changes: analyses of an older one are stale. */
  generation: number;
}

export interface DatasetSchemas {
  /** A schema from AWS is for the document's datasetArn as its last analysis read it (sawDatasetArn). */
  forDocument(document: vscode.TextDocument): Promise<SchemaFor | undefined>;
  /**
   * After an analysis: the datasetArn it found, and the schema it was checked against. When the
   * ARN calls for another schema from AWS, says the input is to be checked again, and fetches the
   * schema first if it is not known (after a pause: the ARN may be being typed).
   */
  sawDatasetArn(document: vscode.TextDocument, datasetArn: string | undefined, used: SchemaFor | undefined): void;
  /** For a file that is no input (a CSV to import): a sibling `<name>.schema.json`, else a users.schema.json up the folders. */
  forResource(uri: vscode.Uri): Promise<SchemaFor | undefined>;
  /** A schema file or the setting changed: inputs are to be checked again. */
  readonly onDidChange: vscode.Event<void>;
}

/** How long a datasetArn must stay as it is before its schema is fetched: it may be being typed. */
const ARN_SETTLE_MS = 1000;

export function createDatasetSchemas(subscriptions: vscode.Disposable[], aws: AwsSchemas): DatasetSchemas {
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
  // Per input, a pending fetch for a datasetArn that may still be being typed.
  const settling = new Map<string, ReturnType<typeof setTimeout>>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.schema.json');
  subscriptions.push(
    changed,
    diagnostics,
    watcher,
    watcher.onDidChange(reset),
    watcher.onDidCreate(reset),
    watcher.onDidDelete(reset),
    vscode.workspace.onDidChangeConfiguration(
      (e) =>
        (e.affectsConfiguration('putUsers.datasetSchemas') ||
          e.affectsConfiguration('putUsers.datasetSchemaFromAws')) &&
        reset(),
    ),
    vscode.workspace.onDidGrantWorkspaceTrust(reset),
    aws.onDidChange(reset),
    { dispose: () => settling.forEach(clearTimeout) },
  );
  const seen = new WeakSet<vscode.TextDocument>();
  // Each input's datasetArn, as its last analysis read it.
  const arns = new WeakMap<vscode.TextDocument, string>();

  // A fetched schema is read once per fetch; its problems go on its document.
  const awsRead = new Map<string, { fetchedAt: number; fields: SchemaField[] | undefined }>();
  const fromAws = (document: vscode.TextDocument, datasetArn: string | undefined): SchemaFor | undefined => {
    if (!datasetArn || !aws.enabled(document) || datasetArnProblems(datasetArn).length > 0) return undefined;
    const uri = aws.uriOf(datasetArn);
    const known = aws.peek(datasetArn);
    const base = { uri, origin: 'aws' as const, datasetArn, generation };
    if (known?.state === 'failed') return { ...base, label: 'schema from AWS', problem: known.message };
    if (known?.state !== 'fetched') return { ...base, label: 'schema from AWS', fetching: true };
    let read = awsRead.get(datasetArn);
    if (read?.fetchedAt !== known.fetchedAt) {
      const reading = readDatasetSchema(aws.textOf(known));
      diagnostics.set(uri, reading.findings.map(toDiagnostic));
      read = { fetchedAt: known.fetchedAt, fields: reading.schema?.fields };
      awsRead.set(datasetArn, read);
    }
    return { ...base, label: `${known.schemaName} (AWS)`, ...(read.fields ? { fields: read.fields } : {}) };
  };

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
      return uri ? fileSchema(uri, await fieldsOf(uri), at) : fromAws(document, arns.get(document));
    },
    sawDatasetArn(document, datasetArn, used) {
      if (datasetArn) arns.set(document, datasetArn);
      else arns.delete(document);
      if (used?.origin === 'file' || !aws.enabled(document)) return;
      // The ARN of a document just opened is no ARN being typed: its schema is fetched at once.
      const first = !seen.has(document);
      seen.add(document);
      const key = document.uri.toString();
      clearTimeout(settling.get(key));
      const wanted = datasetArn && datasetArnProblems(datasetArn).length === 0 ? datasetArn : undefined;
      if (!wanted || aws.peek(wanted)) {
        // Known (or no schema to have): the input is checked again if it was checked against another.
        if (wanted !== used?.datasetArn) changed.fire();
        return;
      }
      const fetch = () => {
        settling.delete(key);
        if (arns.get(document) !== wanted || !aws.enabled(document)) return;
        aws.lookup(wanted);
        // Checked again now, to say the schema is being fetched; its end checks every input again (aws.onDidChange).
        changed.fire();
      };
      if (first) fetch();
      else settling.set(key, setTimeout(fetch, ARN_SETTLE_MS));
    },
    async forResource(resource) {
      const at = generation;
      const uri = await nearbySchema(resource);
      return uri && fileSchema(uri, await fieldsOf(uri), at);
    },
  };
}

function fileSchema(uri: vscode.Uri, fields: SchemaField[] | undefined, generation: number): SchemaFor {
  return {
    uri,
    origin: 'file',
    label: vscode.workspace.asRelativePath(uri, false),
    ...(fields ? { fields } : {}),
    generation,
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
