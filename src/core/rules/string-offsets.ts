// Maps a range inside a string's decoded value back to the file, so a finding inside
// `properties` underlines the key or value the user wrote, escapes and quotes included.
import type { Span, StrNode } from '../tree';

export function decodedToSource(text: string, node: StrNode, from: number, to: number): Span {
  const open = text[node.start];
  const quoted = open === '"' || open === "'";
  const rawStart = quoted ? node.start + 1 : node.start;
  const raw = text.slice(rawStart, quoted ? node.end - 1 : node.end);
  const map =
    raw === node.value ? null : open === '"' ? escapeMap(raw) : open === "'" ? singleQuoteMap(raw) : undefined;
  if (map === undefined) return { start: node.start, end: node.end }; // folded or block scalar: the whole value
  const toSource = (d: number) => rawStart + (map ? (map[Math.min(d, map.length - 1)] ?? raw.length) : d);
  return { start: toSource(from), end: Math.max(toSource(to), toSource(from) + 1) };
}

/** decoded index → raw index, for JSON and YAML double-quoted escapes; undefined when lines fold. */
function escapeMap(raw: string): number[] | undefined {
  if (/[\r\n]/.test(raw)) return undefined;
  const map: number[] = [];
  for (let s = 0; s < raw.length;) {
    if (raw[s] !== '\\') {
      map.push(s++);
      continue;
    }
    const kind = raw[s + 1];
    const width = kind === 'u' ? 6 : kind === 'x' ? 4 : kind === 'U' ? 10 : 2;
    const units = kind === 'U' && parseInt(raw.slice(s + 2, s + 10), 16) > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) map.push(s);
    s += width;
  }
  map.push(raw.length);
  return map;
}

function singleQuoteMap(raw: string): number[] | undefined {
  if (/[\r\n]/.test(raw)) return undefined;
  const map: number[] = [];
  for (let s = 0; s < raw.length; s++) {
    map.push(s);
    if (raw[s] === "'" && raw[s + 1] === "'") s++;
  }
  map.push(raw.length);
  return map;
}
