// Records what the real AWS CLI v2 does with every input file of the differential corpus.
//   npm run build && node scripts/record-cli.mjs            record all of test/fixtures/cli
//   node scripts/record-cli.mjs NAME...                     record only these fixtures (names or paths)
//   node scripts/record-cli.mjs --check                     compare with the recordings, write nothing (exit 1 on drift)
//   node scripts/record-cli.mjs --dir DIR                   another corpus directory
// Each fixture F gets F.aws.json: {exitCode, stdout, stderr, lines}. Two CLI processes run at a time.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const supportJs = join(root, 'out/test/support/aws-cli.js');
if (!existsSync(supportJs)) {
  console.error(`record-cli: ${supportJs} is missing; run npm run build first.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { awsCliPath, awsCliVersion, listFixtures, mapLimit, recordingPathOf, runAwsCli, serializeRecording } = require(
  supportJs,
);

const args = process.argv.slice(2);
const check = args.includes('--check');
const dirAt = args.indexOf('--dir');
const dir = resolve(dirAt >= 0 ? args[dirAt + 1] : join(root, 'test/fixtures/cli'));
const names = args.filter((a, i) => !a.startsWith('--') && !(dirAt >= 0 && i === dirAt + 1));

if (!awsCliPath()) {
  console.error('record-cli: the AWS CLI v2 is not at /usr/bin/aws (another `aws` on PATH does not count).');
  process.exit(2);
}
console.log(`record-cli: ${awsCliVersion()}`);

const all = listFixtures(dir);
const wanted = names.length === 0 ? all : names.map((n) => (existsSync(n) ? resolve(n) : join(dir, basename(n))));
for (const f of wanted) {
  if (!existsSync(f)) {
    console.error(`record-cli: no fixture ${f}`);
    process.exit(2);
  }
}

const started = Date.now();
let changed = 0;
let invalid = 0;
await mapLimit(wanted, 2, async (fixture) => {
  const recorded = await runAwsCli(fixture);
  const text = serializeRecording(recorded);
  const out = recordingPathOf(fixture);
  const before = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  if (recorded.exitCode !== 0) invalid++;
  if (before !== text) {
    changed++;
    if (check) console.log(`DRIFT ${basename(fixture)}: exit ${recorded.exitCode}\n  ${recorded.lines.join('\n  ')}`);
    else writeFileSync(out, text);
  }
});

// Recordings whose fixture is gone.
if (names.length === 0) {
  const fixtures = new Set(all.map((f) => basename(f)));
  for (const n of readdirSync(dir).filter((n) => n.endsWith('.aws.json'))) {
    if (!fixtures.has(n.slice(0, -'.aws.json'.length))) {
      changed++;
      if (check) console.log(`STALE ${n}`);
      else rmSync(join(dir, n));
    }
  }
}

const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `record-cli: ${wanted.length} fixtures (${wanted.length - invalid} accepted, ${invalid} rejected) in ${secs}s; ` +
    `${changed} ${check ? 'differ from the recordings' : 'recordings written or removed'}.`,
);
if (check && changed > 0) process.exit(1);
