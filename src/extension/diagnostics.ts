// Live diagnostics from the core, debounced per document, source "PutUsers".
import * as vscode from 'vscode';
import { type Finding, findingsOf } from '../core';
import type { Ctx } from './context';
import { formatOf, isPutUsersDocument } from './documents';
import { CONTEXT_KEY } from './command-ids';
import { jsonServiceReportsSyntaxError } from './json-service';
import { RECLASSIFY_ON, settings } from './settings';

export const DIAGNOSTIC_SOURCE = 'PutUsers';

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
  const d = new vscode.Diagnostic(
    range,
    f.message,
    f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = f.code;
  return d;
}

/** Validates input documents as they open and change; `onValidated` runs after each validation. */
export function registerDiagnostics(
  { subscriptions, documents, log, activeInput }: Ctx,
  onValidated: (document: vscode.TextDocument) => void,
): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('putusers');
  // Pending validations, per document (a document goes with its own timer).
  const timers = new Map<vscode.TextDocument, NodeJS.Timeout>();
  subscriptions.push(collection, { dispose: () => timers.forEach(clearTimeout) });

  const validateNow = (document: vscode.TextDocument) => {
    if (document.isClosed) return;
    if (!isPutUsersDocument(document)) {
      collection.delete(document.uri);
      return;
    }
    const started = Date.now();
    const { text, parsed } = documents.asRead(document);
    const all = findingsOf(text, formatOf(document), parsed, { beyondSyntaxSlips: true });
    // One problem, one diagnostic: a syntax error the JSON service reports is its (json-service.ts).
    const findings =
      all.some((f) => f.code === 'cli/invalid-json') && jsonServiceReportsSyntaxError(document)
        ? all.filter((f) => f.code !== 'cli/invalid-json')
        : all;
    collection.set(document.uri, findings.map(toDiagnostic));
    hasErrors.set(
      document,
      all.some((f) => f.severity === 'error'),
    );
    if (document === activeInput.document) showValidity(document);
    onValidated(document);
    log.trace(
      `validated ${document.uri.toString(true)} v${document.version}: ${findings.length} findings in ${Date.now() - started} ms`,
    );
  };
  // The active input's validity as a context key (the walkthrough's quick-fix step waits on it).
  // Errors counted before a syntax error is left to the JSON service: the file is no less broken.
  const hasErrors = new WeakMap<vscode.TextDocument, boolean>();
  const showValidity = (document: vscode.TextDocument | undefined) => {
    const valid = document !== undefined && hasErrors.get(document) === false;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.activeInputIsValid, valid);
  };
  activeInput.onDidChange(showValidity, null, subscriptions);
  const schedule = (document: vscode.TextDocument, delay = settings.validationDelay(document)) => {
    clearTimeout(timers.get(document));
    timers.set(
      document,
      setTimeout(() => {
        timers.delete(document);
        validateNow(document);
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
  // Documents already open when the extension activates (activation is lazy).
  vscode.workspace.textDocuments.forEach((d) => {
    schedule(d, 0);
    learnMark(d);
  });
  return collection;
}
