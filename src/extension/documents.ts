// Which documents are PutUsers inputs, and the per-document state the providers share: the parse
// of each version (diagnostics, hovers, completions and quick fixes of one version share one
// parse) and the JSON scan checkpoints completions resume from.
import * as vscode from 'vscode';
import { createJsonCursorMemo, type Format, type JsonCursorMemo, parseDocument, type ParseResult } from '../core';
import { settings } from './settings';

const LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

/** The documents the providers serve: inputs on disk and in unsaved editors (not another extension's virtual documents). */
export const SELECTOR: vscode.DocumentSelector = [...LANGUAGES].flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);
/** A top-level `datasetArn` or `users` key near the start: a cheap test, no parse. */
const LOOKS_LIKE_INPUT = /^(?:\s*\{)?\s*["']?(?:datasetArn|users)["']?\s*:/m;

export function formatOf(document: vscode.TextDocument): Format {
  return document.languageId === 'yaml' ? 'yaml' : 'json';
}

export function isPutUsersDocument(document: vscode.TextDocument): boolean {
  if (!LANGUAGES.has(document.languageId)) return false;
  const byName = settings.files(document).some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  if (byName) return true;
  return settings.detectByContent(document) && LOOKS_LIKE_INPUT.test(document.getText(new vscode.Range(0, 0, 200, 0)));
}

export interface InputDocuments {
  /** The document's parse, made once per version. */
  parsed(document: vscode.TextDocument): ParseResult;
  /** Where completions' scans of this document can resume (the text before the cursor rarely changes). */
  cursorMemo(document: vscode.TextDocument): JsonCursorMemo;
  /** Whether completions have scanned this document yet. */
  hasCursorMemo(document: vscode.TextDocument): boolean;
}

export function createInputDocuments(): InputDocuments {
  // Weak: a closed document's state goes with it.
  const parses = new WeakMap<vscode.TextDocument, { version: number; parsed: ParseResult }>();
  const memos = new WeakMap<vscode.TextDocument, JsonCursorMemo>();
  return {
    parsed(document) {
      const hit = parses.get(document);
      if (hit && hit.version === document.version) return hit.parsed;
      const parsed = parseDocument(document.getText(), formatOf(document));
      parses.set(document, { version: document.version, parsed });
      return parsed;
    },
    cursorMemo(document) {
      let memo = memos.get(document);
      if (!memo) memos.set(document, (memo = createJsonCursorMemo()));
      return memo;
    },
    hasCursorMemo: (document) => memos.has(document),
  };
}
