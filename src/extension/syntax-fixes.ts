// Quick fixes for the JSON slips Python's json refuses (core/syntax-slips.ts): on a syntax
// diagnostic, ours or the JSON service's, each slip on its lines (and the line before: Python
// reports a trailing comma at the bracket after it) gets its fix, and "all of them" when several.
import * as vscode from 'vscode';
import type { SyntaxSlip } from '../core';
import { DIAGNOSTIC_SOURCE } from './finding-diagnostic';
import { isJsonServiceDiagnostic } from './json-service';

const TITLES: Record<SyntaxSlip['kind'], string> = {
  'trailing-comma': 'Remove the trailing comma (JSON has none)',
  comment: 'Remove the comment (the AWS CLI reads no comments in JSON)',
  'single-quoted': 'Use double quotes (JSON strings have no single quotes)',
};

export function isSyntaxDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return (
    (diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === 'cli/invalid-json') ||
    isJsonServiceDiagnostic(diagnostic)
  );
}

/** `slips`: the document's (syntaxSlips of its text), from its analysis. */
export function syntaxFixes(
  document: vscode.TextDocument,
  diagnostics: readonly vscode.Diagnostic[],
  slips: readonly SyntaxSlip[],
): vscode.CodeAction[] {
  const range = (s: SyntaxSlip) => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end));
  // Each slip on a diagnostic's lines, with the diagnostics it explains.
  const near = new Map<SyntaxSlip, vscode.Diagnostic[]>();
  for (const diagnostic of diagnostics)
    for (const slip of slips) {
      const line = document.positionAt(slip.start).line;
      if (line >= diagnostic.range.start.line - 1 && line <= diagnostic.range.end.line)
        near.set(slip, [...(near.get(slip) ?? []), diagnostic]);
    }
  const actions = [...near].map(([slip, explained]) => {
    const action = new vscode.CodeAction(TITLES[slip.kind], vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, range(slip), slip.replacement);
    action.diagnostics = explained;
    action.isPreferred = near.size === 1;
    return action;
  });
  if (slips.length > 1 && actions.length > 0) {
    const all = new vscode.CodeAction(`Fix all ${slips.length} JSON slips in the file`, vscode.CodeActionKind.QuickFix);
    all.edit = new vscode.WorkspaceEdit();
    for (const slip of slips) all.edit.replace(document.uri, range(slip), slip.replacement);
    all.diagnostics = [...diagnostics];
    actions.push(all);
  }
  return actions;
}
