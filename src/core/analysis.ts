// Everything the editor shows of one version of an input, from one parse: the findings and the
// outline. One function of text alone, so it runs as well in a worker thread as in plain Node.
import type { DatasetSchema } from './dataset-schema';
import { outlineOf, type Outline } from './outline';
import { parseDocument } from './parse';
import type { Finding, Format } from './types';
import { findingsOf } from './validate';

export interface DocumentAnalysis extends Outline {
  /** As the AWS CLI would report them, and beyond JSON syntax slips (ValidateOptions.beyondSyntaxSlips). */
  findings: Finding[];
}

/**
 * `byteOrderMark`: the file starts with one that the editor's text lacks (VS Code takes it out).
 * The findings are the AWS CLI's reading of the file; the outline is of the text as shown.
 * `datasetSchema`: the Users dataset's, when known: `properties` is checked against it too.
 */
export function analyzeDocument(
  text: string,
  format: Format,
  byteOrderMark = false,
  datasetSchema?: DatasetSchema,
): DocumentAnalysis {
  const { findings, outline } = analyzeInSteps(text, format, byteOrderMark, datasetSchema);
  return { findings, ...outline() };
}

/**
 * The same, from the same parse, in two steps: the findings, which a keystroke waits for, then
 * the outline, which takes longer to make and to pass between threads (in a 1,000-user file,
 * twenty times the findings' time).
 */
export function analyzeInSteps(
  text: string,
  format: Format,
  byteOrderMark = false,
  datasetSchema?: DatasetSchema,
): { findings: Finding[]; outline(): Outline } {
  const parsed = parseDocument(text, format);
  const asRead = byteOrderMark ? `\ufeff${text}` : text;
  const findings = findingsOf(asRead, format, byteOrderMark ? parseDocument(asRead, format) : parsed, {
    beyondSyntaxSlips: true,
    datasetSchema,
  });
  return { findings, outline: () => outlineOf(text, parsed.root) };
}
