// The command table: every command of the manifest registered, and no other.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture } from './helpers';

describe('PutUsers commands', () => {
  afterEach(closeAllEditors);

  it('registers every command of the manifest, and no other', async () => {
    await openFixture('putusers/valid.putusers.json'); // activates the extension, on its own time
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'putusers')!;
    await extension.activate(); // resolves once activate() has returned, so every command is registered
    const manifest = extension.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('putUsers.'));
    assert.deepStrictEqual(registered.sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });
});
