// Completions in the real editor: the provider's items, applied as VS Code applies them, keep
// every realistic file parsing at the start, middle and end of every token, and the JSON service
// proposes nothing beside ours.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expandSnippet, type FindingCode, type Format, validate } from '../../src/core';
import { COMPLETION_FILES } from '../support/completion-files';
import { STYLED_FILES } from '../support/properties-styles';
import { closeAllEditors, fixtureUri } from './helpers';

const SYNTAX: readonly FindingCode[] = ['cli/invalid-json', 'cli/invalid-yaml'];
const OUR_DETAILS = new Set([
  'required',
  'optional',
  'a dataset ARN to fill in',
  'used in this workspace',
  'property of other users in this file',
]);

/** Ours: a detail above, or a value other users give a key (`used by 2 users in this workspace`). */
const isOurs = (item: vscode.CompletionItem) =>
  OUR_DETAILS.has(item.detail ?? '') || /used by \d+ users? in this workspace$/.test(item.detail ?? '');

/** The block scalar styles and a folded quoted one, besides the files of the core's grid. */
const FILES = [
  ...COMPLETION_FILES,
  ...STYLED_FILES.filter((f) =>
    [
      'literal block, CRLF',
      'folded block, strip, a more indented line and an empty one',
      'double-quoted over lines',
    ].includes(f.name),
  ),
];

/** Offsets at the start, middle and end of every token (words, strings' insides, punctuation). */
function tokenOffsets(text: string): number[] {
  const offsets = new Set<number>();
  for (const m of text.matchAll(/[\w$:/.+-]+|\\"|[^\s\w]/g)) {
    offsets.add(m.index);
    offsets.add(m.index + Math.floor(m[0].length / 2));
    offsets.add(m.index + m[0].length);
  }
  return [...offsets].sort((a, b) => a - b);
}

function applyItem(document: vscode.TextDocument, item: vscode.CompletionItem, at: vscode.Position): string {
  const range =
    item.range === undefined
      ? (document.getWordRangeAtPosition(at) ?? new vscode.Range(at, at))
      : 'replacing' in item.range
        ? item.range.replacing
        : item.range;
  const insert =
    item.insertText instanceof vscode.SnippetString
      ? expandSnippet(item.insertText.value)
      : (item.insertText ?? (typeof item.label === 'string' ? item.label : item.label.label));
  const text = document.getText();
  return text.slice(0, document.offsetAt(range.start)) + insert + text.slice(document.offsetAt(range.end));
}

describe('PutUsers completions in the editor', function () {
  this.timeout(120_000);
  afterEach(closeAllEditors);

  FILES.forEach(({ name, format, text }, n) => {
    it(`keep the file parsing at every token, and come alone: ${name} (${format})`, async () => {
      const uri = fixtureUri(`completion-grid/file-${n}.putusers.${format}`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      let applied = 0;
      for (const offset of tokenOffsets(text)) {
        const at = document.positionAt(offset);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          at,
        );
        const where = `at ${at.line}:${at.character} (${JSON.stringify(text.slice(Math.max(0, offset - 15), offset))}|${JSON.stringify(text.slice(offset, offset + 15))})`;
        // Another provider's keys or values (the JSON service's sibling keys would be Property items);
        // the editor's word list (Text) and the snippets we contribute (Snippet) are not proposals of keys.
        const others = list.items.filter(
          (i) =>
            !isOurs(i) && i.kind !== vscode.CompletionItemKind.Text && i.kind !== vscode.CompletionItemKind.Snippet,
        );
        assert.deepEqual(
          others.map((i) => `${String(typeof i.label === 'string' ? i.label : i.label.label)} (${i.detail ?? ''})`),
          [],
          `only PutUsers proposes here, ${where}`,
        );
        for (const item of list.items.filter(isOurs)) {
          const after = applyItem(document, item, at);
          const broken = validate(after, format as Format).filter((f) => SYNTAX.includes(f.code));
          assert.deepEqual(
            broken.map((f) => f.message),
            [],
            `${String(typeof item.label === 'string' ? item.label : item.label.label)} ${where} breaks the file:\n${after}`,
          );
          applied++;
        }
      }
      assert.ok(applied > 20, `only ${applied} items applied`);
    });
  });
});
