// Time from a one-character edit to the updated diagnostics, in 1,000- and 10,000-user files,
// JSON and YAML, with the extension's default debounce (putUsers.validationDelay, 150 ms) and
// without it; and the extension's activation. Medians of several edits, printed as a table.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Format, writeInput } from '../../src/core';
import { fixtureUri } from '../integration/helpers';
import { ARN } from '../support/values';

const EDITS = 9;

function users(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    userId: `user-${String(i).padStart(6, '0')}`,
    properties: JSON.stringify({ age: String(18 + (i % 60)), membership: i % 3 ? 'Member' : 'Guest' }),
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Resolves with the time when our diagnostics of `uri` first hold `text` (the JSON service publishes its own). */
function oursHolding(uri: vscode.Uri, text: string): Promise<number> {
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'PutUsers');
      if (!ours.some((d) => d.message.includes(text))) return;
      listener.dispose();
      resolve(performance.now());
    });
  });
}

describe('benchmark: the keystroke path in the real VS Code', function () {
  this.timeout(600_000);
  const rows: string[] = [];
  // The extension host's console does not reach the launcher: the table goes to test-results/.
  after(() => {
    const dir = path.resolve(__dirname, '../../../test-results');
    mkdirSync(dir, { recursive: true });
    const table = ['| measure | debounce | median ms |', '| --- | ---: | ---: |', ...rows].join('\n');
    writeFileSync(path.join(dir, 'bench-vscode.md'), `${table}\n`);
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension('putusers-team.putusers')!;
    if (extension.isActive) return void rows.push('| activation | | (active before the suite began: not measured) |');
    const started = performance.now();
    await extension.activate();
    assert.ok(extension.isActive);
    rows.push(
      `| activation (\`extension.activate()\`, its module loaded) | | ${(performance.now() - started).toFixed(1)} |`,
    );
  });

  for (const format of ['json', 'yaml'] as Format[])
    for (const count of [1000, 10000])
      it(`${count} users, ${format}`, async () => {
        const uri = fixtureUri(`bench/users-${count}.putusers.${format}`);
        await vscode.workspace.fs.writeFile(
          uri,
          new TextEncoder().encode(writeInput({ datasetArn: ARN, users: users(count) }, format)),
        );
        const shown = oursHolding(uri, 'users');
        const editor = await vscode.window.showTextDocument(uri);
        await shown;
        const account = ARN.split(':')[4]!;
        let typed = account;
        const config = vscode.workspace.getConfiguration('putUsers');
        for (const delay of [150, 0]) {
          await config.update('validationDelay', delay, vscode.ConfigurationTarget.Workspace);
          const times: number[] = [];
          for (let i = 0; i < EDITS; i++) {
            // A character typed into the ARN's account: the warning that names it tells our new diagnostics apart.
            const at = editor.document.getText(new vscode.Range(0, 0, 2, 0)).indexOf(typed) + typed.length;
            typed += String.fromCharCode(97 + ((i + delay) % 26));
            const updated = oursHolding(uri, `'${typed}'`);
            const started = performance.now();
            await editor.edit((b) => b.insert(editor.document.positionAt(at), typed.slice(-1)));
            times.push((await updated) - started);
          }
          rows.push(
            `| edit → diagnostics, ${count} users, ${format} (${(editor.document.getText().length / 1e6).toFixed(2)} MB) | ${delay} ms | ${median(times).toFixed(1)} |`,
          );
        }
        await config.update('validationDelay', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
});
