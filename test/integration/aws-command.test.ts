// "PutUsers: Copy as AWS CLI Command" and "Paste AWS CLI Command as Input File" in the real VS
// Code. A copied command, run by bash with the real AWS CLI (/usr/bin/aws, when installed)
// against the project's emulator, sends exactly the users of the file, in both forms, from JSON
// and YAML files; a pasted command becomes the input file of the request it sends, or opens with
// its problem marked. The quoting and the reading of command lines are held to the real CLI per
// shell and per case in plain Node (test/unit/core/aws-command, test/system/aws-command).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { type PutUsersRequest, readRequest, toCliCommand, writeInput } from '../../src/core';
import { type Emulator, startEmulator } from '../../src/emulator';
import { awsCliPath, cliEnv } from '../support/aws-cli';
import { ARN } from '../support/values';
import { closeAllEditors, codeLenses, fixtureUri, waitForDiagnostics, workspaceFolder } from './helpers';

const REQUEST: PutUsersRequest = {
  datasetArn: ARN,
  users: [
    { userId: 'u1', properties: '{"age": "31", "memberTier": "Gold|Frequent shopper"}' },
    { userId: "O'Brien $HOME `id`", properties: '{"quote": "say \\"hi\\"\\n", "city": "Zürich"}' },
    { userId: 'plain' },
    { userId: 'a,b=c', properties: '{"path": "C:\\\\temp\\\\new"}' },
  ],
};

const paste = (text: string, format: 'json' | 'yaml' = 'json', shell?: string) =>
  vscode.commands.executeCommand<vscode.Uri | undefined>('putUsers.pasteCliCommand', { text, format, shell });
/** The request of the input file a paste opened. */
const pasted = async (uri: vscode.Uri | undefined, format: 'json' | 'yaml' = 'json') => {
  assert.ok(uri, 'an input file was made');
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, format);
  const { request, findings } = readRequest(document.getText(), format);
  assert.deepEqual(findings, []);
  return request;
};

const copy = (uri: vscode.Uri, options: { inline?: boolean; shell?: string }) =>
  vscode.commands.executeCommand<string | undefined>('putUsers.copyAsCliCommand', uri, options);

describe('PutUsers: Copy as AWS CLI Command, Paste AWS CLI Command as Input File', function () {
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

  it('pastes a command as the input file of the request it sends: shorthand, file://, --cli-input-yaml with an override', async () => {
    const shorthand = await paste(
      `aws personalize-events put-users --dataset-arn ${ARN} \\\n  --users userId=u1,properties='"{\\"age\\":\\"31\\"}"' 'userId=u 2'`,
    );
    assert.deepEqual(await pasted(shorthand), {
      datasetArn: ARN,
      users: [{ userId: 'u1', properties: '{"age":"31"}' }, { userId: 'u 2' }],
    });
    await vscode.workspace.fs.writeFile(
      fixtureUri('aws-command/users.json'),
      new TextEncoder().encode(JSON.stringify(REQUEST.users)),
    );
    const fromFile = await paste(
      `aws personalize-events put-users --dataset-arn ${ARN} --users file://aws-command/users.json`,
      'yaml',
    );
    assert.deepEqual(await pasted(fromFile, 'yaml'), REQUEST, 'file:// read from the workspace folder');
    await vscode.workspace.fs.writeFile(
      fixtureUri('aws-command/input.putusers.yaml'),
      new TextEncoder().encode(writeInput(REQUEST, 'yaml')),
    );
    const other = 'arn:aws:personalize:eu-west-1:123456789012:dataset/other/USERS';
    const overridden = await paste(
      `aws personalize-events put-users --cli-input-yaml file://aws-command/input.putusers.yaml --dataset-arn ${other}`,
    );
    assert.deepEqual(await pasted(overridden), { ...REQUEST, datasetArn: other }, 'the explicit argument wins');
  });

  it('a copied command pastes back as the same request, for each form and shell', async () => {
    const uri = fixtureUri('aws-command/people.putusers.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(writeInput(REQUEST, 'json')));
    for (const shell of ['bash', 'powershell', 'cmd'])
      for (const inline of [false, true]) {
        const command = await copy(uri, { shell, inline });
        // The file form reads the file from the workspace folder; on Windows it would be the same path.
        assert.deepEqual(
          await pasted(await paste(command!, 'json', shell)),
          REQUEST,
          `${shell}, ${inline ? 'self-contained' : 'file form'}`,
        );
      }
  });

  it('a command the CLI would reject opens with its problem on the place it concerns, in the CLI’s words', async () => {
    const text = `aws personalize-events put-users --dataset-arn ${ARN} --users userId=a,userId=b`;
    assert.equal(await paste(text), undefined);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(), text);
    const [problem] = vscode.languages.getDiagnostics(editor.document.uri);
    assert.ok(problem, 'a diagnostic on the command');
    assert.match(problem.message, /Second instance of key/);
    assert.ok(editor.document.getText(problem.range).length > 0);
    assert.ok(text.indexOf('userId=a') <= editor.document.offsetAt(problem.range.start), 'on --users');
  });

  it('a pasted command with a problem: the problem follows the edits (gone once mended), and its CodeLens makes the input file', async () => {
    const text = `aws personalize-events put-users --dataset-arn ${ARN} --users userId=a,userId=b`;
    assert.equal(await paste(text), undefined);
    const document = vscode.window.activeTextEditor!.document;
    const ours = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'PutUsers');
    assert.equal(ours().length, 1);
    const replace = async (from: string, to: string) => {
      const at = document.getText().indexOf(from);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    // Mended: two users, as the CLI's shorthand writes a list.
    await replace('userId=a,userId=b', 'userId=a userId=b');
    await waitForDiagnostics(document.uri, (ds) => ds.every((d) => d.source !== 'PutUsers'));
    // Broken elsewhere: the problem is where it now is.
    await replace('userId=b', 'userID=b');
    const [moved] = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.source === 'PutUsers'));
    assert.match(moved!.message, /users\[1\]/);
    assert.equal(document.offsetAt(moved!.range.start), document.getText().indexOf('userID=b'), 'on the second user');
    await replace('userID=b', 'userId=b');
    await waitForDiagnostics(document.uri, (ds) => ds.every((d) => d.source !== 'PutUsers'));
    const [lens] = await codeLenses(document.uri);
    assert.equal(lens?.command?.title, '$(new-file) Make Input File from This Command');
    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      lens!.command!.command,
      ...(lens!.command!.arguments ?? []).map((a: object) => ({ ...a, format: 'json' })),
    );
    assert.deepEqual(await pasted(made), { datasetArn: ARN, users: [{ userId: 'a' }, { userId: 'b' }] });
  });

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
