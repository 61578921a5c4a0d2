// Convert: JSON to YAML and back with the same meaning, saved beside the original on request.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { validate } from '../../src/core';
import { closeAllEditors, openFixture } from './helpers';

describe('PutUsers conversions', () => {
  afterEach(closeAllEditors);

  it('saves a conversion beside the original, under the other extension, never over a file', async () => {
    const original = await openFixture('putusers/valid.putusers.json');
    await vscode.window.showTextDocument(original);
    const beside = vscode.Uri.joinPath(original.uri, '..', 'valid.putusers.yaml');
    try {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.convert', { saveBeside: true });
      assert.strictEqual(editor.document.uri.toString(), beside.toString());
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(beside));
      assert.deepStrictEqual(validate(saved, 'yaml'), []);
      await vscode.window.showTextDocument(original);
      assert.strictEqual(
        await vscode.commands.executeCommand('putUsers.convert', { saveBeside: true }),
        undefined,
        'exists already: nothing written',
      );
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(beside)), saved);
    } finally {
      await vscode.workspace.fs.delete(beside).then(undefined, () => undefined);
    }
  });

  it('converts JSON to YAML and back with the same meaning', async () => {
    const source = await openFixture('putusers/valid.putusers.json');
    await vscode.window.showTextDocument(source);
    const yamlEditor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.convert');
    assert.strictEqual(yamlEditor.document.languageId, 'yaml');
    assert.deepStrictEqual(validate(yamlEditor.document.getText(), 'yaml'), []);
    await vscode.window.showTextDocument(yamlEditor.document);
    const jsonEditor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.convert');
    assert.deepStrictEqual(JSON.parse(jsonEditor.document.getText()), JSON.parse(source.getText()));
  });
});
