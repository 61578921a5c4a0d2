// Findings as the rules produce them: located by offsets; validate() turns offsets into ranges once.
import type { FindingCode } from '../finding-codes';
import type { Severity } from '../types';
import type { Node, Span } from '../tree';

export interface RawFinding {
  start: number;
  end: number;
  severity: Severity;
  code: FindingCode;
  message: string;
  awsCli?: string;
}

/** Where a finding on `value` points: the value itself, or its key when the value has no text (`userId:` in YAML). */
export function spanOf(value: Node, key?: Node): Span {
  if (value.end > value.start || !key) return { start: value.start, end: value.end };
  return { start: key.start, end: key.end };
}
