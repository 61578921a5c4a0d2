// A finding located on its file, and the one line every command prints it as.
import type { Finding } from '../core';

export interface FileFinding extends Finding {
  file: string;
}

/** `FILE:LINE:COL: error|warning: message [code]`, 1-based like compilers print. */
export function textLine(f: FileFinding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.code}]`;
}
