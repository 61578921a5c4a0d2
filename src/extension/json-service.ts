// VS Code's own JSON service (the built-in JSON Language Features) reports the syntax errors of
// json and jsonc documents itself, at their cause (a trailing comma at the comma, json(519)).
// Python's json, so the AWS CLI, stops at the same mistakes but says so further on (at the
// bracket after the comma): shown both, one problem would be two diagnostics in two places. So
// where the service reports a syntax error, the CLI's syntax finding is left to it; where it
// reports none, the CLI's is shown (what only Python refuses: a comment in jsonc, a byte order
// mark, 978 levels of nesting, ...).
import * as vscode from 'vscode';

const JSON_SERVICE = 'vscode.json-language-features';

/**
 * Whether the JSON service checks `document`: then a syntax error its parser finds (the analysis
 * says whether it does: analysis/analyze.ts) is shown by it.
 */
export function jsonServiceValidates(document: vscode.TextDocument): boolean {
  return (
    (document.languageId === 'json' || document.languageId === 'jsonc') &&
    vscode.extensions.getExtension(JSON_SERVICE) !== undefined &&
    vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true)
  );
}

/** Whether a diagnostic of a JSON input is the JSON service's: source `json`, or none (its "Comments are not permitted" has none). */
export function isJsonServiceDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === 'json' || diagnostic.source === undefined;
}
