// validate() against vscode-json-languageservice (parseJSONDocument + doValidation with our
// schema) on the same text. Target (issue 2): at least 4x faster on 10,000 users, and linear
// growth. Each contender runs in its own Node process (see validate-worker.mjs).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./validate-worker.mjs', import.meta.url));

function measure(contender, count, runs) {
  const out = execFileSync(process.execPath, [worker, contender, String(count), String(runs)], { encoding: 'utf8' });
  return JSON.parse(out);
}

export async function run() {
  const rows = [];
  for (const count of [1000, 2500, 5000, 10000, 20000]) {
    const ours = measure('ours', count, 21);
    const theirs = measure('theirs', count, 11);
    rows.push({ count, bytes: ours.bytes, ours, theirs });
  }
  console.log(
    '| users | size | validate (median ms) | parse + doValidation (median ms) | speed-up | validate ms per 1,000 users | findings ours / theirs |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.count} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.ours.median.toFixed(1)} | ${r.theirs.median.toFixed(1)} | ${(r.theirs.median / r.ours.median).toFixed(1)}x | ${((r.ours.median / r.count) * 1000).toFixed(2)} | ${r.ours.findings} / ${r.theirs.findings} |`,
    );
  }
  const ten = rows.find((r) => r.count === 10000);
  const ratio = ten.theirs.median / ten.ours.median;
  console.log(`\n10,000 users: ${ratio.toFixed(1)}x faster (target >= 4x): ${ratio >= 4 ? 'MET' : 'NOT MET'}`);
  return ratio >= 4;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
