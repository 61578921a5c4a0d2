// The .vsix installed into a real VS Code (not loaded from the source tree): it activates on an
// input file, reports its mistakes, generates the CLI's skeleton and sends to the emulator.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readRequest, skeleton } from '../../src/core';
import type { Emulator } from '../../src/emulator';
import type { SendFileResult } from '../../src/extension/send/send-file';
import { KEYS, startTestEmulator } from '../support/emulator-harness';
import { registerSensitive, sensitiveOfUsers } from '../support/sensitive';
import { closeAllEditors, fixtureUri, formatDiagnostic, openFixture, waitForDiagnostics } from '../integration/helpers';

const repo = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
};
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const SAMPLE_ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/streaming-demo/USERS';

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext;
}

/** Every file of a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('the .vsix, installed into VS Code', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('is the packaged extension, not the source tree, and holds only what it loads', () => {
    const ext = extension();
    assert.equal((ext.packageJSON as { version: string }).version, manifest.version);
    assert.ok(!ext.extensionPath.startsWith(repo), `loaded from ${ext.extensionPath}, not from the repository`);
    const files = filesUnder(ext.extensionPath).filter((f) => f !== '.vsixmanifest');
    assert.deepEqual(
      files.filter((f) => f.startsWith('dist')),
      ['dist/analysis-worker.js', 'dist/emulator.js', 'dist/extension.js', 'dist/send.js'],
      'no CLI, core.js or source maps',
    );
    assert.deepEqual(
      files.filter((f) => /\.(ts|map)$|^(src|test|out|node_modules)\//.test(f)),
      [],
      'no sources, tests, maps or node_modules',
    );
  });

  it('has a README whose image links are absolute URLs of files in the repository (the Extensions view drops relative ones)', () => {
    // VS Code's extension page strips relative image sources (seen in 1.139), so vsce rewrites them to the repository.
    const ext = extension();
    const readme = readdirSync(ext.extensionPath).find((f) => f.toLowerCase() === 'readme.md');
    assert.ok(readme, 'the README is packaged');
    const text = readFileSync(path.join(ext.extensionPath, readme), 'utf8');
    const images = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 3, `the README shows screenshots: ${images.join(', ')}`);
    const repository = (manifest as unknown as { repository: { url: string } }).repository.url.replace(/\.git$/, '');
    for (const image of images) {
      assert.ok(image.startsWith(`${repository}/raw/HEAD/`), `${image} is under ${repository}/raw/HEAD/`);
      const file = path.join(repo, image.slice(`${repository}/raw/HEAD/`.length));
      assert.ok(
        readdirSync(path.dirname(file)).includes(path.basename(file)),
        `${path.relative(repo, file)} is in the repository`,
      );
    }
  });

  it('activates on an input file and reports its mistakes in the AWS CLI’s words', async () => {
    const doc = await openFixture('mistakes.putusers.json');
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.filter((d) => d.source === 'PutUsers').length >= 5,
    );
    assert.ok(extension().isActive, 'activated by opening the file');
    const codes = diagnostics.map((d) => String(d.code)).sort();
    assert.deepEqual(
      codes,
      ['cli/invalid-type', 'cli/invalid-type', 'cli/missing-member', 'cli/unknown-member', 'schema/key-not-camel-case'],
      diagnostics.map(formatDiagnostic).join('\n'),
    );
    const unknown = diagnostics.find((d) => d.code === 'cli/unknown-member')!;
    assert.equal(doc.getText(unknown.range), '"userID"');
  });

  it('generates the AWS CLI’s skeleton, byte for byte', async () => {
    for (const kind of ['input', 'yaml-input'] as const) {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.generateSkeleton', kind);
      assert.equal(editor?.document.getText(), skeleton(kind));
      assert.equal(
        editor.document.getText(),
        readFileSync(path.join(repo, 'test', 'fixtures', 'skeletons', `${kind}.txt`), 'utf8'),
      );
      assert.equal(editor.document.languageId, kind === 'input' ? 'json' : 'yaml');
    }
  });

  describe('Send File', () => {
    let emulator: Emulator;
    const config = () => vscode.workspace.getConfiguration('putUsers');
    before(async () => {
      emulator = await startTestEmulator({ datasets: [{ arn: SAMPLE_ARN }] });
      writeFileSync(process.env['AWS_CONFIG_FILE']!, '[profile smoke]\nregion = us-east-1\n');
      writeFileSync(
        process.env['AWS_SHARED_CREDENTIALS_FILE']!,
        `[smoke]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
      );
      await config().update('profile', 'smoke', vscode.ConfigurationTarget.Global);
      await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
      await config().update('profile', undefined, vscode.ConfigurationTarget.Global);
      await config().update('endpoint', undefined, vscode.ConfigurationTarget.Workspace);
      await emulator?.close();
    });

    it('reaches the emulator with every user of the sample file, in order, in one request per 10 users', async () => {
      const uri = fixtureUri('25-users.putusers.json');
      const { request } = readRequest(readFileSync(uri.fsPath, 'utf8'), 'json');
      registerSensitive(KEYS.secretAccessKey, ...sensitiveOfUsers(request!.users));
      const result = await vscode.commands.executeCommand<SendFileResult>('putUsers.sendFile', uri, {
        confirmed: true,
      });
      assert.equal(result?.status, 'sent', JSON.stringify(result));
      assert.deepEqual(emulator.acceptedUsers(), request!.users);
      assert.equal(emulator.accepted.length, 3);
      assert.ok(emulator.requests.every((r) => r.scope?.region === 'us-east-1' && r.status === 200));
    });
  });

  it('starts its own local emulator (dist/emulator.js, loaded on demand) and sends the sample to it', async () => {
    const url = await vscode.commands.executeCommand<string>('putUsers.startLocalEmulator');
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const uri = fixtureUri('25-users.putusers.json');
      const result = await vscode.commands.executeCommand<SendFileResult>('putUsers.sendFile', uri, {
        confirmed: true,
      });
      assert.equal(result?.status, 'sent', JSON.stringify(result));
      const { report } = result as Extract<SendFileResult, { status: 'sent' }>;
      assert.deepEqual([report.endpoint, report.accepted, report.requests.length], [url, 25, 3]);
    } finally {
      await vscode.commands.executeCommand('putUsers.stopLocalEmulator');
    }
  });
});
