// A YAML `properties` value written over several lines (a literal or folded block scalar, or a
// quoted scalar folded over lines), found from the lines around the cursor as the rest of the YAML
// completion context is (a parse of the whole file is too slow to wait for while typing).
// Completions inside it must leave it one scalar: nothing is inserted into a line's indentation,
// where it would end a block or change its indentation.
import type { LiteralEncoding } from './properties-cursor';

export interface MultiLineProperties {
  /** Content offsets in the file (a block's first content line .. its end; inside the quotes). */
  start: number;
  end: number;
  encoding: LiteralEncoding;
  /** A block with no content yet: an object may be typed at the cursor. */
  empty?: boolean;
}

/** The line starts of `lines` (the text split at `\n`). */
export function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

const PROPERTIES_LINE = /^(\s*)(- )?properties:[ \t]+(.*)$/;
const KEY_LINE = /^\s*(?:- )?[\w-]+:(?:\s|$)/;
const BLOCK_HEADER = /^[|>](?:([1-9])[+-]?|[+-]?([1-9])?)[ \t]*(?:#.*)?$/;

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isBlank = (line: string) => /^[ \t]*$/.test(line);
const chomp = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * The `properties` scalar whose lines after its first hold the cursor (at `column` of `line`),
 * when the cursor is where text may go; `elsewhere` in such a scalar where no text may go;
 * undefined when the line belongs to no such scalar.
 */
export function multiLinePropertiesAt(
  text: string,
  lines: readonly string[],
  starts: readonly number[],
  line: number,
  column: number,
): MultiLineProperties | 'elsewhere' | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const current = chomp(lines[l]!);
    const key = PROPERTIES_LINE.exec(current);
    if (key) {
      const keyIndent = key[1]!.length + (key[2] ? 2 : 0);
      const value = key[3]!;
      const valueStart = starts[l]! + current.length - value.length;
      if (value[0] === '|' || value[0] === '>') return blockAt(lines, starts, l, keyIndent, value, line, column, text);
      if (value[0] === '"' || value[0] === "'") {
        const inLine = chomp(lines[line]!);
        // A continuation line's indentation is stripped: text goes after it, deeper than the key.
        const close = quotedEnd(text, lines, starts, valueStart, keyIndent);
        if (close === undefined || close < starts[line]!) return undefined;
        if (close < starts[line]! + column || column < indentOf(inLine) || column <= keyIndent) return 'elsewhere';
        return { start: valueStart + 1, end: close, encoding: value[0] === "'" ? 'single-quoted' : 'backslash' };
      }
      // A plain scalar's next line, deeper than the key, continues it (no JSON object is plain).
      const inLine = chomp(lines[line]!);
      return !isBlank(inLine) && indentOf(inLine) > keyIndent ? 'elsewhere' : undefined;
    }
    // Another key, an item, or a top-level line: the cursor's line belongs to no properties value.
    if (KEY_LINE.test(current) || /^\s*- /.test(current) || /^\S/.test(current)) return undefined;
  }
  return undefined;
}

/** The offset of the closing quote of the quoted scalar opening at `quote`, within its lines. */
export function quotedEnd(
  text: string,
  lines: readonly string[],
  starts: readonly number[],
  quote: number,
  keyIndent: number,
): number | undefined {
  const q = text[quote];
  let line = starts.findIndex((s, l) => s <= quote && (starts[l + 1] ?? Infinity) > quote);
  for (let i = quote + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      // A line as shallow as the key ends the value: the quote was not closed (still being typed).
      const next = chomp(lines[line] ?? '');
      if (!isBlank(next) && indentOf(next) <= keyIndent) return undefined;
    } else if (q === "'" && c === "'") {
      if (text[i + 1] !== "'") return i;
      i++;
    } else if (q === '"' && c === '\\') i++;
    else if (q === '"' && c === '"') return i;
  }
  return undefined;
}

function blockAt(
  lines: readonly string[],
  starts: readonly number[],
  header: number,
  keyIndent: number,
  value: string,
  line: number,
  column: number,
  text: string,
): MultiLineProperties | 'elsewhere' | undefined {
  const indicator = BLOCK_HEADER.exec(value);
  if (!indicator) return undefined;
  const explicit = indicator[1] ?? indicator[2];
  let first: number | undefined; // the first content line
  for (let l = header + 1; l < lines.length && first === undefined; l++) if (!isBlank(chomp(lines[l]!))) first = l;
  let indent = explicit ? keyIndent + Number(explicit) : first === undefined ? undefined : indentOf(lines[first]!);
  // A line no deeper than the key is no content: the block is empty.
  if (!explicit && indent !== undefined && indent <= keyIndent) indent = first = undefined;
  let end = header + 1;
  while (end < lines.length && (isBlank(chomp(lines[end]!)) || indentOf(lines[end]!) >= (indent ?? Infinity))) end++;
  if (end >= lines.length && lines[lines.length - 1] === '') end = lines.length - 1;
  if (line >= end) return undefined;
  const start = starts[header + 1]!;
  const blockEnd = end < lines.length ? starts[end]! : text.length;
  if (first === undefined || first >= end) {
    // Empty: an object may be typed deeper than the key, no shallower than a blank line above.
    const above = lines.slice(header + 1, line).map((l) => chomp(l).length);
    const at = indent ?? keyIndent + 1;
    if (column < at || above.some((n) => n > column) || !isBlank(chomp(lines[line]!).slice(column))) return 'elsewhere';
    return { start, end: blockEnd, encoding: 'block', empty: true };
  }
  // Above the first content line, only at its indentation (deeper would become the block's own).
  if (column < indent! || (!explicit && line < first && column !== indent)) return 'elsewhere';
  return { start, end: blockEnd, encoding: 'block' };
}
