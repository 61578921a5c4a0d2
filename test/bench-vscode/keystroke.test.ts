// Time from a one-character edit to the updated diagnostics, in 1,000- and 10,000-user files,
// JSON and YAML, with the extension's default debounce (putUsers.validationDelay, 150 ms) and
// without it; and the extension's activation. Medians of several edits, printed as a table.
import * as assert from 'node:assert/strict';
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

/** Resolves with the time when the diagnostics of `uri` next change. */
function nextDiagnostics(uri: vscode.Uri): Promise<number> {
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      listener.dispose();
      resolve(performance.now());
    });
  });
}

describe('benchmark: the keystroke path in the real VS Code', function () {
  this.timeout(600_000);
  const rows: string[] = [];
  after(() => {
    console.log(['| file | debounce | edit → diagnostics, median ms |', '| --- | ---: | ---: |', ...rows].join('\n'));
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
        const shown = nextDiagnostics(uri);
        const editor = await vscode.window.showTextDocument(uri);
        await shown;
        const config = vscode.workspace.getConfiguration('putUsers');
        for (const delay of [150, 0]) {
          await config.update('validationDelay', delay, vscode.ConfigurationTarget.Workspace);
          const times: number[] = [];
          for (let i = 0; i < EDITS; i++) {
            // A character typed into the last user's id: its diagnostics (too many users) stay, and are published again.
            const line = editor.document.lineAt(editor.document.lineCount - (format === 'json' ? 5 : 3));
            const updated = nextDiagnostics(uri);
            const started = performance.now();
            await editor.edit((b) => b.insert(line.range.end.translate(0, -3), 'x'));
            times.push((await updated) - started);
          }
          rows.push(
            `| ${count} users, ${format} (${(editor.document.getText().length / 1e6).toFixed(2)} MB) | ${delay} ms | ${median(times).toFixed(1)} |`,
          );
        }
        await config.update('validationDelay', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
});
