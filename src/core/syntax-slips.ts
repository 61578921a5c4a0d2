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
