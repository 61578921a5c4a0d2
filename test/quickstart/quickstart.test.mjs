// The README's first command on a fresh clone, as a newcomer runs it: `git clone`, then exactly
// `npm ci && npm start` through a shell in a process group of its own (a terminal's foreground
// job), with no dist/ and no out/. The VS Code server cache outside the clone is reused, as on a
// user's second clone. It waits for the URL npm start prints, opens it in Chromium and sees the
// extension's diagnostics on a sample file, sends with the lines printed for a second terminal,
// adds files to the sample workspace, presses Ctrl-C (SIGINT to the group) and checks that every
// process is gone and the ports are free, and that the workspace, with the added files, is kept
// and opened again by the next `npm start`.
//
// It tests the committed HEAD (a clone has nothing else). About 5 minutes on 2 busy cores, npm ci
// (1 to 3 minutes) and removing the clone's node_modules the most of it.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, launchBrowser, repo } from '../../scripts/vscode-server/server.mjs';
import { activeTab, eventually, problems, showProblems, waitForWorkbench } from '../e2e/workbench.mjs';

const COMMAND = 'npm ci && npm start'; // the README's quick start, word for word (checked below)
const READY_MS = 15 * 60_000; // npm ci, the build, and a VS Code server install when the cache is cold

/** pid → { ppid, start, state, cmdline } of every process on the machine. */
function processTable() {
  const table = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      table.set(Number(name), { ppid: Number(fields[1]), state: fields[0], start: fields[19], cmdline });
    } catch {
      /* gone meanwhile */
    }
  }
  return table;
}

/** The processes under `pid` (the VS Code server too: it has a process group of its own, not another parent). */
function descendants(pid) {
  const table = processTable();
  const found = [];
  const walk = (parent) => {
    for (const [child, p] of table) {
      if (p.ppid !== parent) continue;
      found.push({ pid: child, ...p });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Those of `procs` still running (the same pid and start time; a zombie counts as gone). */
function stillRunning(procs) {
  const table = processTable();
  return procs.filter((p) => {
    const now = table.get(p.pid);
    return now && now.start === p.start && now.state !== 'Z';
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function portRefused(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (e) => resolve(e.code === 'ECONNREFUSED'));
  });
}

/**
 * Runs `command` through bash in `cwd` as a terminal's foreground job: its own process group, an
 * environment without the npm_* variables of the `npm test` that runs this. Its output goes to
 * `log` and is kept in `output`.
 */
function job(command, cwd, env, log) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  const child = spawn('bash', ['-c', command], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...clean, ...env },
  });
  const run = {
    child,
    output: '',
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  const out = fs.createWriteStream(log);
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk) => {
      run.output += chunk;
      out.write(chunk);
    });
  child.once('exit', () => out.end());
  /** Resolves with the first match of `pattern` in the output; rejects when the job exits first or after `ms`. */
  run.waitFor = async (pattern, what, ms) => {
    const started = Date.now();
    for (;;) {
      const m = pattern.exec(run.output);
      if (m) return m;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `\`${command}\` exited (${child.exitCode ?? child.signalCode}) before ${what}; its output:\n${run.output}`,
        );
      if (Date.now() - started > ms) throw new Error(`no ${what} after ${ms / 1000} s; output so far:\n${run.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  return run;
}

describe('the quick start on a fresh clone: npm ci && npm start', function () {
  this.timeout(READY_MS + 5 * 60_000);
  const results = path.join(repo, 'test-results', 'quickstart');
  let tmp;
  let clone;
  let port;
  const env = () => ({ PUTUSERS_PORT: String(port) }); // not 8765: other servers may run here

  before(() => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    assert.match(readme, /^npm ci && npm start +#/m, "the README's first command is the one run here");
    fs.mkdirSync(results, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-quickstart-'));
    clone = path.join(tmp, 'putusers');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '--quiet', '--no-checkout', repo, clone]);
    execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: clone });
    for (const made of ['dist', 'out', 'node_modules', 'sample-workspace'])
      assert.ok(!fs.existsSync(path.join(clone, made)), `a fresh clone has no ${made}/`);
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  /**
   * Starts `command` in the clone and waits for npm start's URL; `use(ready)` then works with it
   * before Ctrl-C, after which nothing it started may be left. Returns npm start's output.
   */
  async function startAndStop(command, logName, use) {
    port = await freePort();
    const run = job(command, clone, env(), path.join(results, logName));
    let emulator, started, code, signal;
    let killed = false;
    try {
      const [, url] = await run.waitFor(/Open VS Code in your browser:\s+(\S+)/, 'the URL', READY_MS);
      emulator = (await run.waitFor(/Personalize Events emulator:\s+(\S+)/, "the emulator's URL", 5_000))[1];
      await use({ url, emulator, run });
    } finally {
      // Ctrl-C in the terminal: SIGINT to the foreground process group. (On a failure above, this
      // still stops it all, and the failure is what the test reports.)
      started = descendants(run.child.pid);
      const kill = (sig) => {
        try {
          process.kill(-run.child.pid, sig);
        } catch {
          /* the group has ended (npm start failed): the failure above is the one to report */
        }
      };
      kill('SIGINT');
      const timer = setTimeout(() => {
        killed = true;
        kill('SIGKILL');
      }, 60_000);
      ({ code, signal } = await run.exited);
      clearTimeout(timer);
    }
    assert.ok(
      started.some((p) => p.cmdline.includes('server-main.js')),
      'the VS Code server was seen running',
    );
    assert.deepEqual(
      await eventually(
        () => stillRunning(started).map((p) => `${p.pid} ${p.cmdline}`),
        (left) => left.length === 0,
        'every process npm start started to end',
        10_000,
      ),
      [],
    );
    assert.ok(!killed, `\`${command}\` still ran 60 s after Ctrl-C`);
    // npm ends itself by the SIGINT it got once its script has exited (a terminal shows ^C); the
    // script's own ending is what it printed.
    assert.ok(signal === 'SIGINT' || code === 0, `\`${command}\` ended by ${signal ?? `exit ${code}`} after Ctrl-C`);
    assert.match(run.output, /^\[start\] stopping VS Code and the emulator…$/m);
    assert.doesNotMatch(run.output, /^\[start\] .*\b(failed|exited)\b/m);
    assert.ok(await portRefused(port), `nothing listens on VS Code's port ${port}`);
    assert.ok(await portRefused(Number(new URL(emulator).port)), "nothing listens on the emulator's port");
    return run.output;
  }

  it('serves the packaged extension, sends from a second terminal, and Ctrl-C ends it all and keeps the workspace', async () => {
    const sample = path.join(clone, 'sample-workspace');
    const output = await startAndStop(COMMAND, 'first-start.log', async ({ url, emulator, run }) => {
      const ready = run.output;
      assert.match(
        ready,
        new RegExp(`Workspace:\\s+${escape(sample)}\\n\\s+made now from examples/; kept when you stop`),
      );
      assert.equal(new URL(url).searchParams.get('folder'), sample);

      const { browser, context } = await launchBrowser(new URL(url).origin);
      let page;
      try {
        page = await context.newPage();
        await page.goto(url);
        await waitForWorkbench(page);
        // A click in the Explorer, as a newcomer opens it (Quick Open's file search can take over
        // 30 s on a busy machine).
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'mistakes.putusers.json' }).click();
        await activeTab(page, 'mistakes.putusers.json', 90_000);
        await showProblems(page);
        const rows = await eventually(
          () => problems(page),
          (r) => r.some((p) => p.source === 'PutUsers' && p.code === 'cli/unknown-member'),
          "PutUsers' diagnostics on mistakes.putusers.json",
          60_000,
        );
        assert.ok(rows.every((r) => r.source === 'PutUsers'));
      } finally {
        await page?.screenshot({ path: path.join(results, 'workbench.png') });
        await browser.close();
      }

      // The lines printed for a second terminal work as printed, even with a profile named in the environment.
      const lines = /From another terminal.*\n((?: {2}.*\n)+)/.exec(ready)?.[1];
      assert.ok(lines, `npm start prints what a second terminal needs:\n${ready}`);
      assert.ok(lines.includes(emulator));
      const sent = execFileSync('bash', ['-c', lines], {
        cwd: tmp,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: tmp, AWS_PROFILE: 'someone-else' },
      });
      assert.match(sent, /^2 of 2 users in /m);
      await eventually(
        () => run.output,
        (log) => /emulator: #1 PutUsers, \d+ users?: 200/.test(log),
        'npm start to print the request it answered',
        10_000,
      );

      // What a user makes in the sample workspace.
      fs.writeFileSync(path.join(sample, 'my.putusers.json'), '{"datasetArn": "", "users": []}\n');
      fs.mkdirSync(path.join(sample, 'imports'));
      fs.writeFileSync(path.join(sample, 'imports', 'people.csv'), 'USER_ID\nu1\n');
    });
    assert.match(output, new RegExp(`the sample workspace stays in ${escape(sample)}, with your changes`));
    assert.ok(fs.existsSync(path.join(sample, 'my.putusers.json')), 'my.putusers.json survives Ctrl-C');
    assert.ok(fs.existsSync(path.join(sample, 'imports', 'people.csv')), 'imports/ survives Ctrl-C');
    assert.ok(fs.existsSync(path.join(sample, 'mistakes.putusers.json')));

    // The next start opens the same workspace, as the user left it.
    await startAndStop('npm start', 'second-start.log', async ({ url, run }) => {
      assert.equal(new URL(url).searchParams.get('folder'), sample);
      assert.match(run.output, new RegExp(`Workspace:\\s+${escape(sample)}\\n\\s+kept when you stop`));
    });
    assert.equal(fs.readFileSync(path.join(sample, 'my.putusers.json'), 'utf8'), '{"datasetArn": "", "users": []}\n');
    assert.ok(fs.existsSync(path.join(sample, 'imports', 'people.csv')));
  });
});
