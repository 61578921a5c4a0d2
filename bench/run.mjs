// `npm run bench`: every benchmark, one after the other (run it on a quiet machine).
// Figures go to docs/benchmarks.md by hand, with the command that produced them.
import { existsSync } from 'node:fs';

const benches = [
  './validate.bench.mjs',
  './validate-yaml.bench.mjs',
  './extension.bench.mjs',
  './send.bench.mjs',
  './send-quota.bench.mjs',
  './package.bench.mjs',
  './hostile-files.bench.mjs',
  './import-csv.bench.mjs',
];
let ok = true;
for (const bench of benches) {
  if (!existsSync(new URL(bench, import.meta.url))) continue;
  console.log(`\n## ${bench}\n`);
  const { run } = await import(bench);
  ok = (await run()) !== false && ok;
}
process.exitCode = ok ? 0 : 1;
