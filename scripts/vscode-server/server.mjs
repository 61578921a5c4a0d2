// The real VS Code these scripts run: the VS Code server bundled in code-server (installed by
// ./install.sh, cached outside the clone) and the Debian Chromium that opens its workbench.
// Shared by run-tests.mjs (the integration suites), scripts/start.mjs (`npm start`) and
// the end-to-end tests. See docs: real-vscode-tests.md.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.9.0';
export const CHROMIUM = process.env.PUTUSERS_CHROMIUM || '/usr/bin/chromium';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
const cache = process.env.PUTUSERS_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'putusers-vscode');
export const nodeBin = path.join(cache, `node-${NODE_VERSION}`, 'node_modules', 'node', 'bin', 'node');
export const vscodeDir = path.join(
  cache,
  `code-server-${CODE_SERVER_VERSION}`,
  'node_modules',
  'code-server',
  'lib',
  'vscode',
);
const serverMain = path.join(vscodeDir, 'out', 'server-main.js');

export class Failure extends Error {}

/** Installs the VS Code server on the first call (about 4 minutes, with progress), returns at once afterwards. */
export function ensureInstalled() {
  execFileSync('bash', [path.join(here, 'install.sh')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PUTUSERS_VSCODE_CACHE: cache,
      PUTUSERS_NODE_VERSION: NODE_VERSION,
      PUTUSERS_CODE_SERVER_VERSION: CODE_SERVER_VERSION,
    },
  });
  if (!fs.existsSync(CHROMIUM)) throw new Failure(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

/** The VS Code version and commit of the installed server, for logs. */
export function vscodeVersion() {
  const product = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'product.json'), 'utf8'));
  const { version } = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'package.json'), 'utf8'));
  return `VS Code ${version} (commit ${String(product.commit).slice(0, 10)}, from code-server ${CODE_SERVER_VERSION}; server on Node ${NODE_VERSION})`;
}

export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when nothing listens on host:port, rejects with a clear message otherwise. */
export function assertPortFree(port, host, what) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (e) =>
      reject(
        new Failure(
          e.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is in use: ${what}`
            : `cannot listen on ${host}:${port}: ${e.message}`,
        ),
      ),
    );
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

/** The folders of one server run under `root`: user data, server data, extensions. */
export function serverDirs(root) {
  const dirs = {
    userData: path.join(root, 'user-data'),
    serverData: path.join(root, 'server-data'),
    extensions: path.join(root, 'extensions'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

/** The arguments every server run takes: the license, and where its data and extensions live. */
function dirArgs(dirs) {
  return [
    '--accept-server-license-terms',
    ...['--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData, '--extensions-dir', dirs.extensions],
  ];
}

/** The server's environment: the caller's `env` over ours, with the machine's Node options left out (they are for Node 20). */
function serverEnv(env) {
  return { ...process.env, ...env, NODE_OPTIONS: '' };
}

/** Installs a .vsix into `dirs.extensions` as a user would (`code --install-extension`), not from the source tree. */
export function installExtension(vsix, dirs, env = {}) {
  const out = execFileSync(
    nodeBin,
    [serverMain, '--install-extension', path.resolve(vsix), '--force', ...dirArgs(dirs)],
    { env: serverEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (!/successfully installed/i.test(out))
    throw new Failure(`installing ${vsix} into the VS Code server did not say it succeeded:\n${out}`);
  return out.trim();
}

/**
 * Starts the VS Code server; resolves once it listens. `testDriver`: for extension tests (see
 * below); `logStream` receives its output; the returned `waitFor(pattern, what)` resolves with
 * the first later line matching `pattern`.
 */
export async function startServer({
  port,
  host = '127.0.0.1',
  dirs,
  trust = false,
  testDriver = false,
  env = {},
  logStream,
  echo = false,
}) {
  const args = [
    serverMain,
    '--host',
    host,
    '--port',
    String(port),
    '--without-connection-token',
    // The smoke-test driver makes the workbench honour the `payload` query parameter (extension
    // tests), and hides notification toasts: on for run-tests, off where a person (or the
    // end-to-end tests, as one) looks at the workbench.
    ...(testDriver ? ['--enable-smoke-test-driver'] : []),
    ...(trust ? [] : ['--disable-workspace-trust']),
    ...dirArgs(dirs),
  ];
  const child = spawn(nodeBin, args, {
    cwd: path.dirname(dirs.userData),
    detached: true, // its own process group, so stop() ends its extension hosts too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnv(env),
  });
  const waiters = [];
  const onExit = [];
  let buffer = '';
  const onData = (chunk) => {
    logStream?.write(chunk);
    if (echo) process.stdout.write(chunk);
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      for (const w of [...waiters]) {
        const m = line.match(w.pattern);
        if (!m) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => onExit.splice(0).forEach((h) => h(code, signal)));
  const server = {
    process: child,
    url: `http://${host}:${port}`,
    waitFor(pattern, what) {
      return new Promise((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null)
          return reject(new Failure(`the VS Code server is not running (waiting for ${what})`));
        waiters.push({ pattern, resolve });
        onExit.push((code, signal) =>
          reject(new Failure(`the VS Code server exited (${signal ?? code}) while waiting for ${what}`)),
        );
      });
    },
    /** Stops the server and its extension hosts (SIGTERM to the group, SIGKILL after 5 s). */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const kill = (sig) => {
        try {
          process.kill(-child.pid, sig);
        } catch {
          /* already gone */
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  await server.waitFor(/Extension host agent listening on/, 'the server to listen');
  return server;
}

/** Headless Chromium that can reach `base` (the local server) and nothing else. */
export async function launchBrowser(base, { onBlocked = () => undefined } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Nothing but the local server resolves: the page cannot reach the internet.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Belt and braces: abort any request that is not for the local server.
  await context.route(
    (url) => url.origin !== base && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => {
      onBlocked(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return { browser, context };
}

/** The workbench URL that opens `folder` (and, for tests, passes `payload` to the smoke-test driver). */
export function workbenchUrl(base, folder, payload) {
  const query = [`folder=${encodeURIComponent(folder)}`];
  if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}/?${query.join('&')}`;
}
