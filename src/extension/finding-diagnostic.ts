// A core finding as a VS Code diagnostic, under the source every PutUsers diagnostic carries (the
// inputs', the schema files', the pasted commands'); code actions pick ours out by it.
import * as vscode from 'vscode';
import type { Finding } from '../core';
import { toRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'PutUsers';

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    toRange(f.range),
    f.message,
    f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = f.code;
  return d;
}
