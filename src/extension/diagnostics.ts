// Live diagnostics from the core, debounced per document, source "PutUsers".
import * as vscode from 'vscode';
import type { ActiveInput } from './active-input';
import type { Analyses } from './analysis/analyses';
import type { EditorFindings } from './analysis/analyze';
import type { DatasetSchemas } from './dataset-schemas';
import { COMMAND, CONTEXT_KEY } from './command-ids';
import { documentLength, type InputDocuments, isPutUsersDocument } from './documents';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './finding-diagnostic';
import { jsonServiceValidates } from './json-service';
import { RECLASSIFY_ON, settings } from './settings';

/** The code of the note on a file checked on demand only (no finding of the core's). */
export const CHECKS_ON_DEMAND = 'checks-on-demand';
/** The code of the note on a file whose checks could not finish. */
export const CHECKS_FAILED = 'checks-failed';

export interface Validation {
  /** Validates the document now, whatever its size ("PutUsers: Validate File"). */
  validateNow(document: vscode.TextDocument): Promise<void>;
  /** After each validation. */
  readonly onDidValidate: vscode.Event<vscode.TextDocument>;
}

/**
 * Validates input documents as they open and change, up to putUsers.maxFileSizeForLiveChecks;
 * a larger one only on demand, which a diagnostic and the status bar say.
 */
export function createValidation(
  subscriptions: vscode.Disposable[],
  {
    documents,
    analyses,
    schemas,
    log,
    activeInput,
  }: {
    documents: InputDocuments;
    analyses: Analyses;
    schemas: DatasetSchemas;
    log: vscode.LogOutputChannel;
    activeInput: ActiveInput;
  },
): Validation {
  const collection = vscode.languages.createDiagnosticCollection('putusers');
  const validated = new vscode.EventEmitter<vscode.TextDocument>();
  subscriptions.push(validated);
  const onDemand = onDemandStatus(subscriptions, activeInput, documents);
  // Pending validations, per document (a document goes with its own timer).
  const timers = new Map<vscode.TextDocument, NodeJS.Timeout>();
  subscriptions.push(collection, { dispose: () => timers.forEach(clearTimeout) });

  // The version each document's diagnostics are of: a slower analysis of an older one never replaces them.
  const shown = new WeakMap<vscode.TextDocument, number>();
  const validateNow = async (document: vscode.TextDocument, onRequest = false) => {
    if (document.isClosed) return;
    if (!isPutUsersDocument(document)) {
      collection.delete(document.uri);
      return;
    }
    if (!onRequest && documents.tooLargeForLiveChecks(document)) {
      collection.set(document.uri, [onDemandDiagnostic(document)]);
      hasErrors.delete(document);
      if (document === activeInput.document) showActive(document);
      return;
    }
    const started = Date.now();
    let analysis: EditorFindings;
    let version: number;
    try {
      ({ version, analysis } = await analyses.findings(document));
    } catch (e) {
      return showFailure(document, e as Error);
    }
    if (document.isClosed || version < (shown.get(document) ?? -1)) return;
    shown.set(document, version);
    const all = analysis.findings;
    // One problem, one diagnostic: a syntax error the JSON service reports is its (json-service.ts).
    const findings =
      analysis.syntax?.jsonServiceError && jsonServiceValidates(document)
        ? all.filter((f) => f.code !== 'cli/invalid-json')
        : all;
    collection.set(document.uri, findings.map(toDiagnostic));
    hasErrors.set(
      document,
      all.some((f) => f.severity === 'error'),
    );
    if (document === activeInput.document) showActive(document);
    validated.fire(document);
    log.trace(
      `validated ${document.uri.toString(true)} v${version}: ${findings.length} findings in ${Date.now() - started} ms`,
    );
  };
  // The checks could not finish (the worker ran out of time or memory): said at the top, not left stale.
  const showFailure = (document: vscode.TextDocument, error: Error) => {
    if (document.isClosed) return;
    log.warn(`could not check ${document.uri.toString(true)}: ${error.message}`);
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      `PutUsers could not check this file: ${error.message}. \`putusers validate\` checks it from a terminal.`,
      vscode.DiagnosticSeverity.Warning,
    );
    d.source = DIAGNOSTIC_SOURCE;
    d.code = CHECKS_FAILED;
    collection.set(document.uri, [d]);
    hasErrors.delete(document);
  };
  // The active input's validity as a context key (the walkthrough's quick-fix step waits on it).
  // Errors counted before a syntax error is left to the JSON service: the file is no less broken.
  const hasErrors = new WeakMap<vscode.TextDocument, boolean>();
  const showValidity = (document: vscode.TextDocument | undefined) => {
    const valid = document !== undefined && hasErrors.get(document) === false;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.activeInputIsValid, valid);
  };
  activeInput.onDidChange(showValidity, null, subscriptions);
  // After each validation of the active input: an edit or a setting may have moved it across the size limit.
  const showActive = (document: vscode.TextDocument) => {
    showValidity(document);
    onDemand.render();
  };
  const schedule = (document: vscode.TextDocument, delay = settings.validationDelay(document)) => {
    clearTimeout(timers.get(document));
    timers.set(
      document,
      setTimeout(() => {
        timers.delete(document);
        void validateNow(document);
      }, delay),
    );
  };

  // VS Code takes a byte-order mark out of the text: learn it from the file, and check again if it has one.
  const learnMark = (document: vscode.TextDocument, always = false) =>
    isPutUsersDocument(document) &&
    void documents.learnByteOrderMark(document).then((changed) => (changed || always) && schedule(document, 0));
  vscode.workspace.onDidOpenTextDocument(
    (d) => {
      schedule(d, 0);
      learnMark(d);
    },
    null,
    subscriptions,
  );
  // A save may have changed the encoding alone (Save with Encoding), with no change of text.
  vscode.workspace.onDidSaveTextDocument((d) => learnMark(d, true), null, subscriptions);
  vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && schedule(e.document), null, subscriptions);
  vscode.workspace.onDidCloseTextDocument(
    (d) => {
      clearTimeout(timers.get(d));
      timers.delete(d);
      // A new document of the same URI (an untitled name that came back) gets its open event next.
      collection.delete(d.uri);
    },
    null,
    subscriptions,
  );
  vscode.workspace.onDidChangeConfiguration(
    (e) => {
      if (RECLASSIFY_ON.some((s) => e.affectsConfiguration(s)))
        vscode.workspace.textDocuments.forEach((d) => schedule(d, 0));
    },
    null,
    subscriptions,
  );
  // A schema file or putUsers.datasetSchemas changed: every input may be checked against another schema.
  schemas.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => schedule(d, 0)), null, subscriptions);
  // Documents already open when the extension activates (activation is lazy).
  vscode.workspace.textDocuments.forEach((d) => {
    schedule(d, 0);
    learnMark(d);
  });
  return { validateNow: (document) => validateNow(document, true), onDidValidate: validated.event };
}

/** At the top of a file too large to check as you type: what to do instead. */
function onDemandDiagnostic(document: vscode.TextDocument): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    `PutUsers checks this file (${megabytes(documentLength(document))}) only on demand: it is over putUsers.maxFileSizeForLiveChecks (${megabytes(settings.maxFileSizeForLiveChecks(document))}). Run "PutUsers: Validate File" to check it.`,
    vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = CHECKS_ON_DEMAND;
  return d;
}

/** A status-bar item while the active input is checked on demand only; a click checks it. */
function onDemandStatus(subscriptions: vscode.Disposable[], activeInput: ActiveInput, documents: InputDocuments) {
  const item = vscode.window.createStatusBarItem('putUsers.checksOnDemand', vscode.StatusBarAlignment.Right, 101);
  item.name = 'PutUsers: Checks on Demand';
  item.text = '$(circle-slash) PutUsers: checks on demand';
  item.command = COMMAND.validateFile;
  const render = () => {
    const document = activeInput.document;
    if (!document || !documents.tooLargeForLiveChecks(document)) return item.hide();
    item.tooltip = `This file is ${megabytes(documentLength(document))}, over putUsers.maxFileSizeForLiveChecks: PutUsers does not check it as you type. Click to validate it now.`;
    item.show();
  };
  subscriptions.push(item, activeInput.onDidChange(render));
  render();
  return { render };
}

const megabytes = (characters: number) => `${(characters / 1e6).toFixed(1)} MB`;
