// "PutUsers: Copy as AWS CLI Command" in the real VS Code: the command on the clipboard, run by
// bash with the real AWS CLI (/usr/bin/aws, when installed) against the project's emulator,
// sends exactly the users of the file, in both forms, from JSON and YAML files. The quoting
// itself is tested per shell in plain Node (test/unit/core/aws-command, test/system/aws-command).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { type PutUsersRequest, toCliCommand, writeInput } from '../../src/core';
import { type Emulator, startEmulator } from '../../src/emulator';
import { awsCliPath, cliEnv } from '../support/aws-cli';
import { ARN } from '../support/values';
import { closeAllEditors, fixtureUri, workspaceFolder } from './helpers';

const REQUEST: PutUsersRequest = {
  datasetArn: ARN,
  users: [
    { userId: 'u1', properties: '{"age": "31", "memberTier": "Gold|Frequent shopper"}' },
    { userId: "O'Brien $HOME `id`", properties: '{"quote": "say \\"hi\\"\\n", "city": "Zürich"}' },
    { userId: 'plain' },
    { userId: 'a,b=c', properties: '{"path": "C:\\\\temp\\\\new"}' },
  ],
};

const copy = (uri: vscode.Uri, options: { inline?: boolean; shell?: string }) =>
  vscode.commands.executeCommand<string | undefined>('putUsers.copyAsCliCommand', uri, options);

describe('PutUsers: Copy as AWS CLI Command', function () {
  this.timeout(60_000);
  let emulator: Emulator | undefined;
  const cli = awsCliPath();
  const env = cliEnv();

  before(async () => {
    if (cli)
      emulator = await startEmulator({
        credentials: [{ accessKeyId: env['AWS_ACCESS_KEY_ID']!, secretAccessKey: env['AWS_SECRET_ACCESS_KEY']! }],
        datasets: [{ arn: ARN }],
      });
  });
  after(async () => {
    await emulator?.close();
    await closeAllEditors();
  });

  /** Runs the command in bash in the workspace folder, against the emulator; the body it sent. */
  const runInBash = (command: string) =>
    new Promise<unknown>((resolve, reject) => {
      emulator!.clear();
      execFile(
        '/bin/bash',
        ['-c', `${command} --endpoint-url ${emulator!.url}`],
        { cwd: workspaceFolder().uri.fsPath, env, encoding: 'utf8', timeout: 60_000 },
        (error, _stdout, stderr) => {
          if (error) return reject(new Error(`bash: ${stderr}`));
          const [request] = emulator!.requests;
          return request ? resolve(JSON.parse(request.body)) : reject(new Error('nothing was sent'));
        },
      );
    });

  for (const format of ['json', 'yaml'] as const) {
    it(`copies a ${format.toUpperCase()} input in both forms, and bash with the real CLI sends exactly its users`, async function () {
      const relative = `aws-command/people.putusers.${format}`;
      const uri = fixtureUri(relative);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(writeInput(REQUEST, format)));
      await vscode.window.showTextDocument(uri);
      const byFile = await copy(uri, { shell: 'bash' });
      assert.equal(byFile, `aws personalize-events put-users --cli-input-${format} file://${relative}`);
      assert.equal(await vscode.env.clipboard.readText(), byFile);
      const inline = await copy(uri, { shell: 'bash', inline: true });
      assert.equal(inline, toCliCommand({ path: relative, format, request: REQUEST }, { shell: 'bash', inline: true }));
      assert.equal(await vscode.env.clipboard.readText(), inline);
      const powershell = await copy(uri, { shell: 'powershell', inline: true });
      assert.equal(
        powershell,
        toCliCommand({ path: relative, format, request: REQUEST }, { shell: 'powershell', inline: true }),
      );
      if (!cli) return this.skip(); // no /usr/bin/aws to run them with
      assert.deepEqual(await runInBash(byFile!), REQUEST, 'the file form');
      assert.deepEqual(await runInBash(inline!), REQUEST, 'the self-contained form');
    });
  }

  it('copies nothing from a file the CLI or the service would reject', async () => {
    const uri = fixtureUri('aws-command/broken.putusers.json');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(JSON.stringify({ datasetArn: ARN, users: [{ userID: 'u1' }] })),
    );
    await vscode.env.clipboard.writeText('before');
    assert.equal(await copy(uri, { shell: 'bash' }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });
});
