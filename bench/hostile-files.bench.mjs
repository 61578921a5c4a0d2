// `putusers validate` on files a careless tool or a hostile repository produces: how long it
// takes, how much memory, and what it answers (issue 11: within a few seconds and a few hundred
// MB, with a clear message). Writes the files to a temporary folder; needs /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARN } from './fixtures.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const users = (n) =>
  Array.from({ length: n }, (_, i) => ({
    userId: `user-${i}`,
    properties: JSON.stringify({ age: String(i % 90), membership: 'Member|Frequent shopper', note: 'x'.repeat(60) }),
  }));
const small = `{"datasetArn": "${ARN}", "users": [{"userId": "u1"}]}`;
const laughs = [`datasetArn: ${ARN}`, 'a0: &a0 [lol]'];
for (let k = 1; k <= 9; k++)
  laughs.push(
    `a${k}: &a${k} [${Array(9)
      .fill(`*a${k - 1}`)
      .join(', ')}]`,
  );
laughs.push('users: *a9');

const FILES = {
  'big.putusers.json': () => JSON.stringify({ datasetArn: ARN, users: users(290000) }, null, 2),
  'long-line.putusers.json': () => JSON.stringify({ datasetArn: ARN, users: users(60000) }),
  'nul.putusers.json': () => small.replace('"u1"', '"u\u0000"'),
  'invalid-utf8.putusers.json': () =>
    Buffer.concat([Buffer.from(small.slice(0, -4)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')]),
  'utf16.putusers.json': () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(small, 'utf16le')]),
  'line-ends.putusers.yaml': () => `datasetArn: ${ARN}\r\nusers:\r- userId: u1\r\n  properties: 7\r`,
  'deep.putusers.yaml': () => `datasetArn: ${ARN}\nusers: ${'['.repeat(100000)}${']'.repeat(100000)}\n`,
  'laughs.putusers.yaml': () => `${laughs.join('\n')}\n`,
};

export async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'putusers-hostile-'));
  try {
    console.log('| file | size | answer | time | max RSS |\n| --- | ---: | --- | ---: | ---: |');
    let ok = true;
    for (const [name, make] of Object.entries(FILES)) {
      const file = path.join(dir, name);
      const content = make();
      writeFileSync(file, content);
      const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, 'validate', file], {
        encoding: 'utf8',
      });
      const [seconds, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
      const answer = (r.stdout + r.stderr)
        .split('\n')[0]
        .replace(dir + path.sep, '')
        .slice(0, 90);
      console.log(
        `| ${name} | ${(content.length / 1e6).toFixed(2)} MB | ${answer} | ${seconds} s | ${(kb / 1024).toFixed(0)} MB |`,
      );
      ok &&= seconds < 10 && kb < 512 * 1024;
    }
    console.log(`\nevery file within 10 s and 512 MB: ${ok ? 'MET' : 'NOT MET'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
