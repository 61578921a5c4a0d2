// Quick fixes for the core's findings: properties written as an object become the escaped JSON
// string the CLI needs; a near-miss key is renamed; an unknown member is removed; a scalar of the
// wrong type is quoted; a file of more than 10 users is split into valid files.
import * as vscode from 'vscode';
import { COMMAND } from './command-ids';
import {
  type DictNode,
  type FindingCode,
  locate,
  MAX_USERS_PER_REQUEST,
  type Node,
  quoteString,
  suggestMember,
  toJsonText,
  usersList,
} from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { formatOf, parsedDocument } from './documents';
import { structureAt } from './model-paths';

export const codeActionProvider: vscode.CodeActionProvider = {
  provideCodeActions(document, _range, context) {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      actions.push(...fixesFor(document, diagnostic));
    }
    return actions;
  },
};

export const CODE_ACTION_KINDS = [vscode.CodeActionKind.QuickFix];

function fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const parsed = parsedDocument(document);
  if (!parsed.root) return [];
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const all = locate(parsed.root, start).steps;
  // The step the finding is about: the shallowest whose value or key spans exactly the diagnostic.
  const at = all.findIndex(
    (s) =>
      (s.node.start === start && s.node.end === end) ||
      (s.entry && s.entry.key.start === start && s.entry.key.end === end),
  );
  const steps = at < 0 ? all : all.slice(0, at + 1);
  const last = steps[steps.length - 1];
  const format = formatOf(document);
  const span = (n: { start: number; end: number }) =>
    new vscode.Range(document.positionAt(n.start), document.positionAt(n.end));
  const fix = (title: string, edit: vscode.WorkspaceEdit, preferred = false) => {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    return action;
  };
  const replace = (range: vscode.Range, text: string) => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, text);
    return edit;
  };

  // Our diagnostics carry the finding's code (diagnostics.ts); the codes of others match no case.
  switch (diagnostic.code as FindingCode) {
    case 'cli/invalid-type': {
      if (!last?.entry) return [];
      const value = last.entry.value;
      if (last.segment === 'properties' && (value.type === 'dict' || value.type === 'list')) {
        const json = quoteString(toJsonText(value, 0), format);
        // A YAML block value starts on the next line: replace from the key's colon, to keep `key: 'value'` on one line.
        const colon = document.getText().indexOf(':', last.entry.key.end);
        const range =
          format === 'yaml' && colon >= 0 && colon < value.start
            ? new vscode.Range(document.positionAt(colon), span(value).end)
            : span(value);
        return [
          fix(
            'Write properties as the JSON string the AWS CLI needs',
            replace(range, format === 'yaml' && !range.isEqual(span(value)) ? `: ${json}` : json),
            true,
          ),
        ];
      }
      if (value.type !== 'dict' && value.type !== 'list' && value.end > value.start) {
        const source = document.getText(span(value));
        return [fix(`Quote ${source} as a string`, replace(span(value), quoteString(source, format)), true)];
      }
      return [];
    }
    case 'cli/unknown-member': {
      if (!last?.entry) return [];
      const key = last.entry.key;
      const keyText = key.type === 'str' ? key.value : document.getText(span(key));
      const container = steps.length >= 2 ? steps[steps.length - 2]!.node : parsed.root;
      const shape = structureAt(steps.slice(0, -1).map((s) => s.segment));
      const out: vscode.CodeAction[] = [];
      const suggestion = shape && suggestMember(shape, keyText);
      if (
        suggestion &&
        container.type === 'dict' &&
        !container.entries.some((e) => e.key.type === 'str' && e.key.value === suggestion)
      ) {
        out.push(
          fix(
            `Rename to "${suggestion}"`,
            replace(span(key), format === 'json' ? JSON.stringify(suggestion) : suggestion),
            true,
          ),
        );
      }
      if (container.type === 'dict')
        out.push(fix(`Remove "${keyText}"`, removeEntry(document, container, last.entry.key)));
      return out;
    }
    case 'service/too-many-users':
      return splitAction(document, diagnostic);
    default:
      return [];
  }
}

/** Deletes a member with its separator (JSON comma) or its lines (YAML). */
function removeEntry(document: vscode.TextDocument, container: DictNode, key: Node): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const index = container.entries.findIndex((e) => e.key === key);
  const entry = container.entries[index]!;
  const text = document.getText();
  let start = entry.key.start;
  let end = entry.value.end;
  if (formatOf(document) === 'json') {
    const next = container.entries[index + 1];
    const previous = container.entries[index - 1];
    if (next) end = next.key.start;
    else if (previous) start = previous.value.end;
  } else {
    // YAML block mapping: whole lines, from the key's line start to the next entry's line.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (/^\s*$/.test(text.slice(lineStart, start))) start = lineStart;
    const nextLine = text.indexOf('\n', end);
    end = nextLine < 0 ? text.length : nextLine + 1;
  }
  edit.delete(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)));
  return edit;
}

/** More than 10 users: offers the split command (files are written directly: a WorkspaceEdit cannot fill new files on remote hosts). */
function splitAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  // The count from the parse diagnostics already made (splitFile itself checks the file is sendable).
  const users = usersList(parsedDocument(document).root);
  if (!users || document.isUntitled) return [];
  const max = MAX_USERS_PER_REQUEST;
  const action = new vscode.CodeAction(
    `Split into ${Math.ceil(users.items.length / max)} files of at most ${max} users`,
    vscode.CodeActionKind.QuickFix,
  );
  action.command = { command: COMMAND.splitFile, title: action.title, arguments: [document.uri] };
  action.diagnostics = [diagnostic];
  return [action];
}
