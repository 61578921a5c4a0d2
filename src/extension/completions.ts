// Completions in JSON and YAML: the members a mapping still lacks (with their docs), a whole
// user, dataset ARNs (a template and those used in the workspace), and, inside a `properties`
// string, the property keys the file's other users have.
import { getLocation, parse as parseLoose } from 'jsonc-parser';
import * as vscode from 'vscode';
import { type Format, type Member, member as memberEntry, PUT_USERS_REQUEST, type StructureShape } from '../core';
import { formatOf, isPutUsersDocument, parsedDocument } from './documents';
import { memberDoc, structureAt } from './model-paths';
import { knownDatasetArns } from './workspace-arns';

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

export const completionProvider: vscode.CompletionItemProvider = {
  async provideCompletionItems(document, position) {
    if (!isPutUsersDocument(document)) return undefined;
    const format = formatOf(document);
    const context = format === 'json' ? jsonContext(document, position) : yamlContext(document, position);
    if (!context) return undefined;
    if (context.kind === 'key') {
      const shape = structureAt(context.path);
      return shape ? memberItems(shape, context, format) : undefined;
    }
    const [first, , third] = context.path;
    if (context.path.length === 1 && first === 'datasetArn') return arnItems(context, format);
    if (context.path.length === 3 && first === 'users' && third === 'properties') return propertyKeyItems(document, context);
    return undefined;
  },
};

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
  if (m.shape.kind === 'list') return format === 'json' ? `${key}[\n\t{\n\t\t"userId": "$1"\n\t}\n]` : `${key}\n- userId: $1`;
  if (m.name === 'datasetArn') return format === 'json' ? `${key}"${ARN_TEMPLATE}"` : `${key}${ARN_TEMPLATE}`;
  if (m.name === 'properties') return format === 'json' ? `${key}"{\\\\"\${1:key}\\\\": \\\\"\${2:value}\\\\"}"` : `${key}'{"\${1:key}": "\${2:value}"}'`;
  return format === 'json' ? `${key}"$1"` : `${key}$1`;
}

async function arnItems(context: Context, format: Format): Promise<vscode.CompletionItem[]> {
  const quote = (s: string) => (format === 'json' ? `"${s}"` : s);
  const template = new vscode.CompletionItem('arn:aws:personalize:…:dataset/…/USERS', vscode.CompletionItemKind.Snippet);
  template.insertText = new vscode.SnippetString(quote(ARN_TEMPLATE));
  template.range = context.replace;
  template.documentation = new vscode.MarkdownString(memberDoc(PUT_USERS_REQUEST.members[0]!));
  const used = (await knownDatasetArns()).map((arn) => {
    const item = new vscode.CompletionItem(arn, vscode.CompletionItemKind.Value);
    item.insertText = quote(arn);
    item.range = context.replace;
    item.detail = 'used in this workspace';
    return item;
  });
  return [...used, template];
}

/** The keys other users of this file put in their `properties`. */
function propertyKeyItems(document: vscode.TextDocument, context: Context): vscode.CompletionItem[] {
  const parsed = parsedDocument(document);
  const keys = new Set<string>();
  const users = parsed.root?.type === 'dict' ? memberEntry(parsed.root, 'users')?.value : undefined;
  if (users?.type === 'list') {
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

function jsonContext(document: vscode.TextDocument, position: vscode.Position): Context | undefined {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const location = getLocation(text, offset);
  const previous = location.previousNode;
  const wordRange = previous && (previous.type === 'string' || previous.type === 'property') && offset <= previous.offset + previous.length
    ? new vscode.Range(document.positionAt(previous.offset), document.positionAt(previous.offset + previous.length))
    : new vscode.Range(position, position);
  if (location.isAtPropertyKey) {
    const path = location.path.slice(0, -1);
    const container = valueAt(parseLoose(text), path);
    const present = new Set(container && typeof container === 'object' ? Object.keys(container) : []);
    return { kind: 'key', path, present, replace: wordRange };
  }
  // Inside a `properties` string, complete the keys without replacing the string.
  const replace = location.path[location.path.length - 1] === 'properties' ? new vscode.Range(position, position) : wordRange;
  return { kind: 'value', path: location.path, present: new Set(), replace };
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, segment) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[segment] : undefined), value);
}

/** YAML: judged from the line and its indentation (while typing, the document rarely parses). */
function yamlContext(document: vscode.TextDocument, position: vscode.Position): Context | undefined {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const key = /^(\s*)(- )?([\w-]*)$/.exec(before);
  const parsed = parsedDocument(document);
  const root = parsed.root?.type === 'dict' ? parsed.root : undefined;
  if (key) {
    const indent = key[1]!.length + (key[2] ? 2 : 0);
    const replace = new vscode.Range(position.line, position.character - key[3]!.length, position.line, position.character);
    if (indent === 0) return { kind: 'key', path: [], present: new Set(root?.entries.map((e) => String(keyText(e.key))) ?? []), replace };
    const userIndex = yamlUserIndex(document, position.line, !!key[2]);
    const users = root && memberEntry(root, 'users')?.value;
    const user = users?.type === 'list' ? users.items[userIndex] : undefined;
    const present = new Set(!key[2] && user?.type === 'dict' ? user.entries.map((e) => String(keyText(e.key))) : []);
    return { kind: 'key', path: ['users', userIndex], present, replace };
  }
  const value = /^\s*(?:- )?(datasetArn|properties):\s*(.*)$/.exec(before);
  if (!value) return undefined;
  if (value[1] === 'datasetArn') {
    return { kind: 'value', path: ['datasetArn'], present: new Set(), replace: new vscode.Range(position.line, position.character - value[2]!.length, position.line, position.character) };
  }
  return { kind: 'value', path: ['users', yamlUserIndex(document, position.line, false), 'properties'], present: new Set(), replace: new vscode.Range(position, position) };
}

const keyText = (node: { type: string; value?: unknown }) => (node.type === 'str' ? node.value : node.type);

/** The index of the user item a YAML line belongs to: the `- ` items above it (a new one if `startsItem`). */
function yamlUserIndex(document: vscode.TextDocument, line: number, startsItem: boolean): number {
  let items = 0;
  for (let l = 0; l < line; l++) if (/^\s*- /.test(document.lineAt(l).text)) items++;
  return startsItem ? items : Math.max(0, items - 1);
}
