// JSON ⇄ YAML conversion of whole input files, keeping every value's meaning to the CLI.
import { RecursiveValueError, toText } from './emit';
import { parseDocument } from './parse';
import { lineIndex } from './positions';
import type { Format, Range } from './types';

export type Conversion = { text: string } | { error: { message: string; range: Range } };

export function convertDocument(text: string, from: Format, to: Format): Conversion {
  const parsed = parseDocument(text, from);
  if (parsed.error) {
    return {
      error: {
        message: `Cannot convert: ${parsed.error.message}`,
        range: lineIndex(text).rangeOf(parsed.error.start, parsed.error.end),
      },
    };
  }
  if (!parsed.root) return { text: '{}\n' }; // an empty document: an empty mapping, in either format
  try {
    return { text: toText(parsed.root, to) };
  } catch (e) {
    if (!(e instanceof RecursiveValueError)) throw e;
    return {
      error: {
        message: `Cannot convert: ${e.message}`,
        range: lineIndex(text).rangeOf(parsed.root.start, parsed.root.start + 1),
      },
    };
  }
}
