// VS Code's own JSON service (the built-in JSON Language Features) reports the syntax errors of
// json and jsonc documents itself, at their cause (a trailing comma at the comma, json(519)).
// Python's json, so the AWS CLI, stops at the same mistakes but says so further on (at the
// bracket after the comma): shown both, one problem would be two diagnostics in two places. So
// where the service reports a syntax error, the CLI's syntax finding is left to it; where it
// reports none, the CLI's is shown (what only Python refuses: a comment in jsonc, a byte order
// mark, 978 levels of nesting, ...).
import { type ParseError, parse } from 'jsonc-parser';
import * as vscode from 'vscode';

const JSON_SERVICE = 'vscode.json-language-features';

/** Whether the JSON service reports a syntax error in `document` (read the way it reads it). */
export function jsonServiceReportsSyntaxError(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'json' && document.languageId !== 'jsonc') return false;
  if (!vscode.extensions.getExtension(JSON_SERVICE)) return false;
  if (!vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true)) return false;
  const errors: ParseError[] = [];
  parse(document.getText(), errors, { disallowComments: document.languageId === 'json' });
  return errors.length > 0;
}

/** Whether a diagnostic of a JSON input is the JSON service's: source `json`, or none (its "Comments are not permitted" has none). */
export function isJsonServiceDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === 'json' || diagnostic.source === undefined;
}
