// Where a cursor is inside a `properties` string literal: the JSON object it holds is written
// inside another language's string, so its quotes are escaped (`\"` in JSON and YAML
// double-quoted strings) or not (`"` in a YAML single-quoted string, where `''` is a quote of its
// own, and in a YAML block scalar, which has no escapes). Completions need to know whether a key
// or a key's value of that inner object is being typed, and what to replace, in the file's own
// characters.

/** How the inner JSON's characters are written in the outer literal. */
export type LiteralEncoding = 'backslash' | 'single-quoted' | 'block';

export interface PropertiesCursor {
  /**
   * `object`: the literal holds nothing yet (insert a whole object); `in-key`: in a key's quotes
   * (insert the key's name only); `key`: where a key goes, outside quotes (insert `"key": "value"`);
   * `value`: a key's value, typed or to type (the whole value token is replaced, quotes included).
   */
  kind: 'object' | 'in-key' | 'key' | 'value';
  /** Offsets in the file of the text to replace. */
  start: number;
  end: number;
  /** `key`: another member follows, so the insertion ends with a comma. */
  memberAfter?: boolean;
  /** `value`: the key whose value it is. */
  key?: string;
  /** `value`: the spaces the replaced text had before the value, to write again before it. */
  lead?: string;
  /** `in-key` and `key`: the keys the object has already (the one the cursor is in excepted). */
  present?: string[];
}

/** A key of the inner object: its name, and where its string stands (quotes included). */
export interface InnerKey {
  key: string;
  start: number;
  end: number;
}

/**
 * The keys of the inner object (its own, not those of nested values) in the content
 * `contentStart`..`contentEnd` of `text`, in order, duplicates included; for a decoded JSON text,
 * `block` (no escapes of its own).
 */
export function innerKeys(
  text: string,
  contentStart: number,
  contentEnd: number,
  encoding: LiteralEncoding,
): InnerKey[] {
  const keys: InnerKey[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = contentStart; i < contentEnd;) {
    const token = tokenAt(text, i, encoding);
    i = token.end;
    if (token.kind === 'quote') {
      // To the string's closing quote.
      let inner = '';
      let escaped = false;
      let close = -1;
      while (i < contentEnd) {
        const t = tokenAt(text, i, encoding);
        i = t.end;
        if (escaped) escaped = false;
        else if (t.char === '\\') escaped = true;
        else if (t.kind === 'quote') {
          close = t.end;
          break;
        }
        inner += t.kind === 'quote' ? '"' : t.char;
      }
      if (depth === 1 && expectKey && close >= 0) {
        const key = parseKey(inner);
        if (key !== undefined) keys.push({ key, start: token.start, end: close });
      }
      expectKey = false;
    } else if (token.char === '{' || token.char === '[') {
      depth++;
      expectKey = depth === 1 && token.char === '{';
    } else if (token.char === '}' || token.char === ']') depth--;
    else if (token.char === ',' && depth === 1) expectKey = true;
  }
  return keys;
}

type Token = { kind: 'quote' | 'char'; char: string; start: number; end: number };

/** The inner JSON's next character (or escaped quote) at `i` of the outer literal's source. */
function tokenAt(text: string, i: number, encoding: LiteralEncoding): Token {
  const c = text[i]!;
  if (encoding === 'backslash') {
    if (c !== '\\') return { kind: 'char', char: c, start: i, end: i + 1 };
    const next = text[i + 1] ?? '';
    if (next === '"') return { kind: 'quote', char: '"', start: i, end: i + 2 };
    return { kind: 'char', char: next === '\\' ? '\\' : `\\${next}`, start: i, end: i + 2 };
  }
  if (encoding === 'single-quoted' && c === "'" && text[i + 1] === "'")
    return { kind: 'char', char: "'", start: i, end: i + 2 };
  if (c === '"') return { kind: 'quote', char: '"', start: i, end: i + 1 };
  return { kind: 'char', char: c, start: i, end: i + 1 };
}

const WORD = /[\w$-]/;
/** Characters of a bare JSON value being typed: a number, `true`, `null`. */
const BARE = /[\w.+-]/;

/**
 * The cursor at `offset` in the literal whose content spans `contentStart`..`contentEnd` (its
 * quotes excluded) of `text`; undefined where nothing can be completed (after a value, nested).
 */
export function propertiesCursor(
  text: string,
  contentStart: number,
  contentEnd: number,
  offset: number,
  encoding: LiteralEncoding,
): PropertiesCursor | undefined {
  const stack: { kind: '{' | '['; expectKey: boolean }[] = [];
  let inString: { start: number; contentStart: number; isKey: boolean } | undefined;
  let escaped = false;
  let sawAnything = false;
  // The last key read (its inner JSON text), and the value after its colon, once the colon is read.
  let keyText = '';
  let value: { key: string; bareStart?: number } | undefined;
  let i = contentStart;
  while (i < offset) {
    const token = tokenAt(text, i, encoding);
    i = token.end;
    if (inString) {
      if (escaped) escaped = false;
      else if (token.char === '\\') escaped = true;
      else if (token.kind === 'quote') {
        if (inString.isKey) stack[stack.length - 1]!.expectKey = false;
        else value = undefined;
        inString = undefined;
        continue;
      }
      if (inString.isKey) keyText += token.kind === 'quote' ? '"' : token.char;
      continue;
    }
    if (/\s/.test(token.char)) {
      if (value?.bareStart !== undefined) value = undefined; // a bare value ended
      continue;
    }
    sawAnything = true;
    const top = stack[stack.length - 1];
    if (token.kind === 'quote') {
      const isKey = top?.kind === '{' && top.expectKey;
      if (isKey) keyText = '';
      inString = { start: token.start, contentStart: token.end, isKey };
    } else if (token.char === ':' && top?.kind === '{' && !top.expectKey && stack.length === 1) {
      const key = parseKey(keyText);
      value = key === undefined ? undefined : { key };
    } else if (value && BARE.test(token.char)) value.bareStart ??= token.start;
    else {
      value = undefined;
      if (token.char === '{' || token.char === '[') stack.push({ kind: token.char, expectKey: token.char === '{' });
      else if (token.char === '}' || token.char === ']') stack.pop();
      else if (token.char === ',' && top?.kind === '{') top.expectKey = true;
    }
  }
  // The cursor inside an escape or a `''`: no completion splits it.
  if (i > offset) return undefined;
  if (inString) {
    const end = stringEnd(text, offset, contentEnd, escaped, encoding);
    if (!inString.isKey)
      return value && { kind: 'value', key: value.key, start: inString.start, end: end?.close ?? offset };
    const present = innerKeys(text, contentStart, contentEnd, encoding)
      .filter((k) => k.start !== inString!.start)
      .map((k) => k.key);
    return { kind: 'in-key', start: inString.contentStart, end: end?.content ?? contentEnd, present };
  }
  if (value) return valueCursor(text, offset, contentEnd, encoding, value);
  if (!sawAnything && stack.length === 0) {
    const rest = text.slice(offset, contentEnd);
    return /^\s*$/.test(rest) ? { kind: 'object', start: contentStart, end: contentEnd } : undefined;
  }
  const top = stack[stack.length - 1];
  if (top?.kind !== '{' || !top.expectKey) return undefined;
  let start = offset;
  while (start > contentStart && WORD.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < contentEnd && WORD.test(text[end]!)) end++;
  let next = end;
  while (next < contentEnd && /\s/.test(text[next]!)) next++;
  const memberAfter = next < contentEnd && tokenAt(text, next, encoding).kind === 'quote';
  const present = innerKeys(text, contentStart, contentEnd, encoding).map((k) => k.key);
  return { kind: 'key', start, end, ...(memberAfter ? { memberAfter } : {}), present };
}

/** A value position: the bare token around the cursor, or the string that starts at it, is replaced. */
function valueCursor(
  text: string,
  offset: number,
  contentEnd: number,
  encoding: LiteralEncoding,
  value: { key: string; bareStart?: number },
): PropertiesCursor | undefined {
  const start = value.bareStart ?? offset;
  let end = offset;
  while (end < contentEnd && BARE.test(text[end]!)) end++;
  if (end > start) return { kind: 'value', key: value.key, start, end };
  // Nothing typed at the cursor: the value after it (past spaces on the line, kept) is replaced.
  let next = offset;
  while (next < contentEnd && /[ \t]/.test(text[next]!)) next++;
  const lineBreak = /[\r\n]/.test(text[next] ?? '');
  while (next < contentEnd && /\s/.test(text[next]!)) next++;
  if (next >= contentEnd) return { kind: 'value', key: value.key, start, end };
  const token = tokenAt(text, next, encoding);
  const close =
    token.kind === 'quote'
      ? stringEnd(text, token.end, contentEnd, false, encoding)?.close
      : BARE.test(token.char)
        ? next + /^[\w.+-]*/.exec(text.slice(next, contentEnd))![0].length
        : undefined;
  if (close === undefined) return { kind: 'value', key: value.key, start, end }; // a comma, a brace: insert here
  // A value on a later line cannot be replaced from this one (a completion's range is one line).
  if (lineBreak) return undefined;
  return { kind: 'value', key: value.key, start, end: close, lead: text.slice(offset, next) };
}

/** Where the inner string the cursor is in ends: its content, and after its closing quote; undefined when unclosed. */
function stringEnd(
  text: string,
  from: number,
  contentEnd: number,
  escaped: boolean,
  encoding: LiteralEncoding,
): { content: number; close: number } | undefined {
  for (let end = from; end < contentEnd;) {
    const token = tokenAt(text, end, encoding);
    if (escaped) escaped = false;
    else if (token.char === '\\') escaped = true;
    else if (token.kind === 'quote') return { content: end, close: token.end };
    end = token.end;
  }
  return undefined;
}

/** A key's inner JSON text (without its quotes) decoded; undefined when it is not a JSON string yet. */
function parseKey(inner: string): string | undefined {
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return undefined;
  }
}

/**
 * A JSON text (a value's literal, or a key or value in quotes) written in the outer literal's
 * characters. Characters YAML takes for line breaks or refuses in a file (C1 controls, U+2028,
 * U+2029, a BOM) are written as JSON escapes, which decode to the same value.
 */
export function encodeJson(json: string, encoding: LiteralEncoding): string {
  const safe = json.replace(
    /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return encoding === 'backslash'
    ? JSON.stringify(safe).slice(1, -1)
    : encoding === 'single-quoted'
      ? safe.replace(/'/g, "''")
      : safe;
}

/** `s` as the inner JSON's string content, written in the outer literal's characters. */
export function encodeInner(s: string, encoding: LiteralEncoding): string {
  const quote = innerQuote(encoding).length;
  return encodeJson(JSON.stringify(s), encoding).slice(quote, -quote);
}

/** The inner JSON's quote in the outer literal's characters. */
export function innerQuote(encoding: LiteralEncoding): string {
  return encoding === 'backslash' ? '\\"' : '"';
}
