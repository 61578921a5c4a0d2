// Hovers: the member's documentation from the model; on `properties`, the decoded JSON; on a key
// inside `properties`, its field of the Users dataset's schema when the file has one.
import * as vscode from 'vscode';
import { locate, memberAt, memberDoc, propertyKeyAt, type SchemaField } from '../core';
import type { Ctx } from './context';
import { isPutUsersDocument } from './documents';

export const hoverProvider = ({ documents, schemas }: Ctx): vscode.HoverProvider => ({
  async provideHover(document, position) {
    if (!isPutUsersDocument(document)) return undefined;
    const parsed = documents.liveParse(document);
    if (!parsed?.root) return undefined;
    const offset = document.offsetAt(position);
    const { steps } = locate(parsed.root, offset);
    const member = memberAt(steps);
    const last = steps[steps.length - 1];
    if (!member || !last?.entry) return undefined;
    const value = last.entry.value;
    const range = new vscode.Range(
      document.positionAt(last.entry.key.start),
      document.positionAt(last.entry.value.end),
    );
    if (member.name === 'properties' && value.type === 'str') {
      const key = offset >= value.start ? propertyKeyAt(document.getText(), value, offset) : undefined;
      const field =
        key === undefined ? undefined : (await schemas.forDocument(document))?.fields?.find((f) => f.key === key);
      if (field) return new vscode.Hover(fieldDoc(field));
    }
    const text = new vscode.MarkdownString(memberDoc(member));
    if (member.name === 'properties' && value.type === 'str') {
      try {
        text.appendMarkdown('\n\n---\n\nDecoded:\n');
        text.appendCodeblock(JSON.stringify(JSON.parse(value.value), null, 2), 'json');
      } catch {
        text.appendMarkdown('\n\n---\n\n*Not valid JSON.*');
      }
    }
    return new vscode.Hover(text, range);
  },
});

function fieldDoc(field: SchemaField): vscode.MarkdownString {
  const type = `\`${field.type}\`${field.nullable ? ' or `null` (may be left out)' : ''}`;
  return new vscode.MarkdownString(
    `**${field.key}**: the field \`${field.name}\` of the Users dataset's schema, ${type}` +
      (field.categorical ? '; categorical: several categories separated by `|`, at most 1000 characters.' : '.'),
  );
}
