// Which documents are PutUsers inputs, and the per-document state the providers share: the parse
// of each version for what a user asks for (hovers, quick fixes, commands: what runs on every
// edit is analyzed in the worker thread, analysis/), the JSON scan checkpoints completions resume
// from, and whether the file on disk starts with a byte-order mark (which VS Code hides and the
// AWS CLI does not).
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { createJsonCursorMemo, type Format, type JsonCursorMemo, parseDocument, type ParseResult } from '../core';
import { settings } from './settings';

const LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

/**
 * The documents the providers serve: inputs of any file system (on disk, unsaved, in a virtual
 * workspace such as a remote repository); each then decides by isPutUsersDocument.
 */
export const SELECTOR: vscode.DocumentSelector = [...LANGUAGES].map((language) => ({ language, scheme: '*' }));
/** The schemes of our own documents: a user's properties being edited, a dataset schema from AWS. Never inputs. */
export const OWN_SCHEMES = { properties: 'putusers-properties', awsSchema: 'putusers-schema' } as const;
const ownSchemes = new Set<string>(Object.values(OWN_SCHEMES));
/** A top-level `datasetArn` or `users` key near the start: a cheap test, no parse. */
const LOOKS_LIKE_INPUT = /^(?:\s*\{)?\s*["']?(?:datasetArn|users)["']?\s*:/m;

export function formatOf(document: vscode.TextDocument): Format {
  return document.languageId === 'yaml' ? 'yaml' : 'json';
}

export function isPutUsersDocument(document: vscode.TextDocument): boolean {
  if (!LANGUAGES.has(document.languageId) || ownSchemes.has(document.uri.scheme)) return false;
  const byName = settings.files(document).some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  if (byName) return true;
  return settings.detectByContent(document) && LOOKS_LIKE_INPUT.test(document.getText(new vscode.Range(0, 0, 200, 0)));
}

export interface InputDocuments {
  /** The document's parse, made once per version. */
  parsed(document: vscode.TextDocument): ParseResult;
  /**
   * The text as the AWS CLI reads the file, and its parse: with the byte-order mark VS Code takes
   * out of a document's text (a JSON file that starts with one is invalid for the CLI). For
   * validating and sending; the editor's features work on the document's text.
   */
  asRead(document: vscode.TextDocument): { text: string; parsed: ParseResult };
  /** Whether the AWS CLI reads a byte-order mark before the document's text (one that counts: JSON's). */
  readsWithByteOrderMark(document: vscode.TextDocument): boolean;
  /** Over putUsers.maxFileSizeForLiveChecks: checked on demand, and no provider parses it on its own. */
  tooLargeForLiveChecks(document: vscode.TextDocument): boolean;
  /** The parse for hovers, which come unasked as the mouse moves: none for a file too large. */
  liveParse(document: vscode.TextDocument): ParseResult | undefined;
  /** Reads whether the file starts with a byte-order mark; true when that changed what asRead gives. */
  learnByteOrderMark(document: vscode.TextDocument): Promise<boolean>;
  /** Where completions' scans of this document can resume (the text before the cursor rarely changes). */
  cursorMemo(document: vscode.TextDocument): JsonCursorMemo;
  /** Whether completions have scanned this document yet. */
  hasCursorMemo(document: vscode.TextDocument): boolean;
}

export function createInputDocuments(): InputDocuments {
  // Weak: a closed document's state goes with it.
  const parses = new WeakMap<vscode.TextDocument, { version: number; parsed: ParseResult }>();
  const memos = new WeakMap<vscode.TextDocument, JsonCursorMemo>();
  const byteOrderMarks = new WeakMap<vscode.TextDocument, boolean>();
  const parsed = (document: vscode.TextDocument) => {
    const hit = parses.get(document);
    if (hit && hit.version === document.version) return hit.parsed;
    const result = parseDocument(document.getText(), formatOf(document));
    parses.set(document, { version: document.version, parsed: result });
    return result;
  };
  // Only JSON: the AWS CLI's YAML reader skips a leading byte-order mark.
  const markCounts = (document: vscode.TextDocument) =>
    formatOf(document) === 'json' && (encodingHasMark(document) ?? byteOrderMarks.get(document) ?? false);
  const tooLargeForLiveChecks = (document: vscode.TextDocument) =>
    documentLength(document) > settings.maxFileSizeForLiveChecks(document);
  return {
    parsed,
    tooLargeForLiveChecks,
    readsWithByteOrderMark: markCounts,
    liveParse: (document) => (tooLargeForLiveChecks(document) ? undefined : parsed(document)),
    asRead(document) {
      if (!markCounts(document)) return { text: document.getText(), parsed: parsed(document) };
      const text = `\ufeff${document.getText()}`;
      return { text, parsed: parseDocument(text, 'json') };
    },
    async learnByteOrderMark(document) {
      if (encodingHasMark(document) !== undefined || document.isUntitled) return false;
      const had = markCounts(document);
      byteOrderMarks.set(document, await fileStartsWithMark(document.uri));
      return markCounts(document) !== had;
    },
    cursorMemo(document) {
      let memo = memos.get(document);
      if (!memo) memos.set(document, (memo = createJsonCursorMemo()));
      return memo;
    },
    hasCursorMemo: (document) => memos.has(document),
  };
}

/** From `TextDocument.encoding` (VS Code 1.100 and later; undefined before): UTF-8 with BOM, or UTF-16 (always with one). */
function encodingHasMark(document: vscode.TextDocument): boolean | undefined {
  const encoding = (document as { encoding?: unknown }).encoding;
  return typeof encoding === 'string' ? encoding === 'utf8bom' || encoding.startsWith('utf16') : undefined;
}

/** Whether the file's first bytes are a UTF-8 or UTF-16 byte-order mark (false when it cannot be read). */
async function fileStartsWithMark(uri: vscode.Uri): Promise<boolean> {
  try {
    const bytes = await firstBytes(uri, 3);
    return (
      (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
      (bytes[0] === 0xff && bytes[1] === 0xfe) ||
      (bytes[0] === 0xfe && bytes[1] === 0xff)
    );
  } catch {
    return false;
  }
}

/** The first `count` bytes of a file: of a local file alone, else the whole file through workspace.fs. */
async function firstBytes(uri: vscode.Uri, count: number): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  const file = await open(uri.fsPath, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(count), 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** The document's length in characters, without building its text (VS Code keeps line lengths). */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
