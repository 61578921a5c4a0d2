// Time from a one-character edit to the updated diagnostics, in 1,000- and 10,000-user files,
// JSON and YAML, with the extension's default debounce (putUsers.validationDelay, 150 ms) and
// without it; and the extension's activation. Medians of several edits, printed as a table.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Format, writeInput } from '../../src/core';
import { fixtureUri } from '../integration/helpers';
import { type CpuProfile, type LongTask, longTasks } from './long-tasks';
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
    const table = [
      '| measure | debounce | median ms | longest task of the extension host, ms | of which PutUsers code, ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n');
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
          // The longest the extension host's event loop waited while the edits were checked, folded and outlined.
          const blocked = monitorEventLoopDelay({ resolution: 5 });
          blocked.enable();
          const profiler = await startProfiler();
          for (let i = 0; i < EDITS; i++) {
            // A character typed into the ARN's account: the warning that names it tells our new diagnostics apart.
            const at = editor.document.getText(new vscode.Range(0, 0, 2, 0)).indexOf(typed) + typed.length;
            typed += String.fromCharCode(97 + ((i + delay) % 26));
            const updated = oursHolding(uri, `'${typed}'`);
            const started = performance.now();
            await editor.edit((b) => b.insert(editor.document.positionAt(at), typed.slice(-1)));
            times.push((await updated) - started);
            // Folding, the outline and lenses follow the diagnostics: let them run before the next edit.
            await new Promise((resolve) => setTimeout(resolve, 600));
          }
          blocked.disable();
          const tasks = await profiler.stop(`${count}-${format}-${delay}ms`);
          const oursMs = Math.max(0, ...tasks.map((t) => t.oursMs));
          rows.push(
            `| edit → diagnostics, ${count} users, ${format} (${(editor.document.getText().length / 1e6).toFixed(2)} MB) | ${delay} ms | ${median(times).toFixed(1)} | ${(blocked.max / 1e6).toFixed(0)} | ${oursMs.toFixed(0)} |`,
          );
        }
        await config.update('validationDelay', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
});

/**
 * A CPU profile of the extension host during each run of edits: its long tasks (over 20 ms) and
 * how much of each ran this extension's code, written to test-results/ with the profile itself
 * (which Chrome DevTools opens).
 */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name: string): Promise<LongTask[]> {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      const dir = path.resolve(__dirname, '../../../test-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `bench-vscode-${name}.cpuprofile`), JSON.stringify(profile));
      const bundles = `${vscode.extensions.getExtension('putusers-team.putusers')!.extensionUri.path}/dist/`;
      const tasks = longTasks(profile as CpuProfile, 20, (url) => url.includes(bundles));
      writeFileSync(
        path.join(dir, `bench-vscode-${name}.long-tasks.txt`),
        tasks
          .map(
            (t) =>
              `${t.ms.toFixed(1)} ms at +${t.atMs.toFixed(0)} ms, PutUsers ${t.oursMs.toFixed(1)} ms\n  ${t.top.join('\n  ')}`,
          )
          .join('\n'),
      );
      return tasks;
    },
  };
}
