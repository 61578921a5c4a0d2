// The messages that refuse a command, shared by Send File, Send Folder, Copy as AWS CLI Command
// and Refresh Dataset Schema: Restricted Mode, and a file with errors.
import * as vscode from 'vscode';
import { type Finding, plural } from '../core';

/**
 * What goes to AWS is for trusted workspaces only: says so, and true, in Restricted Mode.
 * `what`: the refused feature and what trust would allow.
 */
export function refusedUntrusted(
  what = 'sending is disabled in Restricted Mode. Trust this workspace to send its files to AWS.',
): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window
    .showErrorMessage(`PutUsers: ${what}`, 'Manage Workspace Trust')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
  return true;
}

/** The file's errors, the first of them, and what was therefore not done (`outcome`). */
export function sayInvalid(name: string, errors: readonly Finding[], outcome = 'nothing was sent'): void {
  void vscode.window
    .showErrorMessage(
      `PutUsers: ${name} has ${plural(errors.length, 'error')}: ${outcome}. ${firstProblem(errors)}`,
      'Show Problems',
    )
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
}

/** The first finding, for a message: its line and words. */
export function firstProblem(findings: readonly Finding[]): string {
  const first = findings[0];
  return first ? `First, line ${first.range.start.line + 1}: ${first.message}` : '';
}
