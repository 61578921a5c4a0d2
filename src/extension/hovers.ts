// Hovers: the member's documentation from the model; on `properties`, the decoded JSON.
import * as vscode from 'vscode';
import { locate, memberAt, memberDoc } from '../core';
import { type InputDocuments, isPutUsersDocument } from './documents';

export const hoverProvider = (documents: InputDocuments): vscode.HoverProvider => ({
  provideHover(document, position) {
    if (!isPutUsersDocument(document)) return undefined;
    const parsed = documents.liveParse(document);
    if (!parsed) return undefined;
    if (!parsed.root) return undefined;
    const { steps } = locate(parsed.root, document.offsetAt(position));
    const member = memberAt(steps);
    const last = steps[steps.length - 1];
    if (!member || !last?.entry) return undefined;
    const text = new vscode.MarkdownString(memberDoc(member));
    const value = last.entry.value;
    if (member.name === 'properties' && value.type === 'str') {
      try {
        text.appendMarkdown('\n\n---\n\nDecoded:\n');
        text.appendCodeblock(JSON.stringify(JSON.parse(value.value), null, 2), 'json');
      } catch {
        text.appendMarkdown('\n\n---\n\n*Not valid JSON.*');
      }
    }
    const range = new vscode.Range(
      document.positionAt(last.entry.key.start),
      document.positionAt(last.entry.value.end),
    );
    return new vscode.Hover(text, range);
  },
});
