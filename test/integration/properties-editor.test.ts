// Edit Properties as JSON: the properties string opened as JSON beside the file, written back on save.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { validate } from '../../src/core';
import { closeAllEditors, openFixture, openUntitled, saveDocument } from './helpers';

describe('PutUsers properties editor', () => {
  afterEach(closeAllEditors);

  it('edits properties as JSON beside the file and writes the escaped string back on save', async () => {
    const source = await openUntitled((await openFixture('putusers/valid.putusers.json')).getText(), 'json');
    const editor = await vscode.window.showTextDocument(source);
    editor.selection = new vscode.Selection(4, 16, 4, 16); // in the first user
    const side = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.editProperties');
    assert.strictEqual(side.document.languageId, 'json');
    assert.deepStrictEqual(JSON.parse(side.document.getText()), { numberOfVideosWatched: '45', membership: 'Member' });
    await side.edit((e) =>
      e.replace(
        new vscode.Range(0, 0, side.document.lineCount, 0),
        '{\n  "numberOfVideosWatched": "46",\n  "note": "say \\"hi\\""\n}\n',
      ),
    );
    await saveDocument(side.document);
    assert.match(
      source.getText(),
      /"properties": "\{\\"numberOfVideosWatched\\":\\"46\\",\\"note\\":\\"say \\\\\\"hi\\\\\\"\\"\}"/,
    );
    assert.deepStrictEqual(validate(source.getText(), 'json'), []);
  });
});
