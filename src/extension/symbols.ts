// The outline and breadcrumbs of an input: datasetArn, and users named by their userId (the
// index beside it), each with its properties' keys. From the cached parse, in JSON and YAML alike.
import * as vscode from 'vscode';
import { type DictNode, type Entry, member, type Node } from '../core';
import { type InputDocuments, isPutUsersDocument } from './documents';

/**
 * Users listed in the outline, at most: each edit recomputes it, and VS Code's outline, breadcrumbs
 * and sticky scroll ask for it (VS Code's JSON caps its symbols at 5,000 items, json.maxItemsComputed).
 */
export const MAX_OUTLINE_USERS = 2000;

export const symbolProvider = (documents: InputDocuments): vscode.DocumentSymbolProvider => ({
  provideDocumentSymbols(document) {
    if (!isPutUsersDocument(document)) return [];
    const root = documents.liveParse(document)?.root;
    if (root?.type !== 'dict') return [];
    const range = (from: number, to: number) => new vscode.Range(document.positionAt(from), document.positionAt(to));
    const span = (node: Node) => range(node.start, node.end);
    return root.entries.map((entry) => {
      const name = keyName(document, entry);
      const whole = range(entry.key.start, entry.value.end);
      if (name === 'users' && entry.value.type === 'list') {
        const count = entry.value.items.length;
        const users = new vscode.DocumentSymbol(
          'users',
          count > MAX_OUTLINE_USERS
            ? `${count} users (the first ${MAX_OUTLINE_USERS.toLocaleString('en-US')} listed)`
            : `${count} users`,
          vscode.SymbolKind.Array,
          whole,
          span(entry.key),
        );
        users.children = entry.value.items.slice(0, MAX_OUTLINE_USERS).map((item, i) => userSymbol(item, i, span));
        return users;
      }
      const value = entry.value.type === 'str' ? entry.value.value : '';
      return new vscode.DocumentSymbol(name, value, vscode.SymbolKind.Property, whole, span(entry.key));
    });
  },
});

function userSymbol(item: Node, index: number, span: (node: Node) => vscode.Range): vscode.DocumentSymbol {
  const id = item.type === 'dict' ? member(item, 'userId')?.value : undefined;
  const name = id?.type === 'str' && id.value.trim() !== '' ? id.value : `users[${index}]`;
  const symbol = new vscode.DocumentSymbol(
    name,
    name === `users[${index}]` ? '' : `users[${index}]`,
    vscode.SymbolKind.Object,
    span(item),
    id ? span(id) : span(item),
  );
  if (item.type === 'dict') symbol.children = propertySymbols(item, span);
  return symbol;
}

/** The keys of a user's `properties` string, as one symbol. */
function propertySymbols(user: DictNode, span: (node: Node) => vscode.Range): vscode.DocumentSymbol[] {
  const properties = member(user, 'properties');
  if (properties?.value.type !== 'str') return [];
  let keys: string[] = [];
  try {
    const value: unknown = JSON.parse(properties.value.value);
    if (value && typeof value === 'object' && !Array.isArray(value)) keys = Object.keys(value);
  } catch {
    // not JSON: the diagnostics say so; the outline shows the member without keys
  }
  return [
    new vscode.DocumentSymbol(
      'properties',
      keys.join(', '),
      vscode.SymbolKind.Field,
      span(properties.value).union(span(properties.key)),
      span(properties.key),
    ),
  ];
}

function keyName(document: vscode.TextDocument, entry: Entry): string {
  return entry.key.type === 'str'
    ? entry.key.value
    : document.getText(new vscode.Range(document.positionAt(entry.key.start), document.positionAt(entry.key.end)));
}
