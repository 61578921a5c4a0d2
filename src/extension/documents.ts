// Which documents are PutUsers inputs, and the parse of each (cached per version: diagnostics,
// hovers, completions and quick fixes of one version share one parse).
import * as vscode from 'vscode';
import { type Format, parseDocument, type ParseResult } from '../core';
import { settings } from './settings';

const LANGUAGES = new Set(['json', 'jsonc', 'yaml']);
/** A top-level `datasetArn` or `users` key near the start: a cheap test, no parse. */
const LOOKS_LIKE_INPUT = /^(?:\s*\{)?\s*["']?(?:datasetArn|users)["']?\s*:/m;

export function formatOf(document: vscode.TextDocument): Format {
  return document.languageId === 'yaml' ? 'yaml' : 'json';
}

export function isPutUsersDocument(document: vscode.TextDocument): boolean {
  if (!LANGUAGES.has(document.languageId)) return false;
  const byName = settings.files().some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  if (byName) return true;
  return settings.detectByContent() && LOOKS_LIKE_INPUT.test(document.getText(new vscode.Range(0, 0, 200, 0)));
}

const cache = new WeakMap<vscode.TextDocument, { version: number; parsed: ParseResult }>();

export function parsedDocument(document: vscode.TextDocument): ParseResult {
  const hit = cache.get(document);
  if (hit && hit.version === document.version) return hit.parsed;
  const parsed = parseDocument(document.getText(), formatOf(document));
  cache.set(document, { version: document.version, parsed });
  return parsed;
}
