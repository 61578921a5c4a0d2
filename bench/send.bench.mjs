// Sending speed (issue 4) with the PutUsers quota lifted (the emulator's --quota off and the
// sender's maxRequestsPerSecond raised): what the engine itself can do, a figure no AWS account
// sees (the quota is 10 requests/s per dataset group; send-quota.bench.mjs measures sending at
// it). 10,000 users (1,000 requests of 10) to the emulator at concurrency 8
// with the shipped engine (dist/send.js), against the AWS CLI v2 sending the same requests one
// file at a time. The CLI takes about a second per call, so it sends a sample of the requests
// (20 files by default) and its time for all 1,000 is extrapolated from that sample's mean: the
// table says so. The emulator runs in a process of its own (dist/emulator.js), so the sender's
// figures are not charged with the server's work. Target: at least 50x the CLI's users/second.
//
//   npm run build && node bench/send.bench.mjs [--users 10000] [--concurrency 8] [--cli-sample 20] [--runs 3]
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './timing.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const AWS_CLI = '/usr/bin/aws';
export const ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/bench/USERS';
export const KEYS = {
  accessKeyId: 'AKIDBENCHMARK0000000',
  secretAccessKey: 'bench/Secret+Key0123456789abcdefghijklmn',
};
export const REGION = 'us-east-1';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function makeUsers(n) {
  return Array.from({ length: n }, (_, i) => ({
    userId: `user-${i}`,
    properties: JSON.stringify({ age: String(18 + (i % 60)), memberTier: i % 3 ? 'Gold|Frequent shopper' : 'Silver' }),
  }));
}

/** dist/emulator.js in its own process (`args`: more flags, e.g. --quota off); resolves to its URL and a stop function. */
export function startEmulator(args = []) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist/emulator.js'),
      '--port',
      '0',
      '--dataset',
      ARN,
      '--access-key',
      KEYS.accessKeyId,
      '--secret-key',
      KEYS.secretAccessKey,
      '--region',
      REGION,
      '--quiet',
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /emulator on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => new Promise((r) => (child.on('exit', r), child.kill('SIGTERM'))) });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}): ${out}`)));
  });
}

function runCli(file, url, env) {
  return new Promise((resolve, reject) => {
    execFile(
      AWS_CLI,
      ['personalize-events', 'put-users', '--cli-input-json', `file://${file}`, '--endpoint-url', url],
      { env, encoding: 'utf8' },
      (error, _stdout, stderr) => (error ? reject(new Error(`aws failed: ${stderr}`)) : resolve()),
    );
  });
}

export async function run() {
  const total = option('users', 10_000);
  const concurrency = option('concurrency', 8);
  const sample = option('cli-sample', 20);
  const runs = option('runs', 3);
  if (!existsSync(join(root, 'dist/send.js')) || !existsSync(join(root, 'dist/emulator.js')))
    throw new Error('run `npm run build` first (dist/send.js, dist/emulator.js)');
  const { sendUsers } = require(join(root, 'dist/send.js'));
  const { writeInput } = require(join(root, 'dist/core.js'));
  const users = makeUsers(total);
  const emulator = await startEmulator(['--quota', 'off']);
  const dir = mkdtempSync(join(tmpdir(), 'putusers-send-bench-'));
  try {
    // Ours: one warm-up, then `runs` timed sends of every user.
    const times = [];
    let requests = 0;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const report = await sendUsers(
        { datasetArn: ARN, users },
        { endpoint: emulator.url, region: REGION, credentials: KEYS, concurrency, maxRequestsPerSecond: 10_000 },
      );
      const ms = performance.now() - t0;
      if (report.accepted !== total)
        throw new Error(`only ${report.accepted} of ${total} users got in: ${report.fatal?.message ?? ''}`);
      requests = report.requests.length;
      if (i > 0) times.push(ms);
    }
    const oursMs = median(times);
    const oursRate = total / (oursMs / 1000);

    // The AWS CLI: the first `sample` requests' users, one file and one call each, one after the other.
    let cli;
    if (existsSync(AWS_CLI)) {
      writeFileSync(join(dir, 'config'), '');
      writeFileSync(join(dir, 'credentials'), '');
      const env = {
        PATH: '/usr/bin:/bin',
        HOME: dir,
        AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
        AWS_DEFAULT_REGION: REGION,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
      };
      const files = [];
      for (let i = 0; i < sample; i++) {
        const file = join(dir, `request-${i}.putusers.json`);
        writeFileSync(file, writeInput({ datasetArn: ARN, users: users.slice(i * 10, i * 10 + 10) }, 'json'));
        files.push(file);
      }
      await runCli(files[0], emulator.url, env); // warm the disk cache
      const t0 = performance.now();
      for (const file of files) await runCli(file, emulator.url, env);
      const perCall = (performance.now() - t0) / files.length;
      cli = { perCall, rate: 10 / (perCall / 1000), all: perCall * requests };
    }

    console.log(
      '| users | requests | concurrency | ours: median of ' +
        runs +
        ' | ours: users/s | AWS CLI: mean per call (' +
        sample +
        ' calls) | AWS CLI: ' +
        requests +
        ' calls (extrapolated) | AWS CLI: users/s | ratio |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${total} | ${requests} | ${concurrency} | ${(oursMs / 1000).toFixed(2)} s | ${Math.round(oursRate)} | ` +
        (cli
          ? `${Math.round(cli.perCall)} ms | ${(cli.all / 1000).toFixed(0)} s | ${cli.rate.toFixed(1)} | ${(oursRate / cli.rate).toFixed(0)}x |`
          : 'n/a (no /usr/bin/aws) | | | |'),
    );
    if (!cli) return true;
    const ratio = oursRate / cli.rate;
    console.log(
      `\n${total} users, quota off: ${ratio.toFixed(0)}x the AWS CLI's users/second (target >= 50x): ${ratio >= 50 ? 'MET' : 'NOT MET'}`,
    );
    return ratio >= 50;
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
