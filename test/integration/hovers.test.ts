// Hovers: the model's documentation and the decoded properties.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture } from './helpers';

describe('PutUsers hovers', () => {
  afterEach(closeAllEditors);

  it('hovers with the model documentation and the decoded properties', async () => {
    const doc = await openFixture('putusers/valid.putusers.json');
    const line = doc.lineAt(5).text;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(5, line.indexOf('properties') + 2),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /A string map of user-specific metadata/);
    assert.match(text, /"numberOfVideosWatched": "45",\n\s+"membership": "Member"/);
  });
});
