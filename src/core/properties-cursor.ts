// Where a cursor is inside a `properties` string literal: the JSON object it holds is written
// inside another language's string, so its quotes are escaped (`\"` in JSON and YAML
// double-quoted strings) or not (`"` in a YAML single-quoted string, where `''` is a quote of its
// own). Completions need to know whether a key of that inner object is being typed, and what to
// replace, in the file's own characters.

/** How the inner JSON's characters are written in the outer literal. */
export type LiteralEncoding = 'backslash' | 'single-quoted';

export interface PropertiesCursor {
  /**
   * `object`: the literal holds nothing yet (insert a whole object); `in-key`: in a key's quotes
   * (insert the key's name only); `key`: where a key goes, outside quotes (insert `"key": "value"`).
   */
  kind: 'object' | 'in-key' | 'key';
  /** Offsets in the file of the text to replace. */
  start: number;
  end: number;
  /** `key`: another member follows, so the insertion ends with a comma. */
  memberAfter?: boolean;
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
  if (c === "'" && text[i + 1] === "'") return { kind: 'char', char: "'", start: i, end: i + 2 };
  if (c === '"') return { kind: 'quote', char: '"', start: i, end: i + 1 };
  return { kind: 'char', char: c, start: i, end: i + 1 };
}

const WORD = /[\w$-]/;

/**
 * The cursor at `offset` in the literal whose content spans `contentStart`..`contentEnd` (its
 * quotes excluded) of `text`; undefined where no key can be completed (in a value, after a value).
 */
export function propertiesCursor(
  text: string,
  contentStart: number,
  contentEnd: number,
  offset: number,
  encoding: LiteralEncoding,
): PropertiesCursor | undefined {
  const stack: { kind: '{' | '['; expectKey: boolean }[] = [];
  let inString: { contentStart: number; isKey: boolean } | undefined;
  let escaped = false;
  let sawAnything = false;
  for (let i = contentStart; i < offset;) {
    const token = tokenAt(text, i, encoding);
    i = token.end;
    if (inString) {
      if (escaped) escaped = false;
      else if (token.char === '\\') escaped = true;
      else if (token.kind === 'quote') {
        if (inString.isKey) stack[stack.length - 1]!.expectKey = false;
        inString = undefined;
      }
      continue;
    }
    if (!/\s/.test(token.char)) sawAnything = true;
    const top = stack[stack.length - 1];
    if (token.kind === 'quote') inString = { contentStart: token.end, isKey: top?.kind === '{' && top.expectKey };
    else if (token.char === '{' || token.char === '[') stack.push({ kind: token.char, expectKey: token.char === '{' });
    else if (token.char === '}' || token.char === ']') stack.pop();
    else if (token.char === ',' && top?.kind === '{') top.expectKey = true;
  }
  if (inString) {
    if (!inString.isKey) return undefined;
    let end = offset;
    for (let escapedAfter = escaped; end < contentEnd;) {
      const token = tokenAt(text, end, encoding);
      if (escapedAfter) escapedAfter = false;
      else if (token.char === '\\') escapedAfter = true;
      else if (token.kind === 'quote') break;
      end = token.end;
    }
    return { kind: 'in-key', start: inString.contentStart, end };
  }
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
  return { kind: 'key', start, end, ...(memberAfter ? { memberAfter } : {}) };
}

/** `s` as the inner JSON's string content, written in the outer literal's characters. */
export function encodeInner(s: string, encoding: LiteralEncoding): string {
  const inner = JSON.stringify(s).slice(1, -1);
  return encoding === 'backslash' ? JSON.stringify(inner).slice(1, -1) : inner.replace(/'/g, "''");
}

/** The inner JSON's quote in the outer literal's characters. */
export function innerQuote(encoding: LiteralEncoding): string {
  return encoding === 'backslash' ? '\\"' : '"';
}
