// The analysis of each input document's current version, shared by diagnostics, folding, the
// outline, the Send lens and completions: one parse a version, in the worker. Per document one
// analysis runs at a time; edits made meanwhile are analyzed once, as the text then is. Its
// findings are known before the rest (the worker sends them first): diagnostics need no more.
import * as vscode from 'vscode';
import type { DatasetSchemas, SchemaFor } from '../dataset-schemas';
import { formatOf, type InputDocuments } from '../documents';
import type { EditorAnalysis, EditorFindings, JsonLanguage } from './analyze';
import { type AnalysisWorker, createAnalysisWorker } from './worker-client';

export interface VersionedAnalysis {
  /** The document version analyzed: the one asked for, or a later one when it changed meanwhile. */
  version: number;
  byteOrderMark: boolean;
  /** The dataset schema it was checked against, and whether it could be used. */
  schema?: Omit<SchemaFor, 'fields'> & { usable: boolean };
  analysis: EditorAnalysis;
}

/** The findings of an analysis, before its outline is made. */
export interface VersionedFindings {
  version: number;
  analysis: EditorFindings;
}

export interface Analyses {
  of(document: vscode.TextDocument): Promise<VersionedAnalysis>;
  /** The findings of the same analysis as `of`, as soon as they are known. */
  findings(document: vscode.TextDocument): Promise<VersionedFindings>;
  /** The last analysis finished, of this version or an earlier one, for what an edit rarely changes (other users' keys). */
  recent(document: vscode.TextDocument): Promise<VersionedAnalysis>;
}

const JSON_LANGUAGES: readonly JsonLanguage[] = ['json', 'jsonc'];

export function createAnalyses(
  subscriptions: vscode.Disposable[],
  { log, documents, schemas }: { log: vscode.LogOutputChannel; documents: InputDocuments; schemas: DatasetSchemas },
  worker: AnalysisWorker = createAnalysisWorker(log),
): Analyses {
  subscriptions.push(worker);
  // Weak: a closed document's state goes with it.
  const ids = new WeakMap<vscode.TextDocument, number>();
  let nextId = 1;
  const latest = new WeakMap<
    vscode.TextDocument,
    {
      version: number;
      byteOrderMark: boolean;
      schema: string;
      result: Promise<VersionedAnalysis>;
      findings: Promise<VersionedFindings>;
    }
  >();
  const finished = new WeakMap<vscode.TextDocument, VersionedAnalysis>();
  const schemaKey = (schema: { generation: number; uri: vscode.Uri } | undefined) =>
    schema ? `${schema.generation} ${schema.uri.toString()}` : '';
  const current = (document: vscode.TextDocument, done: VersionedAnalysis, schema: string) =>
    done.version === document.version &&
    done.byteOrderMark === documents.readsWithByteOrderMark(document) &&
    schemaKey(done.schema) === schema;

  // The worker's copies follow the edits of the documents it holds.
  vscode.workspace.onDidChangeTextDocument(
    (e) => {
      const id = ids.get(e.document);
      if (id !== undefined && e.contentChanges.length > 0)
        worker.change(
          id,
          e.document.version,
          e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })),
        );
    },
    null,
    subscriptions,
  );
  vscode.workspace.onDidCloseTextDocument(
    (d) => {
      const id = ids.get(d);
      if (id !== undefined) worker.close(id);
    },
    null,
    subscriptions,
  );

  const analyze = async (
    document: vscode.TextDocument,
    schema: SchemaFor | undefined,
    onFindings: (early: VersionedFindings) => void,
  ): Promise<VersionedAnalysis> => {
    let id = ids.get(document);
    if (id === undefined) ids.set(document, (id = nextId++));
    const byteOrderMark = documents.readsWithByteOrderMark(document);
    const { version, analysis } = await worker.analyze({
      id,
      version: () => document.version,
      text: () => document.getText(),
      format: formatOf(document),
      byteOrderMark,
      schema: schema?.fields,
      jsonLanguage: JSON_LANGUAGES.find((l) => l === document.languageId),
      onFindings: ({ version, findings }) => onFindings({ version, analysis: findings }),
    });
    const { fields, ...shown } = schema ?? {};
    const done: VersionedAnalysis = {
      version,
      byteOrderMark,
      ...(schema ? { schema: { ...(shown as Omit<SchemaFor, 'fields'>), usable: fields !== undefined } } : {}),
      analysis,
    };
    finished.set(document, done);
    schemas.sawDatasetArn(document, analysis.sendLens?.datasetArn, schema);
    return done;
  };

  const request = async (document: vscode.TextDocument) => {
    const schema = await schemas.forDocument(document);
    const key = schemaKey(schema);
    const byteOrderMark = documents.readsWithByteOrderMark(document);
    const hit = latest.get(document);
    if (hit && hit.version === document.version && hit.byteOrderMark === byteOrderMark && hit.schema === key)
      return hit;
    const before = hit?.result.catch(() => undefined) ?? Promise.resolve(undefined);
    let early!: (findings: VersionedFindings) => void;
    let failed!: (e: unknown) => void;
    const findings = new Promise<VersionedFindings>((resolve, reject) => ((early = resolve), (failed = reject)));
    const result = before.then((previous) =>
      previous && current(document, previous, key) ? previous : analyze(document, schema, early),
    );
    // An analysis reused, or one that failed, settles its findings with it (a second settling is no-op).
    result.then(early, failed);
    // Asked for the outline alone, no one waits on the findings: their failure is the result's to report.
    findings.catch(() => undefined);
    const entry = { version: document.version, byteOrderMark, schema: key, result, findings };
    latest.set(document, entry);
    return entry;
  };
  const of = async (document: vscode.TextDocument) => (await request(document)).result;

  return {
    of,
    findings: async (document) => (await request(document)).findings,
    recent: (document) => {
      const done = finished.get(document);
      return done ? Promise.resolve(done) : of(document);
    },
  };
}
