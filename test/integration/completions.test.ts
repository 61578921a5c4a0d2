// Completions in the real editor: the provider's items, applied as VS Code applies them, keep
// every realistic file parsing at the start, middle and end of every token, and the JSON service
// proposes nothing beside ours.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expandSnippet, type FindingCode, type Format, snippetSpot, validate } from '../../src/core';
import { COMPLETION_FILES } from '../support/completion-files';
import { STYLED_FILES } from '../support/properties-styles';
import { ARN } from '../support/values';
import { closeAllEditors, fixtureUri } from './helpers';

const SYNTAX: readonly FindingCode[] = ['cli/invalid-json', 'cli/invalid-yaml'];
const OUR_DETAILS = new Set([
  'required',
  'optional',
  'a dataset ARN to fill in',
  'used in this workspace',
  'property of other users in this file',
  'a whole PutUsers input',
  'one user',
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

/**
 * Offsets at the start, middle and end of every token (words, strings' insides, punctuation), and
 * at each line's start, indentation's end and end (where a new line's completions are asked for).
 */
function tokenOffsets(text: string): number[] {
  const offsets = new Set<number>();
  for (const m of text.matchAll(/^([ \t]*).*?(?=\r?$)/gm)) {
    offsets.add(m.index);
    offsets.add(m.index + m[1]!.length);
    offsets.add(m.index + m[0].length);
  }
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
  const edited = text.slice(0, document.offsetAt(range.start)) + insert + text.slice(document.offsetAt(range.end));
  // The additional edits (a comma after the user before a new one) come before the range.
  return (item.additionalTextEdits ?? []).reduceRight((t, e) => {
    assert.ok(e.range.end.isBeforeOrEqual(range.start), 'an additional edit before the item');
    const at = document.offsetAt(e.range.start);
    return t.slice(0, at) + e.newText + t.slice(document.offsetAt(e.range.end));
  }, edited);
}

/** How many error findings of each code a text has. */
function errorCounts(text: string, format: Format): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of validate(text, format)) if (f.severity === 'error') counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return counts;
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
      let snippets = 0;
      const errorsBefore = errorCounts(text, format as Format);
      for (const offset of tokenOffsets(text)) {
        const at = document.positionAt(offset);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          at,
        );
        const where = `at ${at.line}:${at.character} (${JSON.stringify(text.slice(Math.max(0, offset - 15), offset))}|${JSON.stringify(text.slice(offset, offset + 15))})`;
        // Another provider's keys, values or snippets (the JSON service's sibling keys would be
        // Property items); the editor's word list (Text) shows only where we propose nothing.
        const others = list.items.filter((i) => !isOurs(i) && i.kind !== vscode.CompletionItemKind.Text);
        assert.deepEqual(
          others.map((i) => `${String(typeof i.label === 'string' ? i.label : i.label.label)} (${i.detail ?? ''})`),
          [],
          `only PutUsers proposes here, ${where}`,
        );
        for (const item of list.items.filter(isOurs)) {
          const after = applyItem(document, item, at);
          const broken = validate(after, format as Format).filter((f) => SYNTAX.includes(f.code));
          const label = String(typeof item.label === 'string' ? item.label : item.label.label);
          assert.deepEqual(
            broken.map((f) => f.message),
            [],
            `${label} ${where} breaks the file:\n${after}`,
          );
          if (item.kind === vscode.CompletionItemKind.Snippet && item.detail !== 'a dataset ARN to fill in') {
            // A user with the snippet's defaults brings no error of any kind.
            const more = [...errorCounts(after, format as Format)].filter(
              ([code, count]) => count > (errorsBefore.get(code) ?? 0),
            );
            assert.deepEqual(more, [], `${label} ${where} brings errors:\n${after}`);
            snippets++;
          }
          applied++;
        }
      }
      assert.ok(applied > 20, `only ${applied} items applied`);
      // Where the core finds a place for a user among these positions, the editor offered and applied it.
      if (tokenOffsets(text).some((o) => snippetSpot(text, o, format as Format)))
        assert.ok(snippets > 0, 'the user snippet was applied somewhere');
    });
  });
});

/**
 * Ctrl+Space, then Enter on the first item of the suggest widget, as a user does them. The
 * widget fills once the providers answer and says nothing when it does: accept until the
 * document changes (each try waits for a change or a tenth of a second), or fail after 10 s.
 */
async function acceptFirstSuggestion(editor: vscode.TextEditor): Promise<void> {
  const before = editor.document.version;
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  const deadline = Date.now() + 10_000;
  while (editor.document.version === before) {
    if (Date.now() > deadline) throw new Error(`no suggestion was accepted in:\n${editor.document.getText()}`);
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeTextDocument(() => done());
      const timer = setTimeout(done, 100);
      function done() {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await changed;
  }
}

/** Opens `text` as a PutUsers input file of the workspace with the cursor at `|`. */
async function editorAt(name: string, marked: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(`completion-grid/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(marked.replace('|', '')));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const at = editor.document.positionAt(marked.indexOf('|'));
  editor.selection = new vscode.Selection(at, at);
  return editor;
}

const errorsOf = (text: string, format: Format) =>
  validate(text, format)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code}: ${f.message}`);

describe('PutUsers snippets and completions through the suggest widget', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  for (const kind of ['input', 'yaml-input'] as const) {
    it(`in the ${kind} skeleton: a workspace ARN accepted in datasetArn keeps Tab going to userId`, async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.generateSkeleton', kind);
      await acceptFirstSuggestion(editor);
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await vscode.commands.executeCommand('type', { text: 'u9' });
      const text = editor.document.getText();
      assert.match(text, kind === 'input' ? /"datasetArn": "arn:aws:personalize:[^"]+",\n/ : /datasetArn: 'arn:[^']+'/);
      assert.match(text, kind === 'input' ? /"userId": "u9"/ : /userId: 'u9'/);
      // The skeleton's properties is still empty (an error until it is filled in): nothing else.
      assert.deepEqual(
        errorsOf(text, kind === 'input' ? 'json' : 'yaml').filter((e) => !e.includes('properties is empty')),
        [],
      );
    });
  }

  for (const format of ['json', 'yaml'] as const) {
    it(`an empty ${format} file: the input snippet, an ARN at its first stop, Tab on to userId and properties`, async () => {
      const editor = await editorAt(`empty.putusers.${format}`, '|');
      await acceptFirstSuggestion(editor);
      // The whole ARN is selected: Ctrl+Space offers the workspace's ARNs (not filtered by the default).
      await acceptFirstSuggestion(editor);
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await vscode.commands.executeCommand('type', { text: 'u9' });
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await vscode.commands.executeCommand('type', { text: 'age' });
      const text = editor.document.getText();
      assert.doesNotMatch(text, /my-dataset-group/, 'the ARN was replaced');
      assert.match(text, format === 'json' ? /"userId": "u9"/ : /userId: 'u9'/);
      assert.match(text, format === 'json' ? /\\"age\\": \\"45\\"/ : /"age": "45"/);
      assert.deepEqual(errorsOf(text, format), []);
    });
  }

  it('the properties member: Ctrl+Space on its selected `key` offers the keys, and Tab goes on to the value', async () => {
    const editor = await editorAt(
      'key-placeholder.putusers.json',
      `{"datasetArn": "${ARN}", "users": [{"userId": "u1", "properties": "{\\"age\\": \\"30\\"}"}, {"userId": "u2", |}]}`,
    );
    await acceptFirstSuggestion(editor); // the only member u2 lacks: properties, with `key` selected
    assert.match(editor.document.getText(), /"properties": "\{\\"key\\": \\"value\\"\}"/);
    await acceptFirstSuggestion(editor);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('type', { text: '41' });
    const text = editor.document.getText();
    assert.match(text, /"userId": "u2", "properties": "\{\\"age\\": \\"41\\"\}"/);
    assert.deepEqual(errorsOf(text, 'json'), []);
  });

  it('JSON: on a new line after the last user, a user (and its comma); nothing else', async () => {
    const marked = `{\n  "datasetArn": "${ARN}",\n  "users": [\n    {\n      "userId": "u1"\n    }\n    |\n  ]\n}\n`;
    const editor = await editorAt('new-line.putusers.json', marked);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      editor.selection.active,
    );
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['PutUsers user'],
    );
    await acceptFirstSuggestion(editor);
    const text = editor.document.getText();
    assert.deepEqual(errorsOf(text, 'json'), []);
    assert.deepEqual(
      (JSON.parse(text) as { users: { userId: string }[] }).users.map((u) => u.userId),
      ['u1', 'user-2'],
    );
  });

  for (const [n, [name, list]] of [
    ['items at column 0', `- userId: u1\n  properties: '{"age": "30"}'|`],
    ['items indented', `  - userId: u1\n    properties: '{"age": "30"}'|`],
  ].entries()) {
    it(`YAML, Enter after the last user (${name}): the next item, at the list's column`, async () => {
      const editor = await editorAt(`enter-${n}.putusers.yaml`, `datasetArn: ${ARN}\nusers:\n${list}\n`);
      await vscode.commands.executeCommand('type', { text: '\n' });
      await acceptFirstSuggestion(editor);
      const text = editor.document.getText();
      assert.deepEqual(errorsOf(text, 'yaml'), [], text);
      const dash = /^( *)- /.exec(list)![1];
      assert.match(text, new RegExp(`\\n${dash}- userId: 'user-2'\\n${dash}  properties: `));
    });
  }
});
