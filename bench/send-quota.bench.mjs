// Sending at the service's pace (issue 20): the emulator enforces the documented PutUsers quota
// (10 requests/s per dataset group, a bucket of 10), and the shipped engine (dist/send.js) sends
// 2,000 and 20,000 users with its defaults. The floor is what the quota allows at best: the
// first `burst` requests at once, the rest at the rate, (requests - burst) / rate. Targets: every
// user in, at most 1.25x the floor, at most 10% of HTTP attempts throttled. Then two sends at
// once to one dataset group from two processes (the CLI beside the engine), which must share
// the quota: both all in, nothing twice.
//
//   npm run build && node bench/send-quota.bench.mjs [--users 2000,20000] [--pair 1000]   (--users 0: the pair only)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ARN, KEYS, makeUsers, REGION, startEmulator } from './send.bench.mjs';

const require = createRequire(import.meta.url);
// The SDK's notice that its 2027 releases need Node 22 is about releases not bundled here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = fileURLToPath(new URL('..', import.meta.url));
const RATE = 10;
const BURST = 10;

function list(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return (i > 0 ? process.argv[i + 1] : fallback)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
}

const floorMs = (requests) => (Math.max(0, requests - BURST) / RATE) * 1000;

/** `putusers send FILE` in a process of its own; resolves to its exit code and output. */
function cliSend(file, url) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'dist/cli.js'), 'send', file, '--endpoint-url', url, '--region', REGION],
      {
        env: {
          PATH: process.env.PATH,
          AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

export async function run() {
  const { sendUsers } = require(join(root, 'dist/send.js'));
  const { writeInput } = require(join(root, 'dist/core.js'));
  const send = (url, users) =>
    sendUsers({ datasetArn: ARN, users }, { endpoint: url, region: REGION, credentials: KEYS });
  let ok = true;
  console.log(
    `Emulator quota: ${RATE} PutUsers requests/s per dataset group, burst ${BURST}; the sender's defaults.\n`,
  );
  console.log('| users | requests | floor | time | time / floor | HTTP attempts | throttled | users in | |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const total of list('users', '2000,20000')) {
    // A fresh emulator each time: its bucket starts full, as a quiet dataset group's would.
    const emulator = await startEmulator();
    try {
      const t0 = performance.now();
      const report = await send(emulator.url, makeUsers(total));
      const ms = performance.now() - t0;
      const requests = report.requests.length;
      const ratio = ms / floorMs(requests);
      const throttledShare = report.throttled / report.attempts;
      const met = report.accepted === total && ratio <= 1.25 && throttledShare <= 0.1;
      ok &&= met;
      console.log(
        `| ${total.toLocaleString('en-US')} | ${requests} | ${(floorMs(requests) / 1000).toFixed(1)} s | ${(ms / 1000).toFixed(1)} s | ` +
          `${ratio.toFixed(3)}x | ${report.attempts} | ${report.throttled} (${(throttledShare * 100).toFixed(1)}%) | ` +
          `${report.accepted} | ${met ? 'MET' : 'NOT MET'} |`,
      );
    } finally {
      await emulator.stop();
    }
  }

  // Two processes at once, one dataset group: each paces at 10/s, meets the other's requests in the
  // service's bucket, and slows down; together they cannot beat the floor of both.
  const [pair] = list('pair', '1000');
  const emulator = await startEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'putusers-quota-bench-'));
  try {
    const cliUsers = makeUsers(pair).map((u) => ({ ...u, userId: `cli-${u.userId}` }));
    const file = join(dir, 'cli.putusers.json');
    writeFileSync(file, writeInput({ datasetArn: ARN, users: cliUsers }, 'json'));
    const t0 = performance.now();
    const [cli, report] = await Promise.all([cliSend(file, emulator.url), send(emulator.url, makeUsers(pair))]);
    const ms = performance.now() - t0;
    const cliThrottled = Number(/\((\d+) throttled\)/.exec(cli.out)?.[1] ?? 0);
    const cliAttempts = Number(/([\d,]+) HTTP attempts?/.exec(cli.out)?.[1].replace(/,/g, '') ?? 0);
    const requests = report.requests.length + Math.ceil(pair / 10);
    const bothIn = cli.code === 0 && report.accepted === pair;
    ok &&= bothIn;
    console.log(
      `\nTwo sends of ${pair.toLocaleString('en-US')} users at once to one dataset group (the CLI in its own process, the engine here): ` +
        `${(ms / 1000).toFixed(1)} s against a floor of ${(floorMs(requests) / 1000).toFixed(1)} s for both (${(ms / floorMs(requests)).toFixed(2)}x); ` +
        `throttled: CLI ${cliThrottled} of ${cliAttempts} attempts, engine ${report.throttled} of ${report.attempts}; ` +
        `${bothIn ? 'both all in (CLI exit 0)' : `NOT all in (CLI exit ${cli.code}, engine ${report.accepted} of ${pair})`}.`,
    );
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
