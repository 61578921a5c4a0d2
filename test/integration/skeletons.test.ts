// Generate Skeleton: the AWS CLI's input skeletons byte for byte, with tab stops on the values.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { skeleton } from '../../src/core';
import { closeAllEditors, openUntitled } from './helpers';

describe('PutUsers skeletons', () => {
  afterEach(closeAllEditors);

  for (const kind of ['input', 'yaml-input'] as const) {
    it(`generates the ${kind} skeleton byte for byte, with tab stops on the values to fill in`, async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.generateSkeleton', kind);
      assert.strictEqual(editor.document.getText(), skeleton(kind));
      assert.strictEqual(editor.document.languageId, kind === 'input' ? 'json' : 'yaml');
      // The cursor waits in datasetArn's quotes; Tab goes on to userId's, then to properties'.
      const quote = kind === 'input' ? '"' : "'";
      for (const [value, name] of [
        ['arn', 'datasetArn'],
        ['u1', 'userId'],
        ['{}', 'properties'],
      ] as const) {
        await vscode.commands.executeCommand('type', { text: value });
        if (name !== 'properties') await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        const line = editor.document
          .getText()
          .split('\n')
          .find((l) => l.includes(`${name}`))!;
        assert.ok(line.includes(`${quote}${value}${quote}`), `${name} was filled in: ${line}`);
      }
    });
  }

  it('keeps the skeleton byte for byte in an editor that indents with tabs', async () => {
    const editor = await vscode.window.showTextDocument(await openUntitled('', 'json'));
    editor.options = { insertSpaces: false, tabSize: 4 };
    await vscode.commands.executeCommand('putUsers.generateSkeleton', 'input');
    assert.strictEqual(editor.document.getText(), skeleton('input'));
  });
});
