// The users the service rejected, as diagnostics on the file sent (the service's own message on
// each user's userId) until the file is edited or sent again: the report names them by index,
// this puts them where they are.
import * as vscode from 'vscode';
import { member, usersList, type ParseResult } from '../../core';
import type { SendReport } from '../../send';
import { reasonNotIn } from '../../send/report';

export const REJECTED_SOURCE = 'PutUsers (service)';

export interface RejectedUsers {
  show(document: vscode.TextDocument, parsed: ParseResult, report: SendReport): void;
  clear(uri: vscode.Uri): void;
}

export function registerRejectedUsers(subscriptions: vscode.Disposable[]): RejectedUsers {
  const collection = vscode.languages.createDiagnosticCollection('putusers-rejected');
  subscriptions.push(
    collection,
    // The file changed: the indexes the service answered about may no longer be those users.
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && collection.delete(e.document.uri)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
  return {
    show(document, parsed, report) {
      const users = usersList(parsed.root)?.items ?? [];
      const diagnostics = report.notIn.flatMap((u) => {
        const user = users[u.index];
        if (u.status !== 'rejected' || !user) return [];
        const at = (user.type === 'dict' && member(user, 'userId')?.value) || user;
        const range = new vscode.Range(document.positionAt(at.start), document.positionAt(at.end));
        const d = new vscode.Diagnostic(
          range,
          `The service rejected users[${u.index}]: ${reasonNotIn(u)}`,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = REJECTED_SOURCE;
        if (u.code) d.code = u.code;
        return [d];
      });
      collection.set(document.uri, diagnostics);
    },
    clear: (uri) => collection.delete(uri),
  };
}
