// `putusers import` of a 1,000,000-row users CSV with a schema: rows per second and peak memory
// (issue 12: under 200 MB; the import streams, so memory stays flat with the row count). Writes
// the CSV and the 100,000 files it becomes to a temporary folder; needs /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ARN } from './fixtures.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ROWS = Number(process.env.PUTUSERS_BENCH_ROWS ?? 1_000_000);
const SCHEMA = {
  type: 'record',
  name: 'Users',
  namespace: 'com.amazonaws.personalize.schema',
  fields: [
    { name: 'USER_ID', type: 'string' },
    { name: 'AGE', type: 'int' },
    { name: 'GENDER', type: 'string', categorical: true },
    { name: 'MEMBERSHIP', type: ['null', 'string'], categorical: true },
    { name: 'LIFETIME_VALUE', type: 'double' },
  ],
  version: '1.0',
};

async function writeCsv(file) {
  const out = createWriteStream(file);
  out.write('USER_ID,AGE,GENDER,MEMBERSHIP,LIFETIME_VALUE\n');
  for (let i = 0; i < ROWS; i++) {
    const row = `user-${i},${18 + (i % 60)},${i % 2 ? 'F' : 'M'},${i % 3 ? '"Member|Frequent shopper"' : ''},${(i % 1000) / 4}\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'putusers-import-'));
  try {
    const csv = path.join(dir, 'users.csv');
    const schema = path.join(dir, 'users.avsc');
    writeFileSync(schema, JSON.stringify(SCHEMA));
    await writeCsv(csv);
    const out = path.join(dir, 'out');
    const r = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%e %M',
        process.execPath,
        cli,
        'import',
        csv,
        '--dataset-arn',
        ARN,
        '--dataset-schema',
        schema,
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    const [seconds, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    const files = readdirSync(out).length;
    const mb = kb / 1024;
    console.log(
      '| rows | CSV | files written | time | rows/s | peak RSS |\n| ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    console.log(
      `| ${ROWS.toLocaleString('en-US')} | ${(statSync(csv).size / 1e6).toFixed(1)} MB | ${files.toLocaleString('en-US')} | ${seconds} s | ${Math.round(ROWS / seconds).toLocaleString('en-US')} | ${mb.toFixed(0)} MB |`,
    );
    console.log(`\n${r.stdout.trim().split('\n').at(-1)}`);
    const ok = r.status === 0 && files === Math.ceil(ROWS / 10) && mb < 200;
    console.log(`\nevery row written, peak RSS under 200 MB: ${ok ? 'MET' : 'NOT MET'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
