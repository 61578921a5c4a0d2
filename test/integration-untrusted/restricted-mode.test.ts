// In an untrusted workspace (Restricted Mode) the editing features work and nothing is sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startTestEmulator } from '../support/emulator-harness';
import { usersSchemaText } from '../support/values';
import { openFixture } from '../integration/helpers';
import { waitForOurs } from '../integration/putusers-helpers';

describe('PutUsers in Restricted Mode (an untrusted workspace)', function () {
  this.timeout(60_000);

  it('runs untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher must leave workspace trust on (--trust)');
  });

  it('still validates: diagnostics work', async () => {
    const document = await openFixture('users.putusers.json');
    const diagnostics = await waitForOurs(document.uri);
    assert.ok(
      diagnostics.some((d) => /userId/.test(d.message)),
      diagnostics.map((d) => d.message).join('\n'),
    );
  });

  it('ignores putUsers.endpoint from the workspace settings (restrictedConfigurations)', () => {
    const inspected = vscode.workspace.getConfiguration('putUsers').inspect<string>('endpoint');
    assert.equal(
      vscode.workspace.getConfiguration('putUsers').get('endpoint'),
      '',
      `the workspace value must not apply: ${JSON.stringify(inspected)}`,
    );
  });

  it('refuses to send, and nothing reaches the network', async () => {
    const emulator = await startTestEmulator();
    try {
      await vscode.workspace
        .getConfiguration('putUsers')
        .update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
      const document = await openFixture('users.putusers.json');
      const result = await vscode.commands.executeCommand<{ status: string } | undefined>(
        'putUsers.sendFile',
        document.uri,
        { confirmed: true },
      );
      assert.equal(result?.status, 'untrusted');
      assert.equal(emulator.requests.length, 0);
      assert.ok(
        !Object.keys(require.cache).some((m) => /[\\/]dist[\\/]send\.js$/.test(m)),
        'the engine (and the AWS SDK) was not even loaded',
      );
    } finally {
      await vscode.workspace
        .getConfiguration('putUsers')
        .update('endpoint', undefined, vscode.ConfigurationTarget.Global);
      await emulator.close();
    }
  });

  it('fetches no dataset schema from AWS: the workspace cannot turn it on, and the user setting is not acted on here', async () => {
    // null: any resource's value (the setting is resource-scoped).
    const config = () => vscode.workspace.getConfiguration('putUsers', null);
    assert.equal(config().get('datasetSchemaFromAws'), false, 'the workspace value must not apply');
    const document = await openFixture('users.putusers.json');
    const arn = JSON.parse(document.getText()).datasetArn as string;
    const emulator = await startTestEmulator({
      datasets: [{ arn, schema: usersSchemaText({ name: 'AGE', type: 'int' }) }],
    });
    try {
      await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
      await config().update('datasetSchemaFromAws', true, vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('putUsers.validateFile');
      await waitForOurs(document.uri);
      assert.equal(await vscode.commands.executeCommand('putUsers.refreshDatasetSchema'), undefined);
      assert.equal(emulator.describeRequests.length, 0);
      assert.ok(
        !vscode.languages.getDiagnostics(document.uri).some((d) => String(d.code).startsWith('schema/')),
        'no schema checks',
      );
      assert.ok(
        !Object.keys(require.cache).some((m) => /[\\/]dist[\\/]send\.js$/.test(m)),
        'the engine (and the AWS SDK) was not even loaded',
      );
    } finally {
      for (const key of ['endpoint', 'datasetSchemaFromAws'])
        await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      await emulator.close();
    }
  });

  it('shows no Send CodeLens', async () => {
    const document = await openFixture('users.putusers.json');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    assert.deepEqual(
      lenses.filter((l) => l.command?.command?.startsWith('putUsers.')),
      [],
    );
  });
});
