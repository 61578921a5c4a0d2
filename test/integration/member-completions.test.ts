// Completions of the members an input or a user lacks, from the provider, with the model's docs.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitled } from './helpers';

describe('PutUsers member completions', () => {
  afterEach(closeAllEditors);

  it('completes the members a user lacks, with docs', async () => {
    const doc = await openFixture('putusers/valid.putusers.json');
    const editor = await vscode.window.showTextDocument(await openUntitled(doc.getText(), 'json'));
    const line = editor.document.lineAt(8).text;
    assert.match(line, /"userId": "u2"/);
    await editor.edit((e) => e.insert(new vscode.Position(8, line.length), ', "'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(8, line.length + 3),
    );
    // Ours carry the model's docs (the built-in JSON service also offers the file's other keys).
    const ourItems = list.items.filter((i) => i.detail === 'required' || i.detail === 'optional');
    const labels = ourItems.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepStrictEqual(labels, ['properties'], 'userId is already there');
    assert.match(
      String((ourItems[0]!.documentation as vscode.MarkdownString).value),
      /A string map of user-specific metadata/,
    );
  });

  it('completes top-level members in an empty YAML mapping line', async () => {
    const doc = await openUntitled('users:\n- userId: a\n', 'yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(2, 0), 'data');
    await vscode.workspace.applyEdit(edit);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(2, 4),
    );
    // Ours (the editor's word list may have a `datasetArn` too, from another open document).
    const item = list.items.find((i) => i.label === 'datasetArn' && i.kind === vscode.CompletionItemKind.Property);
    assert.ok(item, list.items.map((i) => String(i.label)).join(', '));
    assert.match((item.insertText as vscode.SnippetString).value, /^datasetArn: arn:aws:personalize:\$\{1:region\}/);
  });
});
