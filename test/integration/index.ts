// The `run()` entry VS Code calls inside the extension host (the extensionTestsPath), the same
// under both launchers: scripts/vscode-server/run-tests.mjs (the VS Code server in headless
// Chromium, what `npm test` uses) and scripts/run-electron-tests.mjs (@vscode/test-electron).
//
// It runs mocha (bdd: describe/it) over every *.test.js below this folder, prints the spec
// report, writes a JSON result to the file named by PUTUSERS_TEST_RESULTS (when set), and
// rejects when a test failed or none ran, so the extension host exits non-zero.
//
// Another suite (e.g. out/test/integration-untrusted/index.js) can reuse this with
//   export function run() { return runMochaSuite(__dirname); }
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** What the launchers read back (scripts/vscode-server/run-tests.mjs prints it). */
export interface SuiteResult {
  vscodeVersion: string;
  suiteDir: string;
  stats: { suites: number; tests: number; passes: number; pending: number; failures: number; duration: number };
  passes: string[];
  pending: string[];
  failures: { title: string; error: string; stack?: string }[];
  /** Set when mocha could not even start (e.g. a test file threw while loading). */
  error?: string;
}

/** The environment variable holding the results file's path. */
export const RESULTS_ENV = 'PUTUSERS_TEST_RESULTS';

function findTestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

function vscodeVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as typeof import('vscode')).version;
  } catch {
    return 'unknown';
  }
}

function writeResults(result: SuiteResult): void {
  const file = process.env[RESULTS_ENV];
  if (!file) return;
  // Write then rename, so a launcher watching for the file never reads half of it.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file);
}

function errorText(err: unknown): { error: string; stack?: string } {
  if (err instanceof Error) return { error: `${err.name}: ${err.message}`, ...(err.stack ? { stack: err.stack } : {}) };
  return { error: String(err) };
}

/** Runs every *.test.js under `suiteDir` with mocha; resolves when all passed (and at least one ran). */
export function runMochaSuite(suiteDir: string): Promise<void> {
  const result: SuiteResult = {
    vscodeVersion: vscodeVersion(),
    suiteDir,
    stats: { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0, duration: 0 },
    passes: [],
    pending: [],
    failures: [],
  };
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: !!process.stdout.isTTY,
    timeout: Number(process.env.PUTUSERS_TEST_TIMEOUT_MS) || 30_000,
    ...(process.env.PUTUSERS_TEST_GREP ? { grep: process.env.PUTUSERS_TEST_GREP } : {}),
  });

  return new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => {
      result.error = errorText(err).error;
      try {
        writeResults(result);
      } finally {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    try {
      for (const file of findTestFiles(suiteDir)) mocha.addFile(file);
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        if (s) {
          result.stats = {
            suites: s.suites,
            tests: s.tests,
            passes: s.passes,
            pending: s.pending,
            failures: s.failures,
            duration: s.duration ?? 0,
          };
        }
        try {
          writeResults(result);
        } catch (err) {
          reject(err);
          return;
        }
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (result.passes.length === 0)
          reject(new Error(`no test ran (no passing *.test.js test under ${suiteDir})`));
        else resolve();
      });
      runner.on('pass', (test) => result.passes.push(test.fullTitle()));
      runner.on('pending', (test) => result.pending.push(test.fullTitle()));
      runner.on('fail', (test, err) => result.failures.push({ title: test.fullTitle(), ...errorText(err) }));
    } catch (err) {
      fail(err);
    }
  });
}

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
