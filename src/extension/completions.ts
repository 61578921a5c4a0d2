// Completions in JSON and YAML: the members a mapping still lacks (with their docs), dataset ARNs
// (a template and those used in the workspace), and, inside a `properties` string, the fields of
// the Users dataset's schema with a value of their type, or else the keys the file's other users
// have; at a key's value, `true`/`false` for a boolean field and the values other users in this
// file and the workspace give the key. Where the cursor is, what to insert and what it replaces
// are the core's (completion-context.ts, completion-proposals.ts), so that the rule "a file that
// parsed still parses after any completion" is tested at every offset in plain Node; this module
// gathers the workspace's ARNs, keys and values, and makes the proposals into items.
import * as vscode from 'vscode';
import {
  type CompletionContext,
  completionContext,
  type CompletionProposal,
  completionProposals,
  expandSnippet,
  jsonCursor,
  memberDoc,
  PUT_USERS_REQUEST,
  type PropertyValues,
  snippetProposals,
  snippetSpot,
  type UsedValue,
  usedValuesOf,
  valuesOfOtherUsers,
} from '../core';
import type { Ctx } from './context';
import { formatOf, type InputDocuments, isPutUsersDocument } from './documents';

const ITEM_KIND: Record<CompletionProposal['kind'], vscode.CompletionItemKind> = {
  member: vscode.CompletionItemKind.Property,
  'arn-template': vscode.CompletionItemKind.Snippet,
  arn: vscode.CompletionItemKind.Value,
  'property-key': vscode.CompletionItemKind.Field,
  'property-value': vscode.CompletionItemKind.Value,
  'input-snippet': vscode.CompletionItemKind.Snippet,
  'user-snippet': vscode.CompletionItemKind.Snippet,
};

/** What a snippet item says it inserts (tests tell our items from others' by their details). */
export const SNIPPET_DETAILS = { 'input-snippet': 'a whole PutUsers input', 'user-snippet': 'one user' } as const;

/** Used values offered at most at one value: the most used. */
const MAX_VALUES = 50;

export const completionProvider = (ctx: Ctx): vscode.CompletionItemProvider => ({
  async provideCompletionItems(document, position) {
    const { documents, datasetArns } = ctx;
    if (!isPutUsersDocument(document)) return undefined;
    const format = formatOf(document);
    const text = document.getText();
    const offset = document.offsetAt(position);
    const memo = format === 'json' ? documents.cursorMemo(document) : undefined;
    const context = completionContext(text, offset, format, memo);
    const spot = snippetSpot(text, offset, format, memo);
    const proposals = spot ? snippetProposals(spot, format) : [];
    if (context) {
      const atValue = context.kind === 'properties' && context.cursor.kind === 'value';
      proposals.push(
        ...completionProposals(context, format, {
          // Read only when they are needed: the workspace scans on an ARN or a value, the parse in properties.
          datasetArns: context.kind === 'value' ? await datasetArns.known() : [],
          propertyKeys:
            context.kind === 'properties' && !atValue
              ? await propertyKeysOfOtherUsers(ctx, document, context.user)
              : [],
          schemaFields: context.kind === 'properties' ? (await ctx.schemas.forDocument(document))?.fields : undefined,
          usedValues: atValue ? await usedValues(ctx, document, context) : undefined,
        }),
      );
    }
    const selected = selectedBefore(document, position);
    return proposals.map((p, index) => toItem(document, p, index, selected));
  },
});

/**
 * The text selected up to the cursor in this document's editor: a snippet's placeholder (`key`, a
 * whole ARN) that Ctrl+Space is to replace, where the editor would otherwise filter by it.
 */
function selectedBefore(document: vscode.TextDocument, position: vscode.Position): vscode.Range | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document !== document) return undefined;
  const { selection } = editor;
  return !selection.isEmpty && selection.isSingleLine && selection.end.isEqual(position) ? selection : undefined;
}

function toItem(
  document: vscode.TextDocument,
  p: CompletionProposal,
  index: number,
  selected: vscode.Range | undefined,
): vscode.CompletionItem {
  const item = new vscode.CompletionItem(p.label, ITEM_KIND[p.kind]);
  item.insertText = new vscode.SnippetString(p.snippet);
  item.range = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
  if (p.filterText !== undefined) item.filterText = p.filterText;
  // The editor filters by the text from the range's start to the cursor: when that is the selection
  // the item replaces (a placeholder's default), every item starts with it, so none is filtered out.
  if (selected && item.range.start.isEqual(selected.start))
    item.filterText = document.getText(selected) + (p.filterText ?? p.label);
  if (p.commaAt !== undefined) {
    const at = document.positionAt(p.commaAt);
    item.additionalTextEdits = [vscode.TextEdit.insert(at, ',')];
  }
  if (p.kind === 'input-snippet' || p.kind === 'user-snippet') {
    item.detail = SNIPPET_DETAILS[p.kind];
    // In an empty file the input comes first; a user after the members the user at the cursor lacks.
    item.sortText = p.kind === 'input-snippet' ? '0' : '2';
    item.documentation = new vscode.MarkdownString().appendCodeblock(
      expandSnippet(p.snippet),
      document.languageId === 'yaml' ? 'yaml' : 'json',
    );
  } else if (p.kind === 'property-value') {
    // In the core's order: true/false first, then the most used.
    item.sortText = String(index).padStart(4, '0');
    const field = p.field ? `${p.field.type}${p.field.categorical ? ', categorical' : ''}` : undefined;
    const uses =
      p.uses === undefined ? undefined : `used by ${p.uses} user${p.uses === 1 ? '' : 's'} in this workspace`;
    item.detail = [field, uses].filter(Boolean).join(' · ');
  } else if (p.member) {
    item.documentation = new vscode.MarkdownString(memberDoc(p.member));
    item.detail = p.member.required ? 'required' : 'optional';
    item.sortText = (p.member.required ? '0' : '1') + p.member.name;
  } else if (p.kind === 'arn-template') {
    item.detail = 'a dataset ARN to fill in';
    item.documentation = new vscode.MarkdownString(memberDoc(PUT_USERS_REQUEST.members[0]!));
  } else if (p.field) {
    const { field } = p;
    item.detail = [field.type, field.categorical && 'categorical', field.nullable && 'may be null']
      .filter(Boolean)
      .join(', ');
    item.documentation = new vscode.MarkdownString(
      `The field \`${field.name}\` of the Users dataset's schema (\`${field.type}\`${field.nullable ? ' or null' : ''})${field.categorical ? ': categorical, categories separated by `|`' : ''}.`,
    );
  } else {
    item.detail = p.kind === 'arn' ? 'used in this workspace' : 'property of other users in this file';
  }
  return item;
}

/**
 * The values other users of this file (as of the last analysis, from the worker: one edit rarely
 * changes them) and the workspace's other input files give the key at the cursor.
 */
async function usedValues(
  { documents, analyses, propertyValues }: Ctx,
  document: vscode.TextDocument,
  context: Extract<CompletionContext, { kind: 'properties' }>,
): Promise<UsedValue[]> {
  const here: PropertyValues = documents.tooLargeForLiveChecks(document)
    ? new Map()
    : valuesOfOtherUsers((await analyses.recent(document)).analysis.propertyValues, context.user);
  const workspace = await propertyValues.known(document.uri);
  return usedValuesOf(context.cursor.key!, here, workspace).slice(0, MAX_VALUES);
}

/** The keys other users of this file put in their `properties` (as of the last analysis: one edit rarely changes them). */
async function propertyKeysOfOtherUsers(
  { documents, analyses }: Ctx,
  document: vscode.TextDocument,
  user: number,
): Promise<string[]> {
  if (documents.tooLargeForLiveChecks(document)) return [];
  const { propertyKeys } = (await analyses.recent(document)).analysis;
  return propertyKeys.filter((k) => k.users > 1 || k.firstUser !== user).map((k) => k.key);
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
