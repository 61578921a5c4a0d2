// One analysis of an input's text for the editor: the core's, and for a JSON file the AWS CLI
// cannot read, what VS Code's JSON service says of it and the slips a quick fix mends. Made in
// the worker (or, without workers, where the client runs it), so that a syntax error costs the
// extension host no parse of the document. VS Code-free.
import { type ParseError, parse } from 'jsonc-parser';
import {
  analyzeInSteps,
  datasetSchemaOf,
  type Finding,
  type Format,
  type Outline,
  type SchemaField,
  type SyntaxSlip,
  syntaxSlips,
} from '../../core';

/** The language VS Code's JSON service reads a document as: `json` refuses comments, `jsonc` allows them. */
export type JsonLanguage = 'json' | 'jsonc';

export interface AnalysisRequest {
  format: Format;
  byteOrderMark: boolean;
  /** The Users dataset schema's fields, when the document has one. */
  schema?: SchemaField[];
  /** The document's language, when the JSON service reads it (json, jsonc). */
  jsonLanguage?: JsonLanguage;
}

/** What a keystroke waits for: the findings, and what the diagnostics need to show them. */
export interface EditorFindings {
  findings: Finding[];
  /** Only when the AWS CLI cannot read the JSON (a `cli/invalid-json` finding). */
  syntax?: {
    /** The JSON service's parser (jsonc-parser, read as `jsonLanguage`) finds a syntax error too. */
    jsonServiceError: boolean;
    /** The JSON slips in the text (trailing commas, comments, single quotes), for quick fixes. */
    slips: SyntaxSlip[];
  };
}

export type EditorAnalysis = EditorFindings & Outline;

/** The analysis in two steps from one parse (core analyzeInSteps): the findings first, then the outline. */
export function analyzeInStepsForEditor(
  text: string,
  request: AnalysisRequest,
): { findings: EditorFindings; outline(): Outline } {
  const steps = analyzeInSteps(
    text,
    request.format,
    request.byteOrderMark,
    request.schema && datasetSchemaOf(request.schema),
  );
  const findings: EditorFindings = { findings: steps.findings };
  if (request.format === 'json' && steps.findings.some((f) => f.code === 'cli/invalid-json'))
    findings.syntax = {
      jsonServiceError: request.jsonLanguage !== undefined && jsonSyntaxError(text, request.jsonLanguage),
      slips: syntaxSlips(text),
    };
  return { findings, outline: steps.outline };
}

export function analyzeForEditor(text: string, request: AnalysisRequest): EditorAnalysis {
  const { findings, outline } = analyzeInStepsForEditor(text, request);
  return { ...findings, ...outline() };
}

/** Whether jsonc-parser, which the JSON service reads with, finds a syntax error in `text`. */
function jsonSyntaxError(text: string, language: JsonLanguage): boolean {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: language === 'json' });
  return errors.length > 0;
}
