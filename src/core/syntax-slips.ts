// The JSON slips people make out of JavaScript habit, which Python's json (so the AWS CLI)
// refuses: a trailing comma, a comment, a single-quoted string. Each found with the edit that
// mends it, for quick fixes. A scan of the text that knows strings, not a parse: the file is
// broken when this matters.

export interface SyntaxSlip {
  kind: 'trailing-comma' | 'comment' | 'single-quoted';
  /** Offsets of the text to replace. */
  start: number;
  end: number;
  replacement: string;
}

export function syntaxSlips(text: string): SyntaxSlip[] {
  const slips: SyntaxSlip[] = [];
  let lastComma: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      i = stringEnd(text, i, '"') - 1;
      lastComma = undefined;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? lineEnd(text, i) : blockCommentEnd(text, i);
      // A comment alone on its line goes with its line; after code, with the spaces before it.
      let start = i;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      const alone = start === 0 || text[start - 1] === '\n';
      const removeTo = alone && text[end] === '\n' ? end + 1 : end;
      slips.push({ kind: 'comment', start, end: removeTo, replacement: '' });
      i = end - 1;
    } else if (c === "'") {
      const end = stringEnd(text, i, "'");
      const body = text.slice(i + 1, text[end - 1] === "'" && end - i >= 2 ? end - 1 : end);
      slips.push({ kind: 'single-quoted', start: i, end, replacement: JSON.stringify(unescapeSingle(body)) });
      i = end - 1;
      lastComma = undefined;
    } else if (c === ',') lastComma = i;
    else if ((c === '}' || c === ']') && lastComma !== undefined) {
      slips.push({ kind: 'trailing-comma', start: lastComma, end: lastComma + 1, replacement: '' });
      lastComma = undefined;
    } else if (!/\s/.test(c)) lastComma = undefined;
  }
  return slips;
}

/** A text with its slips mended, and where an offset of it was in the original. */
export interface MendedText {
  text: string;
  /** An offset of `text` in the original; `side` says whether it starts or ends a range. */
  originalOffset(offset: number, side: 'start' | 'end'): number;
}

/**
 * The text with every slip mended, so that findings on it can be located in the original. An
 * offset inside a mended string maps to the same character when the quotes were all that changed,
 * else to the whole string (its escapes moved the characters); any other offset to its own place.
 * Undefined when there is no slip.
 */
export function mendSlips(text: string): MendedText | undefined {
  // A trailing comma is found at its bracket, after a comment that follows it: mend in text order.
  const slips = syntaxSlips(text).sort((a, b) => a.start - b.start);
  if (slips.length === 0) return undefined;
  const parts: string[] = [];
  // Per slip: where its replacement starts in the mended text, and the shift of what follows.
  const starts: number[] = [];
  let done = 0;
  let length = 0;
  for (const slip of slips) {
    parts.push(text.slice(done, slip.start), slip.replacement);
    length += slip.start - done;
    starts.push(length);
    length += slip.replacement.length;
    done = slip.end;
  }
  parts.push(text.slice(done));
  const originalOffset = (offset: number, side: 'start' | 'end') => {
    // The last slip whose replacement starts at or before the offset.
    let lo = 0;
    let hi = slips.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Where removed text was, a range's end stays before it and a start goes after it.
    while (
      side === 'end' &&
      at > 0 &&
      starts[at] === offset &&
      starts[at - 1]! + slips[at - 1]!.replacement.length === offset
    )
      at--;
    if (at < 0) return offset;
    const slip = slips[at]!;
    const into = offset - starts[at]!;
    const length = slip.replacement.length;
    if (into > length) return slip.end + (into - length);
    if (into === length && (length > 0 || side === 'start')) return slip.end;
    if (into === 0) return slip.start;
    const sameCharacters =
      slip.replacement.length === slip.end - slip.start && !text.slice(slip.start, slip.end).includes('\\');
    if (sameCharacters) return slip.start + into;
    return side === 'start' ? slip.start : slip.end;
  };
  return { text: parts.join(''), originalOffset };
}

function stringEnd(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
    else if (text[i] === '\n') return i;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function blockCommentEnd(text: string, from: number): number {
  const end = text.indexOf('*/', from + 2);
  return end < 0 ? text.length : end + 2;
}

/** A JavaScript single-quoted string's body as the value it means (`\'` a quote, `"` as it is). */
function unescapeSingle(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (all, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"', '/': '/' }[e] ?? all;
  });
}
