// Which Users dataset schema an input is checked against, found as the order says:
// putUsers.datasetSchemas (globs → schema files, workspace-relative), else a sibling
// `<name>.avsc` (then the older `<name>.schema.json`), else a `users.avsc` (then
// `users.schema.json`) in the file's folder or a parent within the workspace folder; else, where
// the workspace opted in, the schema of the file's datasetArn from AWS (aws-schemas.ts). A schema
// the service would not take gets its problems as diagnostics on its own file, and the input is
// checked without it. Schema files are read once per change, from their editor when one is open.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { datasetArnProblems, readDatasetSchema, SCHEMA_FILE, type SchemaField, siblingSchemaNames } from '../core';
import { AWS_SCHEMA_SCHEME, type AwsSchemas } from './aws-schemas';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './finding-diagnostic';
import { settings } from './settings';

export const SCHEMA_FILE_NAME = SCHEMA_FILE.folderNames[0];

/** On a schema file with the older name, which VS Code checks as a JSON Schema: rename it to `.avsc`. */
export const LEGACY_NAME_CODE = 'schema/legacy-file-name';

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
  /** For a file that is no input (a CSV to import): a sibling `<name>.avsc`, else a users.avsc up the folders (or their older `.schema.json` names). */
  forResource(uri: vscode.Uri): Promise<SchemaFor | undefined>;
  /** A schema file or the setting changed: inputs are to be checked again. */
  readonly onDidChange: vscode.Event<void>;
}

/** How long a datasetArn must stay as it is before its schema is fetched: it may be being typed. */
const ARN_SETTLE_MS = 1000;
/** How long a schema in an editor must stay as it is before its inputs are checked against it again. */
const TYPING_SETTLE_MS = 300;

/** A schema file, and whether it was found by its name (not named in putUsers.datasetSchemas). */
interface Found {
  uri: vscode.Uri;
  byName: boolean;
}

/** A schema file of the workspace's (a schema from AWS has a document of its own, aws-schemas.ts). */
const isSchemaFile = (uri: vscode.Uri) =>
  uri.scheme !== AWS_SCHEMA_SCHEME &&
  SCHEMA_FILE.extensions.some((extension) => uri.path.toLowerCase().endsWith(extension));

export function createDatasetSchemas(subscriptions: vscode.Disposable[], aws: AwsSchemas): DatasetSchemas {
  const changed = new vscode.EventEmitter<void>();
  const diagnostics = vscode.languages.createDiagnosticCollection('putusers-schemas');
  legacyNameFixes(subscriptions);
  let generation = 0;
  const located = new Map<string, Promise<Found | undefined>>();
  const read = new Map<string, Promise<SchemaField[] | undefined>>();
  const reset = () => {
    generation++;
    located.clear();
    read.clear();
    changed.fire();
  };
  // Per input, a pending fetch for a datasetArn that may still be being typed.
  const settling = new Map<string, ReturnType<typeof setTimeout>>();
  let typing: ReturnType<typeof setTimeout> | undefined;
  const checkAlone = (document: vscode.TextDocument) => {
    if (path.posix.basename(document.uri.path).toLowerCase() !== SCHEMA_FILE_NAME) return;
    diagnostics.set(document.uri, readDatasetSchema(document.getText()).findings.map(toDiagnostic));
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*{.avsc,.schema.json}');
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
    // A schema in an editor is read from it as it is typed (its inputs checked again after a pause), and
    // from its file again once closed; a users.avsc is checked on its own, whether an input uses it or not.
    vscode.workspace.onDidOpenTextDocument((d) => isSchemaFile(d.uri) && !read.has(d.uri.toString()) && checkAlone(d)),
    vscode.workspace.onDidChangeTextDocument(({ document: d }) => {
      if (!isSchemaFile(d.uri)) return;
      if (!read.has(d.uri.toString())) return checkAlone(d);
      clearTimeout(typing);
      typing = setTimeout(reset, TYPING_SETTLE_MS);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (!isSchemaFile(d.uri)) return;
      if (read.has(d.uri.toString())) reset();
      else diagnostics.delete(d.uri);
    }),
    { dispose: () => clearTimeout(typing) },
  );
  vscode.workspace.textDocuments.forEach((d) => isSchemaFile(d.uri) && checkAlone(d));
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

  const fieldsOf = (found: Found) => {
    let fields = read.get(found.uri.toString());
    if (!fields) {
      fields = readSchemaFile(found, diagnostics);
      read.set(found.uri.toString(), fields);
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
      const found = await where;
      return found ? fileSchema(found.uri, await fieldsOf(found), at) : fromAws(document, arns.get(document));
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
      const found = await nearbySchema(resource);
      return found && fileSchema(found.uri, await fieldsOf(found), at);
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

/** The schema file for a document, by the setting, a sibling, or a users.avsc up to its workspace folder. */
async function locateSchema(document: vscode.TextDocument): Promise<Found | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  for (const [pattern, file] of Object.entries(settings.datasetSchemas(document))) {
    if (folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, pattern) }, document) > 0)
      return { uri: vscode.Uri.joinPath(folder.uri, file), byName: false };
  }
  return nearbySchema(document.uri);
}

/** A sibling `<name>.avsc` (the name without its extension, and without `.putusers`), else a users.avsc up to the workspace folder; at each, the older `.schema.json` after it. */
async function nearbySchema(resource: vscode.Uri): Promise<Found | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(resource);
  if (!folder) return undefined;
  const dir = vscode.Uri.joinPath(resource, '..');
  const candidates = siblingSchemaNames(path.posix.basename(resource.path)).map((n) => vscode.Uri.joinPath(dir, n));
  for (let up = dir; ; up = vscode.Uri.joinPath(up, '..')) {
    candidates.push(...SCHEMA_FILE.folderNames.map((n) => vscode.Uri.joinPath(up, n)));
    if (up.path === folder.uri.path || !up.path.startsWith(folder.uri.path) || up.path === '/') break;
  }
  for (const candidate of candidates) if (await exists(candidate)) return { uri: candidate, byName: true };
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/**
 * The schema's fields, or undefined after putting its problems on it as diagnostics; from its
 * editor when one is open. Found by an older name, it also says to rename it (the quick fix).
 */
async function readSchemaFile(
  { uri, byName }: Found,
  diagnostics: vscode.DiagnosticCollection,
): Promise<SchemaField[] | undefined> {
  let text: string;
  try {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
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
  const name = path.posix.basename(uri.path);
  const legacy = byName && SCHEMA_FILE.isLegacy(name) ? [legacyNameDiagnostic(name)] : [];
  diagnostics.set(uri, [...findings.map(toDiagnostic), ...legacy]);
  return schema?.fields;
}

function legacyNameDiagnostic(name: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 1),
    `PutUsers reads this dataset schema, but VS Code checks every *.schema.json file as a JSON Schema ` +
      `(the warnings that are not PutUsers'): rename it to ${SCHEMA_FILE.renamed(name)}, Avro's name for a schema file.`,
    vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = LEGACY_NAME_CODE;
  return d;
}

/** The quick fix of the older name: the file renamed to `.avsc`, where PutUsers looks first. */
function legacyNameFixes(subscriptions: vscode.Disposable[]): void {
  subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { scheme: '*', pattern: '**/*.schema.json' },
      {
        provideCodeActions(document, _range, context) {
          const diagnostic = context.diagnostics.find((d) => d.code === LEGACY_NAME_CODE);
          if (!diagnostic) return [];
          const name = SCHEMA_FILE.renamed(path.posix.basename(document.uri.path));
          const fix = new vscode.CodeAction(`Rename to ${name}`, vscode.CodeActionKind.QuickFix);
          fix.edit = new vscode.WorkspaceEdit();
          fix.edit.renameFile(document.uri, vscode.Uri.joinPath(document.uri, '..', name), { overwrite: false });
          fix.diagnostics = [diagnostic];
          fix.isPreferred = true;
          return [fix];
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}
