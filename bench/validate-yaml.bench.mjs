// validate(text, 'yaml') against yaml-language-server's doValidation with our schema (what Red
// Hat's YAML extension runs on each change), same documents, each in a process of its own.
// Targets (issue 11): linear (10,000 users within 12x of 1,000) and at most 0.25x its time at
// 1,000 and 10,000 users.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./validate-worker.mjs', import.meta.url));

function measure(contender, count, runs) {
  const out = execFileSync(process.execPath, ['--expose-gc', worker, contender, String(count), String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out);
}

export async function run() {
  const rows = [];
  for (const count of [1000, 2500, 5000, 10000]) {
    const ours = measure('ours-yaml', count, 21);
    const theirs = measure('yaml-language-server', count, count >= 5000 ? 5 : 11);
    rows.push({ count, bytes: ours.bytes, ours, theirs });
  }
  console.log(
    '| users | size | validate (median ms) | yaml-language-server doValidation (median ms) | ours / theirs | ms per 1,000 users | findings ours / theirs |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows)
    console.log(
      `| ${r.count} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.ours.median.toFixed(1)} | ${r.theirs.median.toFixed(1)} | ${(r.ours.median / r.theirs.median).toFixed(2)}x | ${((r.ours.median / r.count) * 1000).toFixed(2)} | ${r.ours.findings} / ${r.theirs.findings} |`,
    );
  const at = (count) => rows.find((r) => r.count === count);
  const growth = at(10000).ours.median / at(1000).ours.median;
  const ratios = [1000, 10000].map((c) => at(c).ours.median / at(c).theirs.median);
  const met = growth <= 12 && ratios.every((x) => x <= 0.25);
  console.log(
    `\n1,000 → 10,000 users: ${growth.toFixed(1)}x the time (target <= 12x); ours / theirs ${ratios.map((x) => x.toFixed(2)).join(' and ')} (target <= 0.25): ${met ? 'MET' : 'NOT MET'}`,
  );
  return met;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
