// What a first-time user meets in the first minutes, in the real VS Code: the settings at their
// defaults, where sends go with a custom endpoint, the counts in messages, Import Users from CSV
// from the CSV's own editor, and inputs of another file system than the disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImportCsvResult } from '../../src/extension/import-csv';
import { ARN, pollUntil } from '../support/values';
import { closeAllEditors, fixtureUri, formatDiagnostic, lensTitles, withTimeout } from './helpers';
import { codeActionTitled, ours, waitForOurs } from './putusers-helpers';

const config = () => vscode.workspace.getConfiguration('putUsers');
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

/** Sets putUsers settings for the test, and puts back what was there after it. */
async function withSettings(
  values: Record<string, [unknown, vscode.ConfigurationTarget]>,
  body: () => Promise<void>,
): Promise<void> {
  const saved = Object.entries(values).map(([key, [, target]]) => {
    const inspected = config().inspect(key);
    const value = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
    return [key, value, target] as const;
  });
  try {
    for (const [key, [value, target]] of Object.entries(values)) await config().update(key, value, target);
    await body();
  } finally {
    for (const [key, value, target] of saved) await config().update(key, value, target);
  }
}

describe('PutUsers: the first ten minutes', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('puts no error on putUsers.endpoint at its empty default, and one on a value that is no http(s) URL', async () => {
    // Checked by the JSON service against the user settings' schema, as settings.json and the Settings editor are.
    const check = async (name: string, endpoint: string) => {
      const uri = fixtureUri(`first-minutes/${name}.json`);
      const text = `{\n  "$schema": "vscode://schemas/settings/user",\n  "putUsers.endpoint": ${JSON.stringify(endpoint)},\n  "putUsers.concurrency": "four"\n}\n`;
      await write(uri, text);
      await vscode.window.showTextDocument(uri);
      // The concurrency's wrong type shows the settings' schema was applied; the endpoint is line 2.
      const ds = await pollUntil(
        () => {
          const now = vscode.languages.getDiagnostics(uri);
          return now.some((d) => d.range.start.line === 3) ? now : undefined;
        },
        15_000,
        () =>
          `the settings schema's diagnostics: ${vscode.languages.getDiagnostics(uri).map(formatDiagnostic).join('; ')}`,
      );
      return ds.filter((d) => d.range.start.line === 2).map((d) => d.message);
    };
    assert.deepEqual(await check('empty-endpoint', ''), []);
    assert.deepEqual(await check('emulator-endpoint', 'http://127.0.0.1:4566'), []);
    assert.deepEqual(await check('bare-endpoint', 'localhost:4566'), [
      "An http:// or https:// URL, e.g. http://localhost:4566; empty to send to AWS's own endpoint.",
    ]);
  });

  it('with putUsers.endpoint set, warns in the CodeLens and asks before sending to a dataset of another region', async () => {
    const uri = fixtureUri('first-minutes/elsewhere.putusers.json');
    await write(uri, JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1' }] }, null, 2));
    const endpoint = 'http://127.0.0.1:9';
    await withSettings(
      {
        endpoint: [endpoint, vscode.ConfigurationTarget.Workspace],
        region: ['eu-west-1', vscode.ConfigurationTarget.Global],
      },
      async () => {
        await vscode.window.showTextDocument(uri);
        const warning = await pollUntil(
          async () => (await lensTitles(uri)).find((t) => t.startsWith('$(warning)')),
          10_000,
          () => 'a CodeLens warning of the region',
        );
        assert.match(
          warning,
          /^\$\(warning\) .+ · eu-west-1 · http:\/\/127\.0\.0\.1:9 \(the dataset is in us-east-1\)$/,
        );
        // The question (a modal dialog, which the test host refuses, quoting it): nothing is sent.
        await assert.rejects(
          Promise.resolve(vscode.commands.executeCommand('putUsers.sendFile', uri, { confirmed: false })),
          /Contents: PutUsers: the dataset of first-minutes\/elsewhere\.putusers\.json is in us-east-1, but PutUsers would send to http:\/\/127\.0\.0\.1:9 \(putUsers\.endpoint\), signed for eu-west-1 \(putUsers\.region\)\.$/,
        );
      },
    );
  });

  it('Stop Local Emulator says sends go where the settings send: the endpoint they name, or AWS', async () => {
    await withSettings({ endpoint: ['http://127.0.0.1:4566', vscode.ConfigurationTarget.Workspace] }, async () => {
      await vscode.commands.executeCommand('putUsers.startLocalEmulator');
      assert.equal(
        await vscode.commands.executeCommand('putUsers.stopLocalEmulator'),
        'PutUsers: the local emulator stopped. Sends go to http://127.0.0.1:4566 (putUsers.endpoint) again.',
      );
    });
    await withSettings({ endpoint: [undefined, vscode.ConfigurationTarget.Workspace] }, async () => {
      await vscode.commands.executeCommand('putUsers.startLocalEmulator');
      assert.equal(
        await vscode.commands.executeCommand('putUsers.stopLocalEmulator'),
        'PutUsers: the local emulator stopped. Sends go to AWS again.',
      );
    });
  });

  it('imports the CSV of the active editor without asking for a file, and counts in the singular', async () => {
    const csv = fixtureUri('first-minutes/one.csv');
    await write(csv, 'USER_ID,AGE\nsolo,30\nbad\n');
    await vscode.window.showTextDocument(csv);
    // Before, the command opened a file dialog here (which never settles in the test host).
    const result = await withTimeout(
      Promise.resolve(
        vscode.commands.executeCommand<ImportCsvResult>('putUsers.importCsv', undefined, { datasetArn: ARN }),
      ),
      10_000,
      () => 'Import Users from CSV asked for a file',
    );
    assert.deepEqual(
      result.files.map((f) => vscode.workspace.asRelativePath(f, false)),
      ['first-minutes/one-0001.putusers.json'],
    );
    assert.equal(
      result.summary,
      'Imported 1 user from one.csv into 1 file beside it (no dataset schema: every value is a string); 1 row rejected.',
    );
  });

  describe('an input of another file system (a virtual workspace’s)', () => {
    const SCHEME = 'putusers-test-mem';
    let registration: vscode.Disposable | undefined;
    before(() => {
      registration = vscode.workspace.registerFileSystemProvider(SCHEME, new MemoryFileSystem(), {
        isCaseSensitive: true,
      });
    });
    after(() => registration?.dispose());

    it('is checked, hovered, completed, fixed and outlined as one on disk', async () => {
      const uri = vscode.Uri.from({ scheme: SCHEME, path: '/repo/mem.putusers.json' });
      const text = `{\n  "datasetArn": "${ARN}",\n  "users": [\n    {"userID": "u1"}\n  ]\n}\n`;
      await vscode.workspace.fs.createDirectory(vscode.Uri.from({ scheme: SCHEME, path: '/repo' }));
      await write(uri, text);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const shown = await waitForOurs(uri, 2);
      assert.deepEqual(
        shown.map((d) => `${d.code} ${document.getText(d.range)}`),
        ['cli/missing-member {', 'cli/unknown-member "userID"'],
      );
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(1, 5),
      );
      const hoverText = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      assert.match(hoverText, /datasetArn/);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(3, 6),
      );
      assert.ok(
        completions.items.some(
          (i) => i.label === 'userId' || (i.label as vscode.CompletionItemLabel).label === 'userId',
        ),
        completions.items.map((i) => JSON.stringify(i.label)).join(', '),
      );
      const fix = await codeActionTitled(uri, shown[1]!.range, /^Rename to "userId"/);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await pollUntil(
        () => (ours(vscode.languages.getDiagnostics(uri)).length === 0 ? true : undefined),
        10_000,
        () => `diagnostics left: ${vscode.languages.getDiagnostics(uri).map(formatDiagnostic).join('; ')}`,
      );
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        uri,
      );
      assert.ok(
        symbols.some((s) => s.name === 'users' && s.detail === '1 user'),
        symbols.map((s) => `${s.name} (${s.detail})`).join(', '),
      );
    });
  });
});

/** A file system in memory, as another extension (a remote repository's) provides one. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(['/']);
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: file.length };
    if (this.dirs.has(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const names = (paths: Iterable<string>) =>
      [...paths].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && p !== prefix);
    return [
      ...names(this.files.keys()).map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.File]),
      ...names(this.dirs).map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.Directory]),
    ];
  }
  createDirectory(uri: vscode.Uri): void {
    this.dirs.add(uri.path);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const created = !this.files.has(uri.path);
    this.files.set(uri.path, content);
    this.changes.fire([{ type: created ? vscode.FileChangeType.Created : vscode.FileChangeType.Changed, uri }]);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    this.writeFile(to, this.readFile(from));
    this.delete(from);
  }
}
