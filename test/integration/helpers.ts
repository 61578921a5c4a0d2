// Helpers for the integration tests (they run inside VS Code's extension host).
// Everything waits on VS Code's events with a timeout; never sleep for a fixed time.
import * as path from 'path';
import * as vscode from 'vscode';

/** The default timeout of the waits below. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The opened workspace folder (test/fixtures/workspace unless the launcher was given another). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the launcher should open test/fixtures/workspace)');
  return folder;
}

/** The URI of a file of the workspace, from its path relative to the workspace folder. */
export function fixtureUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relPath.split(/[\\/]/));
}

/** Opens a workspace file (relative to the workspace folder) and, unless `show` is false, shows it in an editor. */
export async function openFixture(relPath: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relPath));
  if (show) await vscode.window.showTextDocument(doc);
  return doc;
}

/** Opens an untitled document with the given text and language and shows it. */
export async function openUntitled(content: string, language: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Closes every editor (and reverts untitled ones without asking), for a clean slate between tests. */
export async function closeAllEditors(): Promise<void> {
  // A dirty editor would make closeAllEditors ask "Save?": revert and close those first.
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
    const doc = vscode.workspace.textDocuments.find(
      (d) => d.uri.toString() === (tab.input as vscode.TabInputText).uri.toString(),
    );
    if (!doc) continue;
    await vscode.window.showTextDocument(doc, tab.group.viewColumn);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Saves `document` and waits until it is saved. `TextDocument.save()` alone can resolve false on
 * a slow machine although the file gets saved: the web workbench auto-saves one second after an
 * edit (`files.autoSave` is `afterDelay` there by default), and a save that arrives while that
 * auto save runs its save participants is refused as recursive, with no error. The auto save then
 * writes the same text, so the state to wait for is the document no longer dirty.
 */
export async function saveDocument(document: vscode.TextDocument, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  if (await document.save()) return;
  await waitForEvent(
    vscode.workspace.onDidSaveTextDocument,
    () => (document.isDirty ? undefined : true),
    timeoutMs,
    () => `${path.basename(document.uri.path)} is still unsaved (a save error or conflict?)`,
  );
}

/** Rejects with `what` when `promise` has not settled within `timeoutMs`. */
export function withTimeout<T>(promise: Thenable<T>, timeoutMs: number, what: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what()}`)), timeoutMs);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Resolves with the first value `check()` returns that is not undefined, checking now and then on
 * each firing of `event`. Rejects after `timeoutMs` with `describe()` in the message.
 */
export function waitForEvent<E, T>(
  event: vscode.Event<E>,
  check: (e?: E) => T | undefined,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
  describe: () => string = () => 'condition not met',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    // Subscribe before the first check, so no change slips between the two.
    const sub = event((e) => attempt(e));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`))),
      timeoutMs,
    );
    function finish(settle: () => void) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      settle();
    }
    function attempt(e?: E) {
      if (done) return;
      try {
        const value = check(e);
        if (value !== undefined) finish(() => resolve(value));
      } catch (err) {
        finish(() => reject(err));
      }
    }
    attempt();
  });
}

/** A diagnostic as one readable line: `line:char message (source code)`. */
export function formatDiagnostic(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${d.range.start.line}:${d.range.start.character} ${d.message} (${d.source ?? '?'}${code !== undefined ? ` ${code}` : ''})`;
}

/**
 * Waits until the diagnostics of `uri` satisfy `predicate` (checked now and on every
 * onDidChangeDiagnostics that touches `uri`) and resolves with them.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) => {
      if (e && !e.uris.some((u) => u.toString() === key)) return undefined;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
    () => {
      const now = vscode.languages.getDiagnostics(uri);
      return `diagnostics of ${path.basename(uri.path)} did not match; now: ${now.length ? now.map(formatDiagnostic).join('; ') : '(none)'}`;
    },
  );
}

/** The codes of the `schema/...` findings among `diagnostics`, sorted. */
export function schemaCodes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => String(d.code).startsWith('schema/'))
    .map((d) => String(d.code))
    .sort();
}

/** The CodeLenses the providers give `uri` (commands resolved). */
export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
}

/** The titles of those lenses. */
export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await codeLenses(uri)).map((l) => l.command?.title ?? '');
}
