#!/usr/bin/env node
// Runs the integration tests in desktop VS Code through @vscode/test-electron (npm run test:electron).
// For machines WITH internet access: test-electron downloads VS Code from Microsoft's update
// servers into .vscode-test/. Offline (and in CI) use scripts/vscode-server/run-tests.mjs
// (npm run test:integration), which runs the same tests (the same run() entry,
// out/test/integration/index.js) in the VS Code server bundled in code-server.
// On a Linux machine without a display, wrap it: xvfb-run -a npm run test:electron
//
// Usage: node scripts/run-electron-tests.mjs [options]       (run `npm run build` first)
//   --version V        the VS Code to download: stable (default), insiders or e.g. 1.95.0 (env PUTUSERS_VSCODE_VERSION)
//   --tests PATH       the tests' index (default out/test/integration/index.js; env PUTUSERS_TESTS)
//   --workspace DIR    the folder to open (default test/fixtures/workspace; env PUTUSERS_TEST_WORKSPACE)
//   --trust            keep workspace trust on (no --disable-workspace-trust)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { prepareSandbox } from './test-sandbox.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function options() {
  try {
    return parseArgs({
      options: {
        version: { type: 'string', default: process.env.PUTUSERS_VSCODE_VERSION || 'stable' },
        tests: { type: 'string', default: process.env.PUTUSERS_TESTS || 'out/test/integration/index.js' },
        workspace: { type: 'string', default: process.env.PUTUSERS_TEST_WORKSPACE || 'test/fixtures/workspace' },
        trust: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    fail(`${e.message} (see the comment at the top of ${path.relative(repo, fileURLToPath(import.meta.url))})`, 2);
  }
}
const opts = options();

function fail(message, code = 1) {
  console.error(`[test:electron] ${message}`);
  process.exit(code);
}

const extensionTestsPath = path.resolve(repo, opts.tests);
const workspace = path.resolve(repo, opts.workspace);
if (!fs.existsSync(extensionTestsPath))
  fail(`${path.relative(repo, extensionTestsPath)} does not exist; run \`npm run build\` first.`);
if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory())
  fail(`the workspace folder ${workspace} does not exist.`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-electron-'));
const resultsFile = path.join(tmp, 'results.json');
// As scripts/vscode-server/run-tests.mjs: a copy of the workspace, AWS shared files of the tests'
// own, none of the machine's AWS_* variables ('' reads as unset: extensionTestsEnv is merged over ours).
const { workspace: workspaceCopy, env } = prepareSandbox(tmp, workspace);
const awsEnv = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? '']));
let exitCode = 1;
try {
  console.log(
    `[test:electron] VS Code ${opts.version}; folder ${path.relative(repo, workspace)}; tests ${path.relative(repo, extensionTestsPath)}`,
  );
  await runTests({
    version: opts.version,
    extensionDevelopmentPath: repo,
    extensionTestsPath,
    extensionTestsEnv: { PUTUSERS_TEST_RESULTS: resultsFile, PUTUSERS_TEST_WORKSPACE: workspaceCopy, ...awsEnv },
    launchArgs: [
      workspaceCopy,
      '--disable-extensions', // other installed extensions; the built-in ones (JSON) stay on
      '--skip-welcome',
      '--skip-release-notes',
      ...(opts.trust ? [] : ['--disable-workspace-trust']),
    ],
  });
  // run() rejects (and VS Code exits non-zero, so runTests throws) on a failure or when no test ran;
  // the results file is checked as well, in case an exit code ever gets lost.
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (r.error || r.stats.failures > 0 || r.stats.passes === 0) {
    console.error(`[test:electron] FAILED: ${r.error ?? `${r.stats.failures} failing, ${r.stats.passes} passing`}`);
  } else {
    console.log(`[test:electron] VS Code ${r.vscodeVersion}: ${r.stats.passes} passing, ${r.stats.pending} pending`);
    exitCode = 0;
  }
} catch (err) {
  console.error(`[test:electron] FAILED: ${err instanceof Error ? err.message : err}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
