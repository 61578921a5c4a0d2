// One keystroke to a problem on the line being edited, ours beside VS Code's own JSON service, in
// the same run on the same file: 10, 1,000 and 10,000 users, JSON and YAML, with the extension's
// settings as a user has them. The figures are printed, not asserted (benchmarks, not timed tests).
//
// Each round types two keystrokes with the `type` command (the editor's own typing, as from the
// keyboard), each on the `properties` line of another user, and undoes each before the next:
// - `x` after the `{` of the properties string: its JSON breaks, which only PutUsers reports;
// - (JSON) `,` at the end of the line: a trailing comma, which the JSON service reports there
//   (PutUsers leaves a syntax error the JSON service shows to it: json-service.ts).
// The time is from the `type` command to the diagnostic on that line in `languages.getDiagnostics`,
// polled every millisecond: `onDidChangeDiagnostics` is debounced by 50 ms in the extension host,
// which would blur the two.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Format, writeInput } from '../../src/core';
import { fixtureUri } from '../integration/helpers';
import { type CpuProfile, type LongTask, longTasks } from './long-tasks';
import { ARN } from '../support/values';

/** Keystrokes of each kind per file: fewer in the largest, which is here for its long tasks, not a target. */
const ROUNDS: Record<number, number> = { 10: 15, 1000: 15, 10000: 5 };
const TIMEOUT_MS = 20_000;
/** After each undo: folding, the outline and the lenses follow an edit; they run before the next one. */
const SETTLE_MS = 400;

function users(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    userId: `user-${String(i).padStart(6, '0')}`,
    properties: JSON.stringify({ age: String(18 + (i % 60)), membership: i % 3 ? 'Member' : 'Guest' }),
  }));
}

/** Nearest rank. */
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * values.length) - 1)]!;
const ms = (v: number | undefined) => (v === undefined ? '' : v.toFixed(0));

type Source = 'PutUsers' | 'json';

/** Resolves with the time when `uri` first has (or, `present` false, no longer has) a diagnostic of `source` on `line`. */
function diagnosticOnLine(uri: vscode.Uri, source: Source, line: number, present = true): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const seen = vscode.languages.getDiagnostics(uri).some((d) => d.source === source && d.range.start.line === line);
      if (seen === present) return resolve(performance.now());
      if (performance.now() - started > TIMEOUT_MS)
        return reject(new Error(`no ${source} diagnostic ${present ? 'came' : 'went'} on line ${line + 1}`));
      setTimeout(poll, 1);
    };
    poll();
  });
}

/** The `properties` line of user `index` in writeInput's layout. */
function propertiesLine(format: Format, index: number): number {
  return format === 'json' ? 5 + 4 * index : 3 + 2 * index;
}

interface Row {
  file: string;
  ours: number[];
  json: number[];
  /** The most any one task of the extension host ran our code, from the CPU profile (per row). */
  oursTaskMs: number;
  /** The extension host's longest event-loop delay during the row, whoever's. */
  hostDelayMs: number;
  load: string;
}

describe('benchmark: one keystroke to a problem on its line, in the real VS Code', function () {
  this.timeout(900_000);
  const rows: Row[] = [];
  const notes: string[] = [];
  // The extension host's console does not reach the launcher: the table goes to test-results/.
  after(() => {
    const dir = path.resolve(__dirname, '../../../test-results');
    mkdirSync(dir, { recursive: true });
    const table = [
      `VS Code ${vscode.version}; ${Object.entries(ROUNDS)
        .map(([users, n]) => `${n} keystrokes of each kind in ${users} users`)
        .join(', ')}; the load average as each row began in the last column.`,
      '',
      '| file | PutUsers median ms | p90 | JSON service median ms | p90 | PutUsers / JSON service (medians) | most PutUsers code in one host task, ms | host event-loop delay max, ms | load |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows
        .map((r) =>
          [
            r.file,
            ms(percentile(r.ours, 0.5)),
            ms(percentile(r.ours, 0.9)),
            r.json.length ? ms(percentile(r.json, 0.5)) : '',
            r.json.length ? ms(percentile(r.json, 0.9)) : '',
            r.json.length ? `${(percentile(r.ours, 0.5) / percentile(r.json, 0.5)).toFixed(2)}x` : '',
            ms(r.oursTaskMs),
            ms(r.hostDelayMs),
            r.load,
          ].join(' | '),
        )
        .map((line) => `| ${line} |`),
      '',
      'Every sample, ms (PutUsers; JSON service):',
      ...rows.map(
        (r) => `- ${r.file}: ${r.ours.map(ms).join(' ')}${r.json.length ? `; ${r.json.map(ms).join(' ')}` : ''}`,
      ),
      ...notes,
    ].join('\n');
    writeFileSync(path.join(dir, 'bench-vscode.md'), `${table}\n`);
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension('putusers-team.putusers')!;
    if (extension.isActive) return void notes.push('', 'Activation: active before the suite began, not measured.');
    const started = performance.now();
    await extension.activate();
    assert.ok(extension.isActive);
    notes.push(
      '',
      `Activation (\`extension.activate()\`, its module loaded): ${(performance.now() - started).toFixed(1)} ms.`,
    );
  });

  for (const count of Object.keys(ROUNDS).map(Number))
    for (const format of ['json', 'yaml'] as Format[])
      it(`${count} users, ${format}`, async () => {
        const uri = fixtureUri(`bench/users-${count}.putusers.${format}`);
        await vscode.workspace.fs.writeFile(
          uri,
          new TextEncoder().encode(writeInput({ datasetArn: ARN, users: users(count) }, format)),
        );
        const editor = await vscode.window.showTextDocument(uri);
        const { document } = editor;
        // Checked once as it opened: the worker is running and holds the document.
        await waitUntil(() => analyzed(document));
        const row: Row = {
          file: `${count} users, ${format} (${(document.getText().length / 1e6).toFixed(2)} MB)`,
          ours: [],
          json: [],
          oursTaskMs: 0,
          hostDelayMs: 0,
          load: loadavg()
            .map((l) => l.toFixed(1))
            .join(' '),
        };
        const delay = monitorEventLoopDelay({ resolution: 5 });
        delay.enable();
        const profiler = await startProfiler();
        const rounds = ROUNDS[count]!;
        for (let round = 0; round < rounds; round++) {
          // Users spread over the file, a different one for each keystroke.
          const user = Math.floor(((round + 0.5) * count) / rounds) % count;
          const line = propertiesLine(format, user);
          const text = document.lineAt(line).text;
          assert.ok(text.includes(`properties`), `line ${line + 1}: ${text}`);
          row.ours.push(await keystroke(editor, new vscode.Position(line, text.indexOf('{') + 1), 'x', 'PutUsers'));
          if (format === 'json')
            row.json.push(await keystroke(editor, new vscode.Position(line, text.length), ',', 'json'));
        }
        delay.disable();
        row.hostDelayMs = delay.max / 1e6;
        row.oursTaskMs = Math.max(0, ...(await profiler.stop(`${count}-${format}`)).map((t) => t.oursMs));
        rows.push(row);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
});

/**
 * Types `character` at `at`, times it to a `source` diagnostic on that line, then deletes it and
 * waits for the diagnostic to go, and for the extension host to settle.
 */
async function keystroke(editor: vscode.TextEditor, at: vscode.Position, character: string, source: Source) {
  editor.selection = new vscode.Selection(at, at);
  const before = editor.document.version;
  const started = performance.now();
  const shown = diagnosticOnLine(editor.document.uri, source, at.line);
  await vscode.commands.executeCommand('type', { text: character });
  const took = (await shown) - started;
  assert.equal(editor.document.version, before + 1);
  assert.equal(editor.document.getText(new vscode.Range(at, at.translate(0, 1))), character);
  await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, 1))));
  await diagnosticOnLine(editor.document.uri, source, at.line, false);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return took;
}

/** Whether our diagnostics of `document` are in (the file is valid: the outline answers instead). */
async function analyzed(document: vscode.TextDocument): Promise<boolean> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
    'vscode.executeDocumentSymbolProvider',
    document.uri,
  );
  return (symbols ?? []).some((s) => s.name === 'users');
}

async function waitUntil(check: () => Promise<boolean>) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > TIMEOUT_MS) throw new Error('the document was not analyzed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A CPU profile of the extension host during each row's keystrokes: its long tasks (over 20 ms)
 * and how much of each ran this extension's code, written to test-results/ with the profile
 * itself (which Chrome DevTools opens). Returns every task, long or not.
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
      const tasks = longTasks(profile as CpuProfile, 0, (url) => url.includes(bundles));
      writeFileSync(
        path.join(dir, `bench-vscode-${name}.long-tasks.txt`),
        tasks
          .filter((t) => t.ms >= 20)
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
