#!/usr/bin/env node
// Runs the extension's integration tests in a real VS Code, offline: the VS Code server bundled
// in code-server (installed by ./install.sh, cached outside the clone) with the web workbench in
// headless Chromium. The extension under development and its tests run in the server's
// extension host; the tests' run() (out/test/integration/index.js) writes a JSON result that
// this script prints as a mocha summary. See docs: real-vscode-tests.md.
//
// Usage: node scripts/vscode-server/run-tests.mjs [options]      (npm run test:integration)
//   --tests PATH       the tests' index (default out/test/integration/index.js; env PUTUSERS_TESTS)
//   --workspace DIR    the folder to copy and open (default test/fixtures/workspace; env PUTUSERS_TEST_WORKSPACE);
//                      the tests work in a copy, so files they write never land in the repository
//   --trust            keep workspace trust on (no --disable-workspace-trust), for untrusted-workspace suites
//   --timeout SECONDS  overall limit (default 600; env PUTUSERS_TEST_RUN_TIMEOUT)
//   --verbose          stream the server's and the browser's output
//   --keep             keep the temporary folder (logs, user data) even when everything passed
// Exit code: 0 when every test passed and at least one ran; 1 otherwise (failure, no test, timeout).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareSandbox } from '../test-sandbox.mjs';
import {
  ensureInstalled,
  Failure,
  freePort,
  launchBrowser,
  repo,
  serverDirs,
  startServer,
  vscodeVersion,
  workbenchUrl,
} from './server.mjs';

const log = (msg) => console.log(`[test:integration] ${msg}`);

// --- options ------------------------------------------------------------------------------------
function options(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        tests: { type: 'string', default: process.env.PUTUSERS_TESTS || 'out/test/integration/index.js' },
        workspace: { type: 'string', default: process.env.PUTUSERS_TEST_WORKSPACE || 'test/fixtures/workspace' },
        trust: { type: 'boolean', default: false },
        timeout: { type: 'string', default: process.env.PUTUSERS_TEST_RUN_TIMEOUT || '600' },
        verbose: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    usage(e.message);
  }
  if (values.help) usage();
  const timeoutS = Number(values.timeout);
  if (!(timeoutS > 0)) usage('--timeout needs a positive number of seconds');
  return {
    ...values,
    timeoutS,
    tests: path.resolve(repo, values.tests),
    workspace: path.resolve(repo, values.workspace),
  };
}

function usage(error) {
  const text = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('//'))
    .slice(6, 16);
  if (error) console.error(`run-tests: ${error}`);
  console.error(text.map((l) => l.slice(3)).join('\n'));
  process.exit(error ? 2 : 0);
}

const opts = options(process.argv.slice(2));

// --- helpers ------------------------------------------------------------------------------------
function tail(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// --- preconditions ------------------------------------------------------------------------------
if (!fs.existsSync(opts.tests)) {
  console.error(`run-tests: ${path.relative(repo, opts.tests)} does not exist; run \`npm run build\` first.`);
  process.exit(1);
}
if (!fs.statSync(opts.workspace, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`run-tests: the workspace folder ${opts.workspace} does not exist.`);
  process.exit(1);
}
if (!fs.existsSync(path.join(repo, 'node_modules', 'playwright-core'))) {
  console.error('run-tests: playwright-core is missing; run `npm ci` first.');
  process.exit(1);
}
// Installs on the first run (about 4 minutes), returns at once afterwards.
try {
  ensureInstalled();
} catch (e) {
  console.error(`run-tests: ${e.message}`);
  process.exit(1);
}
log(vscodeVersion());

// --- run ----------------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-vscode-'));
const serverLog = path.join(tmp, 'server.log');
const browserLog = path.join(tmp, 'browser.log');
const resultsFile = path.join(tmp, 'results.json');
const dirs = serverDirs(tmp);
// The workspace copy and the AWS configuration the extension host sees (empty shared files the tests fill in).
const { workspace, env: awsEnv } = prepareSandbox(tmp, opts.workspace);
// Strings the tests register as never to be logged (user ids, properties, secret keys), one per line.
const sensitiveFile = path.join(tmp, 'sensitive.txt');
const serverLogStream = fs.createWriteStream(serverLog);
const browserLogStream = fs.createWriteStream(browserLog);

let server;
let browser;
let cleanedUp = false;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (browser) await browser.close().catch(() => undefined);
  await server?.stop();
  await Promise.all([serverLogStream, browserLogStream].map((s) => new Promise((r) => s.end(r))));
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`\n[test:integration] ${sig}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

async function main() {
  const port = await freePort();
  const env = {
    PUTUSERS_TEST_RESULTS: resultsFile, // read by the tests' run() in the extension host
    PUTUSERS_TEST_WORKSPACE: workspace,
    PUTUSERS_TEST_SENSITIVE: sensitiveFile,
    ...awsEnv,
  };
  log(`starting the VS Code server on port ${port}${opts.trust ? ' (workspace trust on)' : ''}; logs in ${tmp}`);
  server = await startServer({
    port,
    dirs,
    trust: opts.trust,
    testDriver: true,
    env,
    logStream: serverLogStream,
    echo: opts.verbose,
  });
  const hostExited = server.waitFor(/Extension Host Process exited with code: (-?\d+)/, 'the extension host');
  hostExited.catch(() => undefined);
  log(`server up after ${elapsed()}`);

  let context;
  ({ browser, context } = await launchBrowser(server.url, {
    onBlocked: (url) => browserLogStream.write(`[blocked] ${url}\n`),
  }));
  const page = await context.newPage();
  page.on('console', (msg) => {
    const line = `[console.${msg.type()}] ${msg.text()}\n`;
    browserLogStream.write(line);
    if (opts.verbose) process.stdout.write(line);
  });
  page.on('pageerror', (err) => browserLogStream.write(`[pageerror] ${err.stack ?? err}\n`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repo)],
    ['extensionTestsPath', remote(opts.tests)],
  ];
  log(
    `opening the workbench in headless Chromium: a copy of ${path.relative(repo, opts.workspace) || '.'}, tests ${path.relative(repo, opts.tests)}`,
  );
  await page.goto(workbenchUrl(server.url, workspace, payload), { waitUntil: 'domcontentloaded' });

  // The tests' run() writes the results file before it settles; then the extension host exits.
  const code = await hostExited.then((m) => m[1]);
  log(`extension host exited with code ${code} after ${elapsed()}`);
  if (!fs.existsSync(resultsFile)) {
    throw new Failure(
      `the extension host exited (code ${code}) without writing ${resultsFile}: the tests did not run, ` +
        'or PUTUSERS_TEST_RESULTS did not reach the extension host (see the logs below)',
    );
  }
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
}

/** Every log file of the run (the extension's output channel, the server's and the hosts' logs) that holds a registered sensitive string. */
function sensitiveLeaks() {
  if (!fs.existsSync(sensitiveFile)) return [];
  const secrets = [
    ...new Set(
      fs
        .readFileSync(sensitiveFile, 'utf8')
        .split('\n')
        .filter((l) => l.length >= 6),
    ),
  ];
  const logs = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.log')) logs.push(full);
    }
  };
  walk(tmp);
  const leaks = [];
  for (const file of logs) {
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of secrets)
      if (text.includes(secret))
        leaks.push(
          `${path.relative(tmp, file)} holds ${JSON.stringify(secret.slice(0, 4))}… (registered as sensitive)`,
        );
  }
  return leaks;
}

/**
 * What the extension hosts logged about this extension: its warnings and errors (a resource-scoped
 * setting read without a resource, ...) and VS Code's notes on its registrations (a document
 * selector without a scheme). The dialogs the tests decline on purpose are not complaints.
 */
function extensionHostComplaints() {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const counted = new Map();
  let lines = 0;
  const logs = fs
    .readdirSync(tmp, { recursive: true })
    .map(String)
    .filter((file) => /exthost/.test(file) && file.endsWith('exthost.log'));
  for (const file of logs) {
    for (const line of fs.readFileSync(path.join(tmp, file), 'utf8').split('\n')) {
      lines++;
      const ours = (/\[(warning|error)\]/.test(line) && line.includes(`[${id}]`)) || line.includes(`Extension '${id}'`);
      if (!ours || line.includes('refused to show dialog in tests')) continue;
      const what = line.replace(/^\S+ \S+ /, '').slice(0, 240);
      counted.set(what, (counted.get(what) ?? 0) + 1);
    }
  }
  const complaints = [...counted].map(([what, n]) => `${n} × ${what}`);
  if (logs.length === 0) complaints.push('no extension host log was found to read');
  return { complaints, read: `${lines} lines of ${logs.length} extension host log(s) read` };
}

function printSummary(r) {
  const ok = '\u2713';
  console.log('');
  console.log(`  VS Code ${r.vscodeVersion} (vscode.version in the extension host)`);
  for (const t of r.passes) console.log(`    ${ok} ${t}`);
  for (const t of r.pending) console.log(`    - ${t}`);
  for (const [i, f] of r.failures.entries()) console.log(`    ${i + 1}) ${f.title}`);
  console.log('');
  console.log(`  ${r.stats.passes} passing (${Math.round(r.stats.duration)}ms)`);
  if (r.stats.pending) console.log(`  ${r.stats.pending} pending`);
  if (r.stats.failures) console.log(`  ${r.stats.failures} failing`);
  for (const [i, f] of r.failures.entries()) {
    console.log(
      `\n  ${i + 1}) ${f.title}:\n${f.error
        .split('\n')
        .map((l) => `     ${l}`)
        .join('\n')}`,
    );
    const frames = (f.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 6);
    if (frames.length) console.log(frames.map((l) => `     ${l.trim()}`).join('\n'));
  }
  if (r.error) console.log(`\n  mocha error: ${r.error}`);
  console.log('');
}

let exitCode = 1;
let timer;
try {
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Failure(
            `timed out after ${opts.timeoutS}s (started the server, opened the workbench, no test result yet)`,
          ),
        ),
      opts.timeoutS * 1000,
    );
  });
  const result = await Promise.race([main(), timeout]);
  await cleanup(); // flushes the logs before they are searched
  const leaks = sensitiveLeaks();
  if (leaks.length) {
    result.failures.push({ title: 'no sensitive string reaches a log', error: leaks.join('\n') });
    result.stats.failures += 1;
  } else if (fs.existsSync(sensitiveFile))
    result.passes.push(
      `no sensitive string reaches a log (${fs.readdirSync(tmp, { recursive: true }).filter((f) => String(f).endsWith('.log')).length} log files searched)`,
    );
  const { complaints, read } = extensionHostComplaints();
  if (complaints.length) {
    result.failures.push({
      title: 'the extension host logs no warning or error of this extension',
      error: complaints.join('\n'),
    });
    result.stats.failures += 1;
  } else result.passes.push(`the extension host logs no warning or error of this extension (${read})`);
  printSummary(result);
  if (result.error) log(`FAILED: mocha could not run the tests: ${result.error}`);
  else if (result.stats.failures > 0) log(`FAILED: ${result.stats.failures} failing test(s)`);
  else if (result.stats.passes === 0) log('FAILED: no test ran');
  else exitCode = 0;
} catch (err) {
  log(`FAILED: ${err instanceof Failure ? err.message : (err?.stack ?? err)}`);
} finally {
  clearTimeout(timer);
  await cleanup();
}
if (exitCode !== 0) {
  console.log(`\n----- last lines of the server log (${serverLog}) -----\n${tail(serverLog)}`);
  console.log(`\n----- last lines of the browser console (${browserLog}) -----\n${tail(browserLog, 30)}`);
  log(`kept ${tmp} for inspection; failed after ${elapsed()}`);
} else if (!opts.keep) {
  fs.rmSync(tmp, { recursive: true, force: true });
  log(`passed in ${elapsed()}`);
} else {
  log(`passed in ${elapsed()}; kept ${tmp}`);
}
process.exit(exitCode);
