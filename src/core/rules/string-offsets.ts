// Maps a range inside a string's decoded value back to the file, so a finding inside
// `properties` underlines the key or value the user wrote, escapes and quotes included, in
// every style: JSON and YAML quoted strings (one line or folded over several), plain scalars,
// and YAML literal (`|`) and folded (`>`) block scalars.
//
// The source is read as units (an escape, `''`, CRLF, or one character), and the decoded value
// is aligned with them: every character that is not whitespace must be its unit's own (so keys,
// values and punctuation map exactly); whitespace that folding, indentation or chomping made or
// took away maps near where it stood. When the alignment fails, the whole value is the answer.
import type { Span, StrNode } from '../tree';

export function decodedToSource(text: string, node: StrNode, from: number, to: number): Span {
  const map = decodedMap(text, node);
  if (!map) return { start: node.start, end: node.end };
  const start = map.starts[Math.min(from, map.starts.length - 1)]!;
  const end = to > from ? map.ends[Math.min(to - 1, map.ends.length - 1)]! : start;
  return { start, end: Math.max(end, start + 1) };
}

/** For each decoded index (and one past the end), where its source starts and ends. */
interface DecodedMap {
  starts: number[];
  ends: number[];
}

// One map per node (a node is of one parse of one text): a check may locate several keys of a string.
const maps = new WeakMap<StrNode, DecodedMap | undefined>();

function decodedMap(text: string, node: StrNode): DecodedMap | undefined {
  if (maps.has(node)) return maps.get(node);
  const map = align(node.value, sourceUnits(text, node));
  maps.set(node, map);
  return map;
}

/** One decoded piece of the source: `char` ('' for an escaped line break) from `start` to `end`. */
interface Unit {
  char: string;
  start: number;
  end: number;
}

/** Whitespace that YAML folds, strips or indents with (NEL and U+2028/9 are line breaks to ruamel). */
const SPACE = /^[ \t\r\n\x85\u2028\u2029]$/;

function sourceUnits(text: string, node: StrNode): Unit[] {
  const open = text[node.start];
  // A block scalar's span starts at its first content line, so a quote there is content.
  const quote = (open === '"' || open === "'") && !/[\r\n]/.test(text[node.start - 1] ?? '') ? open : undefined;
  const from = quote ? node.start + 1 : node.start;
  const to = quote ? node.end - 1 : node.end;
  const units: Unit[] = [];
  for (let i = from; i < to;) {
    const c = text[i]!;
    let unit: Unit;
    if (c === '\r' && text[i + 1] === '\n') unit = { char: '\n', start: i, end: i + 2 };
    else if (quote === "'" && c === "'" && text[i + 1] === "'") unit = { char: "'", start: i, end: i + 2 };
    else if (quote === '"' && c === '\\') unit = escapeAt(text, i);
    else unit = { char: c, start: i, end: i + 1 };
    units.push(unit);
    i = unit.end;
  }
  return units;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** A JSON or YAML double-quoted escape at `i` (a backslash). */
function escapeAt(text: string, i: number): Unit {
  const kind = text[i + 1] ?? '';
  const hex = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  if (hex) {
    const code = parseInt(text.slice(i + 2, i + 2 + hex), 16);
    const char = kind === 'u' ? String.fromCharCode(code) : Number.isNaN(code) ? '' : String.fromCodePoint(code);
    return { char, start: i, end: i + 2 + hex };
  }
  // An escaped line break joins the lines with nothing between them.
  if (kind === '\r' && text[i + 2] === '\n') return { char: '', start: i, end: i + 3 };
  if (kind === '\n' || kind === '\r') return { char: '', start: i, end: i + 2 };
  return { char: ESCAPES[kind] ?? kind, start: i, end: i + 2 };
}

function align(decoded: string, units: readonly Unit[]): DecodedMap | undefined {
  const starts: number[] = [];
  const ends: number[] = [];
  let j = 0;
  for (let i = 0; i < decoded.length;) {
    const unit = units[j];
    if (unit && unit.char !== '' && decoded.startsWith(unit.char, i)) {
      for (let k = 0; k < unit.char.length; k++) {
        starts.push(unit.start);
        ends.push(unit.end);
      }
      i += unit.char.length;
      j++;
    } else if (SPACE.test(decoded[i]!)) {
      // Made by folding or chomping: it stands where the source is.
      const at = unit?.start ?? units[units.length - 1]?.end ?? 0;
      starts.push(at);
      ends.push(at);
      i++;
    } else if (unit && (unit.char === '' || SPACE.test(unit.char)))
      j++; // indentation, a folded line break
    else return undefined;
  }
  const end = units[units.length - 1]?.end ?? 0;
  starts.push(units[j]?.start ?? end);
  ends.push(units[j]?.start ?? end);
  return { starts, ends };
}
