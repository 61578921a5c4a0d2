// Offsets ⇄ 0-based line/character, as the VS Code API counts them (UTF-16 code units;
// \n, \r\n and a lone \r end a line).
import type { Position, Range } from './types';

export interface LineIndex {
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
  offsetAt(position: Position): number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case, with the native search: only \n ends lines.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
  }
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
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
    offsetAt: ({ line, character }) => {
      if (line >= starts.length) return text.length;
      return Math.min((starts[Math.max(0, line)] ?? 0) + character, text.length);
    },
  };
}
