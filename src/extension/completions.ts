// Completions in JSON and YAML: the members a mapping still lacks (with their docs), a whole
// user, dataset ARNs (a template and those used in the workspace), and, inside a `properties`
// string, the property keys the file's other users have.
import * as vscode from 'vscode';
import {
  type Format,
  jsonCursor,
  type Member,
  member as memberEntry,
  PUT_USERS_REQUEST,
  usersList,
  type StructureShape,
} from '../core';
import type { Ctx } from './context';
import { formatOf, type InputDocuments, isPutUsersDocument } from './documents';
import { memberDoc, structureAt } from './model-paths';
import type { DatasetArnIndex } from './workspace-arns';

const ARN_TEMPLATE = 'arn:aws:personalize:${1:region}:${2:account}:dataset/${3:group}/USERS';

/** Where the cursor is, whatever the format: completing a key of the mapping at `path`, or a value at `path`. */
interface Context {
  kind: 'key' | 'value';
  path: (string | number)[];
  /** Keys the mapping already has. */
  present: Set<string>;
  /** The text to replace (a partly typed key or value). */
  replace: vscode.Range;
}

export const completionProvider = ({ documents, datasetArns }: Ctx): vscode.CompletionItemProvider => ({
  async provideCompletionItems(document, position) {
    if (!isPutUsersDocument(document)) return undefined;
    const format = formatOf(document);
    const context = format === 'json' ? jsonContext(documents, document, position) : yamlContext(document, position);
    if (!context) return undefined;
    if (context.kind === 'key') {
      const shape = structureAt(context.path);
      return shape ? memberItems(shape, context, format) : undefined;
    }
    const [first, , third] = context.path;
    if (context.path.length === 1 && first === 'datasetArn') return arnItems(datasetArns, context, format);
    if (context.path.length === 3 && first === 'users' && third === 'properties')
      return propertyKeyItems(documents, document, context);
    return undefined;
  },
});

function memberItems(shape: StructureShape, context: Context, format: Format): vscode.CompletionItem[] {
  const items = shape.members
    .filter((m) => !context.present.has(m.name))
    .map((m) => {
      const item = new vscode.CompletionItem(m.name, vscode.CompletionItemKind.Property);
      item.documentation = new vscode.MarkdownString(memberDoc(m));
      item.detail = m.required ? 'required' : 'optional';
      item.insertText = new vscode.SnippetString(memberSnippet(m, format));
      item.range = context.replace;
      item.sortText = (m.required ? '0' : '1') + m.name;
      return item;
    });
  return items;
}

function memberSnippet(m: Member, format: Format): string {
  const key = format === 'json' ? `"${m.name}": ` : `${m.name}: `;
  if (m.shape.kind === 'list')
    return format === 'json' ? `${key}[\n\t{\n\t\t"userId": "$1"\n\t}\n]` : `${key}\n- userId: $1`;
  if (m.name === 'datasetArn') return format === 'json' ? `${key}"${ARN_TEMPLATE}"` : `${key}${ARN_TEMPLATE}`;
  if (m.name === 'properties')
    return format === 'json'
      ? `${key}"{\\\\"\${1:key}\\\\": \\\\"\${2:value}\\\\"}"`
      : `${key}'{"\${1:key}": "\${2:value}"}'`;
  return format === 'json' ? `${key}"$1"` : `${key}$1`;
}

async function arnItems(
  datasetArns: DatasetArnIndex,
  context: Context,
  format: Format,
): Promise<vscode.CompletionItem[]> {
  const quote = (s: string) => (format === 'json' ? `"${s}"` : s);
  const template = new vscode.CompletionItem(
    'arn:aws:personalize:…:dataset/…/USERS',
    vscode.CompletionItemKind.Snippet,
  );
  template.insertText = new vscode.SnippetString(quote(ARN_TEMPLATE));
  template.range = context.replace;
  template.documentation = new vscode.MarkdownString(memberDoc(PUT_USERS_REQUEST.members[0]!));
  const used = (await datasetArns.known()).map((arn) => {
    const item = new vscode.CompletionItem(arn, vscode.CompletionItemKind.Value);
    item.insertText = quote(arn);
    item.range = context.replace;
    item.detail = 'used in this workspace';
    return item;
  });
  return [...used, template];
}

/** The keys other users of this file put in their `properties`. */
function propertyKeyItems(
  documents: InputDocuments,
  document: vscode.TextDocument,
  context: Context,
): vscode.CompletionItem[] {
  const keys = new Set<string>();
  const users = usersList(documents.parsed(document).root);
  if (users) {
    users.items.forEach((user, i) => {
      if (i === context.path[1] || user.type !== 'dict') return;
      const props = memberEntry(user, 'properties')?.value;
      if (props?.type !== 'str') return;
      try {
        Object.keys(JSON.parse(props.value) as object).forEach((k) => keys.add(k));
      } catch {
        // an invalid properties string has no keys to offer
      }
    });
  }
  const escape = formatOf(document) === 'json' ? '\\"' : '"';
  return [...keys].map((key) => {
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Field);
    item.insertText = `${escape}${key}${escape}: `;
    item.detail = 'property of other users in this file';
    return item;
  });
}

/**
 * Records the scan checkpoints of a large JSON input once (activate() calls it when the document is
 * first validated), so that even the first completion in it resumes near the cursor (a full scan
 * of 10,000 users is ~40 ms).
 */
export function prepareCompletions(documents: InputDocuments, document: vscode.TextDocument): void {
  if (formatOf(document) !== 'json' || documents.hasCursorMemo(document) || document.getText().length < 256 * 1024)
    return;
  jsonCursor(document.getText(), document.getText().length, documents.cursorMemo(document));
}

function jsonContext(
  documents: InputDocuments,
  document: vscode.TextDocument,
  position: vscode.Position,
): Context | undefined {
  const offset = document.offsetAt(position);
  const cursor = jsonCursor(document.getText(), offset, documents.cursorMemo(document));
  const stringRange =
    cursor.inString &&
    new vscode.Range(document.positionAt(cursor.inString.start), document.positionAt(cursor.inString.end));
  if (cursor.atKey)
    return {
      kind: 'key',
      path: cursor.path,
      present: new Set(cursor.keys),
      replace: stringRange ?? new vscode.Range(position, position),
    };
  if (cursor.valueKey === undefined) return undefined;
  const path = [...cursor.path, cursor.valueKey];
  // Inside a `properties` string, complete keys at the cursor without replacing the string.
  const replace = cursor.valueKey === 'properties' || !stringRange ? new vscode.Range(position, position) : stringRange;
  return { kind: 'value', path, present: new Set(), replace };
}

/** YAML: judged from the lines around the cursor (while typing, the document rarely parses; and a parse of 10,000 users is too slow to wait for). */
function yamlContext(document: vscode.TextDocument, position: vscode.Position): Context | undefined {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const key = /^(\s*)(- )?([\w-]*)$/.exec(before);
  if (key) {
    const indent = key[1]!.length + (key[2] ? 2 : 0);
    const replace = new vscode.Range(
      position.line,
      position.character - key[3]!.length,
      position.line,
      position.character,
    );
    if (indent === 0)
      return {
        kind: 'key',
        path: [],
        present: new Set([...document.getText().matchAll(/^([\w-]+):/gm)].map((m) => m[1]!)),
        replace,
      };
    const present = key[2] ? new Set<string>() : yamlItemKeys(document, position.line);
    return { kind: 'key', path: ['users', yamlUserIndex(document, position.line, !!key[2])], present, replace };
  }
  const value = /^\s*(?:- )?(datasetArn|properties):\s*(.*)$/.exec(before);
  if (!value) return undefined;
  if (value[1] === 'datasetArn') {
    return {
      kind: 'value',
      path: ['datasetArn'],
      present: new Set(),
      replace: new vscode.Range(
        position.line,
        position.character - value[2]!.length,
        position.line,
        position.character,
      ),
    };
  }
  return {
    kind: 'value',
    path: ['users', yamlUserIndex(document, position.line, false), 'properties'],
    present: new Set(),
    replace: new vscode.Range(position, position),
  };
}

/** The keys of the `- ` item a line belongs to: up to the item's first line, and down to the next item. */
function yamlItemKeys(document: vscode.TextDocument, line: number): Set<string> {
  const keys = new Set<string>();
  const keyOf = (l: number) => /^\s*(?:- )?([\w-]+):/.exec(document.lineAt(l).text)?.[1];
  for (let l = line - 1; l >= 0; l--) {
    const text = document.lineAt(l).text;
    const k = keyOf(l);
    if (k) keys.add(k);
    if (/^\s*- /.test(text) || /^\S/.test(text)) break;
  }
  for (let l = line + 1; l < document.lineCount; l++) {
    const text = document.lineAt(l).text;
    if (/^\s*- /.test(text) || /^\S/.test(text)) break;
    const k = keyOf(l);
    if (k) keys.add(k);
  }
  return keys;
}

/** The index of the user item a YAML line belongs to: the `- ` items above it (a new one if `startsItem`). */
function yamlUserIndex(document: vscode.TextDocument, line: number, startsItem: boolean): number {
  let items = 0;
  for (let l = 0; l < line; l++) if (/^\s*- /.test(document.lineAt(l).text)) items++;
  return startsItem ? items : Math.max(0, items - 1);
}
