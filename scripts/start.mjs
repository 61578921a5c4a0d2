#!/usr/bin/env node
// `npm start`: builds the .vsix, starts the project's Personalize Events emulator and the real
// VS Code (in your browser) with the packaged extension installed and the sample workspace
// (sample-workspace/ in the clone: made from examples/ on the first run, then kept with whatever
// the user does in it); prints the URL to open, and what a second terminal needs to send to the
// emulator. No AWS account needed; nothing leaves this machine; ~/.aws is neither read nor
// written. Ctrl-C stops everything it started and deletes nothing of the user's.
//
// Usage: npm start [-- options]
//   --port N            VS Code's port (default 8765; env PUTUSERS_PORT)
//   --host H            the address VS Code listens on (default 127.0.0.1)
//   --emulator-port N   the emulator's port (default: any free port)
//   --workspace DIR     open a folder of your own instead of the sample (its files are not
//                       changed; the emulator then accepts any dataset ARN)
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_REGION, demoKeys, startDemo } from './demo-workbench.mjs';
import { assertPortFree, ensureInstalled, Failure, repo, vscodeVersion } from './vscode-server/server.mjs';

/** Where `npm start` keeps the sample workspace between runs (ignored by git). */
const SAMPLE = path.join(repo, 'sample-workspace');
const USAGE = 'Usage: npm start [-- --port N] [--host H] [--emulator-port N] [--workspace DIR]';
const started = Date.now();
const say = (msg) => console.log(`[start] ${msg}`);
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: process.env.PUTUSERS_PORT || '8765' },
        host: { type: 'string', default: '127.0.0.1' },
        'emulator-port': { type: 'string', default: '0' },
        workspace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const port = (name) => {
      const n = Number(values[name]);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new Error(`--${name} takes a port number, not "${values[name]}"`);
      return n;
    };
    return { port: port('port'), host: values.host, emulatorPort: port('emulator-port'), folder: values.workspace };
  } catch (e) {
    console.error(`start: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
}

/** Runs a build step quietly; prints its output only when it fails. */
function step(what, command, args) {
  say(`${what}…`);
  const run = spawnSync(command, args, { cwd: repo, encoding: 'utf8', shell: false });
  if (run.status !== 0) {
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    throw new Failure(`${what} failed (exit ${run.status ?? run.signal})`);
  }
  return run.stdout;
}

/** A word for a POSIX shell, quoted only when it needs to be. */
const shellWord = (word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/**
 * The lines that send `file` (a shell word) to the emulator from a second terminal: the demo keys
 * in the environment (a profile named by AWS_PROFILE would win over them), this clone's CLI.
 */
function secondTerminal(endpoint, file) {
  const { accessKeyId, secretAccessKey } = demoKeys();
  return [
    `  unset AWS_PROFILE AWS_SESSION_TOKEN; export AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
    `  node ${shellWord(path.join(repo, 'dist', 'cli.js'))} send ${file} --region ${DEMO_REGION} --endpoint-url ${endpoint}`,
  ].join('\n');
}

const opts = options();
let demo;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping VS Code and the emulator…');
  await demo?.stop();
  if (demo && opts.folder === undefined)
    say(`the sample workspace stays in ${demo.workspace}, with your changes; delete it for a fresh copy of examples/`);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await assertPortFree(opts.port, opts.host, 'is another `npm start` running? Stop it, or pass --port');
  if (opts.folder !== undefined && !statSync(opts.folder, { throwIfNoEntry: false })?.isDirectory())
    throw new Failure(`--workspace ${opts.folder}: no such folder`);

  step('building the emulator (dist/emulator.js)', process.execPath, ['scripts/build.mjs', '--no-tsc']);
  const packaged = step('packaging the extension (npm run package)', 'npm', ['run', '--silent', 'package']);
  const vsix = /Packaged: (\S+\.vsix)/.exec(packaged)?.[1];
  if (!vsix) throw new Failure(`npm run package did not say which .vsix it wrote:\n${packaged}`);
  say(`packaged ${path.relative(repo, vsix)} (${Math.round(statSync(vsix).size / 1024)} KB)`);

  say('checking the VS Code server (the first run installs it: about 5 minutes, with progress)…');
  ensureInstalled();
  say(`${vscodeVersion()}`);

  demo = await startDemo({
    vsix,
    port: opts.port,
    host: opts.host,
    emulatorPort: opts.emulatorPort,
    folder: opts.folder,
    sample: SAMPLE,
    onRequest: (line) => say(`emulator: ${line}`),
  });
  demo.server.process.once('exit', (code, signal) => {
    if (stopping) return;
    // stop() deletes this run's folder, the log with it: show its end now.
    const log = readFileSync(demo.serverLog, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    console.error(`[start] the VS Code server exited (${signal ?? code}); the end of its log:\n${log}`);
    void stop(1);
  });
  const sample = opts.folder === undefined;
  console.log(`
PutUsers is ready (${seconds()}).

  Open VS Code in your browser:  ${demo.url}
  Personalize Events emulator:   ${demo.emulator.url}  (region ${DEMO_REGION}; nothing leaves this machine)
  Workspace:                     ${demo.workspace}
${
  sample
    ? `                                 ${demo.sampleMade ? 'made now from examples/; ' : ''}kept when you stop, with your changes (delete it for a fresh copy)`
    : '                                 your folder, not changed'
}

${
  sample
    ? 'Try Send File (the cloud button in the editor title) on users.putusers.json; its requests show here.'
    : 'Your folder opens in Restricted Mode: trust it (Manage, in the banner) to send; requests show here.'
}
From another terminal, with the emulator's keys (nobody's AWS keys):
${secondTerminal(demo.emulator.url, sample ? shellWord(path.join(demo.workspace, 'users.putusers.json')) : 'FILE')}

Ctrl-C stops VS Code and the emulator${sample ? '; the workspace stays' : ''}.
`);
} catch (e) {
  console.error(`[start] ${e instanceof Failure || e?.code === 'ENOENT' ? e.message : (e?.stack ?? e)}`);
  await stop(1);
}
