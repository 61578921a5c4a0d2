// Offsets ⇄ 0-based line/character, as the VS Code API counts them (UTF-16 code units;
// \n, \r\n and a lone \r end a line).
import type { Position, Range } from './types';

export interface LineIndex {
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
}

export function lineIndex(text: string): LineIndex {
  // Line starts are found on demand, up to the furthest offset asked for: a document with a few
  // findings near its top costs a few lines, not a scan of megabytes.
  const starts = [0];
  const crlfOrCr = text.indexOf('\r') >= 0;
  let scanned = 0; // starts[] is complete for offsets below this
  const scanTo = (offset: number) => {
    if (offset < scanned) return;
    if (!crlfOrCr) {
      let i = text.indexOf('\n', scanned);
      while (i >= 0 && i < offset) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
      scanned = i < 0 ? text.length + 1 : i;
      return;
    }
    let i = scanned;
    for (; i < text.length && i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    scanned = i >= text.length ? text.length + 1 : i;
  };
  const positionAt = (offset: number): Position => {
    let o = Math.max(0, Math.min(offset, text.length));
    // Between the \r and \n of a line end: the end of the line, as VS Code's positionAt says.
    if (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) o--;
    scanTo(o);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  };
  return {
    positionAt,
    rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(Math.max(start, end)) }),
  };
}
