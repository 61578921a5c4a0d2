// What a completion at a cursor is about, and exactly which characters it replaces, in JSON and
// YAML that may be half-typed. Every completion must leave a file that parsed still parsing, so
// the context carries what the insertion needs around it: a key alone when a colon follows, a
// comma when another member follows, the whole value token (quotes included) a value replaces.
import { jsonCursor, type JsonCursorMemo } from './json-cursor';
import { type LiteralEncoding, propertiesCursor, type PropertiesCursor } from './properties-cursor';
import type { Format } from './types';
import { lineStarts, multiLinePropertiesAt, quotedEnd } from './yaml-properties-scalar';

export type CompletionContext =
  | {
      /** Where a member's key goes, in the mapping at `path` (segments from the root). */
      kind: 'key';
      path: (string | number)[];
      /** Keys the mapping has already. */
      present: string[];
      start: number;
      end: number;
      /** A colon follows what is replaced: insert the key's name alone. */
      keyOnly: boolean;
      /** JSON: another member follows: end the insertion with a comma. */
      memberAfter: boolean;
    }
  | {
      /** A value: `start`..`end` is the whole value token at the cursor (quotes included). */
      kind: 'value';
      path: (string | number)[];
      start: number;
      end: number;
      /** YAML: the colon has no space after it yet, and a value needs one. */
      spaceBefore?: boolean;
      /**
       * The cursor is inside a closed quoted string: `start`..`end` is its content alone, to write
       * in that quote's escapes. A snippet's placeholder between the quotes then holds the whole
       * edit, so the snippet's next tab stop survives accepting a value there.
       */
      quote?: '"' | "'";
    }
  | {
      /** Inside a user's `properties` string literal. */
      kind: 'properties';
      /** The user's index. */
      user: number;
      encoding: LiteralEncoding;
      cursor: PropertiesCursor;
      /** YAML `properties:` with no value yet: the insertion brings its own (single-quoted) literal. */
      newLiteral?: boolean;
      spaceBefore?: boolean;
    };

export function completionContext(
  text: string,
  offset: number,
  format: Format,
  memo?: JsonCursorMemo,
): CompletionContext | undefined {
  return format === 'json' ? jsonContext(text, offset, memo) : yamlContext(text, offset);
}

/** Characters of an unquoted token: a half-typed key, `true`, a number, an ARN typed without quotes. */
const BARE = /[\w$:/.+-]/;

function jsonContext(text: string, offset: number, memo?: JsonCursorMemo): CompletionContext | undefined {
  const cursor = jsonCursor(text, offset, memo);
  if (cursor.atKey) {
    const { start, end } = cursor.inString ?? bareTokenAround(text, offset);
    const after = nextNonSpace(text, end);
    return {
      kind: 'key',
      path: cursor.path,
      present: cursor.keys,
      start,
      end,
      keyOnly: text[after] === ':',
      memberAfter: text[after] === '"',
    };
  }
  if (cursor.valueKey === undefined) return undefined;
  const path = [...cursor.path, cursor.valueKey];
  const literal = cursor.inString ?? (text[offset] === '"' ? stringAt(text, offset) : undefined);
  if (isPropertiesPath(path)) {
    if (!cursor.inString) return undefined;
    const closed = literal!.end - literal!.start >= 2 && text[literal!.end - 1] === '"';
    const inner = propertiesCursor(
      text,
      literal!.start + 1,
      closed ? literal!.end - 1 : literal!.end,
      offset,
      'backslash',
    );
    return inner && { kind: 'properties', user: path[1] as number, encoding: 'backslash', cursor: inner };
  }
  const token = literal ?? bareTokenAround(text, offset);
  // Only where a value goes: after the colon, not after a value already there.
  if (text[previousNonSpace(text, token.start)] !== ':') return undefined;
  if (cursor.inString && closedString(text, token))
    return { kind: 'value', path, start: token.start + 1, end: token.end - 1, quote: '"' };
  return { kind: 'value', path, ...token };
}

const isPropertiesPath = (path: (string | number)[]) =>
  path.length === 3 && path[0] === 'users' && typeof path[1] === 'number' && path[2] === 'properties';

const closedString = (text: string, { start, end }: { start: number; end: number }) =>
  end - start >= 2 && text[end - 1] === text[start];

/** The string literal starting at `quote` (to its closing quote, or the line's end). */
function stringAt(text: string, quote: number): { start: number; end: number } {
  let i = quote + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return { start: quote, end: text[i] === '"' ? i + 1 : Math.min(i, text.length) };
}

export function bareTokenAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && BARE.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && BARE.test(text[end]!)) end++;
  return { start, end };
}

export function previousNonSpace(text: string, before: number): number {
  let i = before - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

export function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * YAML: judged from the lines around the cursor (while typing, the document rarely parses; and a
 * parse of 10,000 users is too slow to wait for).
 */
function yamlContext(text: string, offset: number): CompletionContext | undefined {
  if (text[offset - 1] === '\r' && text[offset] === '\n') return undefined; // inside a CRLF
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const before = text.slice(lineStart, offset);
  // The lines once: the key and value rules below look up and down from the cursor's line.
  const lines = text.split('\n');
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  const starts = lineStarts(lines);
  // A line of a properties value over several lines (a block scalar, a folded quoted scalar).
  const multiLine = multiLinePropertiesAt(text, lines, starts, line, offset - lineStart);
  if (multiLine === 'elsewhere') return undefined;
  if (multiLine) {
    const user = yamlUserIndex(lines, line, false);
    const { encoding } = multiLine;
    if (multiLine.empty)
      return { kind: 'properties', user, encoding, cursor: { kind: 'object', start: offset, end: offset } };
    const cursor = propertiesCursor(text, multiLine.start, multiLine.end, offset, encoding);
    // A block's whole content is no object to replace: its line breaks keep the YAML around it.
    return cursor && cursor.kind !== 'object' ? { kind: 'properties', user, encoding, cursor } : undefined;
  }
  const key = /^(\s*)(- )?([\w-]*)$/.exec(before);
  if (key) {
    let end = offset;
    while (end < lineEnd && /[\w-]/.test(text[end]!)) end++;
    const start = offset - key[3]!.length;
    const after = text.slice(end, lineEnd);
    const keyOnly = /^\s*:(\s|$)/.test(after);
    // Text after the cursor that is not this key's colon: a key inserted here would split the line.
    if (!keyOnly && !/^\s*(#.*)?$/.test(after)) return undefined;
    const indent = key[1]!.length + (key[2] ? 2 : 0);
    const base = { kind: 'key' as const, start, end, keyOnly, memberAfter: false };
    if (indent === 0) {
      const present = [...text.matchAll(/^([\w-]+):/gm)].map((m) => m[1]!).filter((k, i, all) => all.indexOf(k) === i);
      return { ...base, path: [], present: keyOnly ? present.filter((k) => k !== text.slice(start, end)) : present };
    }
    // A key of a user is indented as the item's first key is; elsewhere it would belong to nothing.
    if (!key[2] && indent !== yamlItemKeyIndent(lines, line)) return undefined;
    // A line that starts an item (`- `) has only the keys below it; another line, its item's.
    const keys = key[2] ? yamlKeysBelow(lines, line) : yamlItemKeys(lines, line);
    const present = [...keys].filter((k) => k !== text.slice(start, end));
    return { ...base, path: ['users', yamlUserIndex(lines, line, !!key[2])], present };
  }
  const value = /^(\s*(?:- )?(datasetArn|properties):[ \t]*)/.exec(before);
  if (!value) return undefined;
  const valueStart = lineStart + value[1]!.length;
  const valueEnd = lineStart + yamlValueEnd(text.slice(lineStart, lineEnd), value[1]!.length);
  const spaceBefore = text[valueStart - 1] === ':' ? { spaceBefore: true } : {};
  if (value[2] === 'datasetArn') {
    const token = { start: valueStart, end: valueEnd };
    const q = text[valueStart];
    if ((q === '"' || q === "'") && offset > valueStart && offset < valueEnd && closedString(text, token))
      return { kind: 'value', path: ['datasetArn'], start: valueStart + 1, end: valueEnd - 1, quote: q };
    return { kind: 'value', path: ['datasetArn'], ...token, ...spaceBefore };
  }
  const user = yamlUserIndex(lines, line, false);
  const quote = text[valueStart];
  if (valueStart === valueEnd)
    return {
      kind: 'properties',
      user,
      encoding: 'single-quoted',
      cursor: { kind: 'object', start: valueStart, end: valueEnd },
      newLiteral: true,
      ...spaceBefore,
    };
  if ((quote !== "'" && quote !== '"') || offset <= valueStart) return undefined;
  const encoding: LiteralEncoding = quote === "'" ? 'single-quoted' : 'backslash';
  const closed = valueEnd - valueStart >= 2 && text[valueEnd - 1] === quote;
  if (closed && offset >= valueEnd) return undefined;
  // Not closed on its line: it may be folded over the lines below (else it is being typed).
  const keyIndent = /^\s*(?:- )?/.exec(value[1]!)![0].length;
  const contentEnd = closed ? valueEnd - 1 : (quotedEnd(text, lines, starts, valueStart, keyIndent) ?? valueEnd);
  const cursor = propertiesCursor(text, valueStart + 1, contentEnd, offset, encoding);
  return cursor && { kind: 'properties', user, encoding, cursor };
}

/** Where a one-line YAML value starting at `from` ends: a quoted scalar's closing quote, or before a comment. */
function yamlValueEnd(line: string, from: number): number {
  const quote = line[from];
  if (quote === "'" || quote === '"') {
    for (let i = from + 1; i < line.length; i++) {
      if (quote === "'" && line[i] === "'") {
        if (line[i + 1] === "'") i++;
        else return i + 1;
      } else if (quote === '"' && line[i] === '\\') i++;
      else if (quote === '"' && line[i] === '"') return i + 1;
    }
    return line.length;
  }
  const rest = line.slice(from);
  const comment = rest.search(/(^|\s)#/);
  return from + (comment < 0 ? rest : rest.slice(0, comment)).trimEnd().length;
}

/** A line that starts an item (`- `) or a top-level key ends the item above it. */
const endsItem = (text: string) => /^\s*- /.test(text) || /^\S/.test(text);
const keyOfLine = (text: string) => /^\s*(?:- )?([\w-]+):/.exec(text)?.[1];

/** The keys on the lines below `line`, down to the next item. */
function yamlKeysBelow(lines: readonly string[], line: number): Set<string> {
  const keys = new Set<string>();
  for (let l = line + 1; l < lines.length && !endsItem(lines[l]!); l++) {
    const k = keyOfLine(lines[l]!);
    if (k) keys.add(k);
  }
  return keys;
}

/** The keys of the `- ` item a line belongs to: up to the item's first line, and down to the next item. */
function yamlItemKeys(lines: readonly string[], line: number): Set<string> {
  const keys = yamlKeysBelow(lines, line);
  for (let l = line - 1; l >= 0; l--) {
    const k = keyOfLine(lines[l]!);
    if (k) keys.add(k);
    if (endsItem(lines[l]!)) break;
  }
  return keys;
}

/** The column of the keys of the `- ` item above `line` (undefined when there is none). */
function yamlItemKeyIndent(lines: readonly string[], line: number): number | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const item = /^(\s*)- /.exec(lines[l]!);
    if (item) return item[1]!.length + 2;
    if (/^\S/.test(lines[l]!)) return undefined;
  }
  return undefined;
}

/** The index of the user item a YAML line belongs to: the `- ` items above it (a new one if `startsItem`). */
function yamlUserIndex(lines: readonly string[], line: number, startsItem: boolean): number {
  let items = 0;
  for (let l = 0; l < line; l++) if (/^\s*- /.test(lines[l]!)) items++;
  return startsItem ? items : Math.max(0, items - 1);
}
