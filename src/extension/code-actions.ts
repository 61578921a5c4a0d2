// Quick fixes for the core's findings: properties written as an object become the escaped JSON
// string the CLI needs; a near-miss key is renamed; an unknown member is removed; a scalar of the
// wrong type is quoted; a file of more than 10 users is split into valid files; a dataset group's
// ARN becomes its Users dataset's; a properties key the dataset's schema does not know is renamed.
import * as vscode from 'vscode';
import type { Analyses } from './analysis/analyses';
import { COMMAND } from './command-ids';
import {
  type DictNode,
  type FindingCode,
  type Format,
  locate,
  MAX_USERS_PER_REQUEST,
  type Node,
  type PathStep,
  quoteString,
  structureAt,
  suggestMember,
  toJsonText,
  usersDatasetArnFor,
  usersList,
} from '../core';
import { CHECKS_FAILED, CHECKS_ON_DEMAND } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './finding-diagnostic';
import { formatOf, type InputDocuments, isPutUsersDocument } from './documents';
import { isSyntaxDiagnostic, syntaxFixes } from './syntax-fixes';

export const codeActionProvider = (documents: InputDocuments, analyses: Analyses): vscode.CodeActionProvider => ({
  async provideCodeActions(document, _range, context) {
    if (!isPutUsersDocument(document)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (
        diagnostic.source !== DIAGNOSTIC_SOURCE ||
        diagnostic.code === CHECKS_ON_DEMAND ||
        diagnostic.code === CHECKS_FAILED
      )
        continue;
      actions.push(...fixesFor(documents, document, diagnostic));
    }
    const syntax = context.diagnostics.filter(isSyntaxDiagnostic);
    if (syntax.length > 0 && formatOf(document) === 'json') {
      // The slips come with the analysis, from the worker: asked at each keystroke on a broken
      // line (the light bulb), finding them here would scan the whole document on the host.
      const { version, analysis } = await analyses.of(document);
      if (version === document.version) actions.push(...syntaxFixes(document, syntax, analysis.syntax?.slips ?? []));
    }
    return actions;
  },
});

export const CODE_ACTION_KINDS = [vscode.CodeActionKind.QuickFix];

/** What a fix needs to know: the document, the diagnostic, and the path to what it is about. */
interface FixSite {
  document: vscode.TextDocument;
  format: Format;
  diagnostic: vscode.Diagnostic;
  root: Node;
  /** From the root to the node the finding is about. */
  steps: PathStep[];
}

function fixesFor(
  documents: InputDocuments,
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction[] {
  // The document is parsed here, on the host, only for a finding that has a fix: asked at each
  // keystroke on a line with a problem (the light bulb), the others must cost nothing.
  const fixes = (make: (site: FixSite) => vscode.CodeAction[]) => {
    const root = documents.parsed(document).root;
    if (!root) return [];
    return make({
      document,
      format: formatOf(document),
      diagnostic,
      root,
      steps: stepsTo(document, root, diagnostic.range),
    });
  };
  // Our diagnostics carry the finding's code (diagnostics.ts); the codes of others match no case.
  switch (diagnostic.code as FindingCode) {
    case 'cli/invalid-type':
      return fixes(invalidTypeFixes);
    case 'cli/unknown-member':
      return fixes(unknownMemberFixes);
    case 'service/too-many-users':
      return splitAction(documents, document, diagnostic);
    case 'service/arn-not-users-dataset':
      return fixes(usersDatasetFix);
    case 'schema/key-not-camel-case':
    case 'schema/unknown-key':
      return schemaKeyFix(document, diagnostic);
    default:
      return [];
  }
}

/** The steps to the shallowest node whose value or key spans exactly `range`. */
function stepsTo(document: vscode.TextDocument, root: Node, range: vscode.Range): PathStep[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const all = locate(root, start).steps;
  const at = all.findIndex(
    (s) =>
      (s.node.start === start && s.node.end === end) ||
      (s.entry && s.entry.key.start === start && s.entry.key.end === end),
  );
  return at < 0 ? all : all.slice(0, at + 1);
}

/** `properties` written as a mapping becomes its JSON string; a scalar of the wrong type is quoted. */
function invalidTypeFixes({ document, format, diagnostic, steps }: FixSite): vscode.CodeAction[] {
  const last = steps[steps.length - 1];
  if (!last?.entry) return [];
  const value = last.entry.value;
  if (last.segment === 'properties' && (value.type === 'dict' || value.type === 'list')) {
    const json = quoteString(toJsonText(value, 0), format);
    // A YAML block value starts on the next line: replace from the key's colon, to keep `key: 'value'` on one line.
    const colon = document.getText().indexOf(':', last.entry.key.end);
    const fromColon = format === 'yaml' && colon >= 0 && colon < value.start;
    const range = fromColon
      ? new vscode.Range(document.positionAt(colon), span(document, value).end)
      : span(document, value);
    return [
      quickFix(
        diagnostic,
        'Write properties as the JSON string the AWS CLI needs',
        replace(document, range, fromColon ? `: ${json}` : json),
        true,
      ),
    ];
  }
  if (value.type === 'dict' || value.type === 'list' || value.end <= value.start) return [];
  const source = document.getText(span(document, value));
  return [
    quickFix(
      diagnostic,
      `Quote ${source} as a string`,
      replace(document, span(document, value), quoteString(source, format)),
      true,
    ),
  ];
}

/** A near-miss key is renamed to the member it misspells; any unknown member can be removed. */
function unknownMemberFixes({ document, format, diagnostic, root, steps }: FixSite): vscode.CodeAction[] {
  const last = steps[steps.length - 1];
  if (!last?.entry) return [];
  const key = last.entry.key;
  const keyText = key.type === 'str' ? key.value : document.getText(span(document, key));
  const container = steps.length >= 2 ? steps[steps.length - 2]!.node : root;
  if (container.type !== 'dict') return [];
  const shape = structureAt(steps.slice(0, -1).map((s) => s.segment));
  const suggestion = shape && suggestMember(shape, keyText);
  const taken = container.entries.some((e) => e.key.type === 'str' && e.key.value === suggestion);
  const out: vscode.CodeAction[] = [];
  if (suggestion && !taken) {
    const renamed = format === 'json' ? JSON.stringify(suggestion) : suggestion;
    out.push(quickFix(diagnostic, `Rename to "${suggestion}"`, replace(document, span(document, key), renamed), true));
  }
  out.push(quickFix(diagnostic, `Remove "${keyText}"`, removeEntry(document, container, key)));
  return out;
}

/** A dataset group's ARN, or one of its other datasets': its Users dataset instead. */
function usersDatasetFix({ document, format, diagnostic, steps }: FixSite): vscode.CodeAction[] {
  const value = steps[steps.length - 1]?.entry?.value;
  const arn = value?.type === 'str' ? usersDatasetArnFor(value.value) : undefined;
  if (!value || !arn) return [];
  return [
    quickFix(
      diagnostic,
      `Use the Users dataset: ${arn}`,
      replace(document, span(document, value), quoteString(arn, format)),
      true,
    ),
  ];
}

function quickFix(
  diagnostic: vscode.Diagnostic,
  title: string,
  edit: vscode.WorkspaceEdit,
  preferred = false,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function span(document: vscode.TextDocument, node: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(node.start), document.positionAt(node.end));
}

function replace(document: vscode.TextDocument, range: vscode.Range, text: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  return edit;
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

/**
 * A properties key that is no field of the dataset's schema, renamed to the field the finding
 * names (its camelCase form, or the nearest): only the name changes, inside the string as written.
 */
function schemaKeyFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const from = /^"([^"]+)" /.exec(diagnostic.message)?.[1];
  const to = /properties names it "([^"]+)"|did you mean "([^"]+)"\?/.exec(diagnostic.message)?.slice(1).find(Boolean);
  const at = from === undefined ? -1 : document.getText(diagnostic.range).indexOf(from);
  if (!from || !to || at < 0) return [];
  const start = document.positionAt(document.offsetAt(diagnostic.range.start) + at);
  const action = new vscode.CodeAction(`Rename "${from}" to "${to}"`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(start, start.translate(0, from.length)), to);
  action.diagnostics = [diagnostic];
  action.isPreferred = diagnostic.code === 'schema/key-not-camel-case';
  return [action];
}

/** More than 10 users: offers the split command (files are written directly: a WorkspaceEdit cannot fill new files on remote hosts). */
function splitAction(
  documents: InputDocuments,
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction[] {
  // The count from the parse diagnostics already made (splitFile itself checks the file is sendable).
  const users = usersList(documents.parsed(document).root);
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
