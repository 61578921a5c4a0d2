// Round trip for the Windows shells: every command `to-cli` writes for PowerShell and cmd.exe (the
// file form, the inline form with shorthand and with JSON users, each on one line and continued
// over lines), read back by `from-cli`'s reader as the shell would hand it to aws.exe, gives
// exactly the request it was written from. The requests: to-cli's corpus, then seeded random
// ones built from what goes wrong in Windows command lines (quotes of both kinds, backslashes
// before quotes and at the end, $, backticks, %, ^, &, curly quotes, Unicode whitespace).
import * as assert from 'node:assert/strict';
import {
  formatOfPath,
  NotExpressibleError,
  type PutUsersRequest,
  readPutUsersCommand,
  readRequest,
  toCliCommand,
  type User,
  writeInput,
} from '../../../../src/core';
import { ARN } from '../../../support/values';
import { CORPUS } from '../../../system/aws-command/to-cli-corpus';

interface Case {
  name: string;
  /** The input file's bytes and the request they hold. */
  text: string;
  request: PutUsersRequest;
}

const PIECES = [
  '"',
  "'",
  '\\',
  '\\\\',
  '\\"',
  '\\\\"',
  '""',
  "''",
  '$',
  '$x',
  '$(id)',
  '${a}',
  '$env:X',
  '`',
  '`n',
  '%',
  '%PATH%',
  '%a%b%',
  '^',
  '^^',
  '&',
  '&&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '!',
  '!x!',
  ' ',
  '  ',
  '\t',
  ',',
  '=',
  '{',
  '}',
  '[',
  ']',
  '@',
  '#',
  ';',
  '~',
  '*',
  '?',
  '-',
  '--',
  '.',
  '-x.y',
  'é',
  '日本',
  '😀',
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  '\u201c',
  '\u201d',
  '\u201e',
  '\u0085',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\ufeff',
  'userId=',
  'properties=',
  'a',
  'b',
  'Z',
  '0',
  'x y',
  '\n',
];

/** mulberry32: the same requests on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileCases(count: number): Case[] {
  const rnd = random(13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const hostile = (max: number) => {
    let s = '';
    const n = 1 + Math.floor(rnd() * max);
    for (let k = 0; k < n; k++) s += pick(PIECES);
    // Now and then a trailing backslash, which a closing quote would escape.
    return rnd() < 0.15 ? `${s}\\` : s;
  };
  const properties = (): string | undefined => {
    const r = rnd();
    if (r < 0.3) return undefined;
    if (r < 0.4) return '{}';
    if (r < 0.5) return JSON.stringify({ empty: '', also: '' });
    if (r < 0.6) return `{"a": "${'\\\\'.repeat(1 + Math.floor(rnd() * 3))}"}`; // backslashes before the closing quote
    return JSON.stringify({ [hostile(3)]: hostile(8), n: hostile(4) });
  };
  const names = [
    'in.json',
    'in.yaml',
    'dir with space/x.json',
    "it's.json",
    'a"b.yaml',
    'back\\slash.json',
    'caret^&amp|.json',
    '`tick (1).json',
    'é 😀\u00a0.json',
    '-dash.x.json',
    '~tilde.json',
    '\u2018curly\u2019 \u201cq\u201d.json',
    '100%.json',
    '$x.json',
  ];
  return Array.from({ length: count }, (_, i) => {
    const users: User[] = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
      const p = properties();
      return p === undefined ? { userId: hostile(10) } : { userId: hostile(10), properties: p };
    });
    const datasetArn = rnd() < 0.8 ? ARN : `${ARN}${hostile(6)}`;
    const name = names[i % names.length]!;
    const format = formatOfPath(name);
    const request = { datasetArn, users };
    const text = writeInput(request, format);
    // The file writer keeps every value (YAML escapes what a reader would fold): the file means the request.
    assert.deepEqual(readRequest(text, format).request, request, `${name}: the file as written`);
    return { name, text, request };
  });
}

function corpusCases(): Case[] {
  return CORPUS.map((f) => {
    const format = formatOfPath(f.name);
    const text = f.text ?? writeInput({ datasetArn: ARN, users: f.users! }, format);
    return { name: f.name, text, request: readRequest(text, format).request! };
  });
}

/** Why to-cli may refuse a request for a shell: a line break for cmd.exe, `$`/`%` in a file path. */
const EXPECTED_REFUSALS = /line break|expand the variable references|would read a dataset ARN/;

describe('round trip: to-cli for PowerShell and cmd.exe, read back by from-cli', function () {
  this.timeout(120_000);

  it('gives back every request, in every form', () => {
    const cases = [...corpusCases(), ...hostileCases(400)];
    let commands = 0;
    let refused = 0;
    const failures: string[] = [];
    for (const c of cases) {
      const bytes = new TextEncoder().encode(c.text);
      const format = formatOfPath(c.name);
      const expected = {
        datasetArn: c.request.datasetArn,
        users: c.request.users.map((u) =>
          u.properties === undefined ? { userId: u.userId } : { userId: u.userId, properties: u.properties },
        ),
      };
      for (const shell of ['powershell', 'cmd'] as const)
        for (const multiline of [false, true])
          for (const form of ['file', 'shorthand', 'json'] as const) {
            let command: string;
            try {
              command = toCliCommand(
                { path: c.name, format, request: c.request },
                { shell, multiline, inline: form !== 'file', shorthand: form === 'shorthand' },
              );
            } catch (e) {
              if (!(e instanceof NotExpressibleError)) throw e;
              assert.match(e.message, EXPECTED_REFUSALS, `${shell} ${form}: ${e.message}`);
              refused++;
              continue;
            }
            commands++;
            const readFile = (p: string) => {
              if (form === 'file' && (p === c.name || p === `./${c.name}`)) return bytes;
              throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
            };
            const reading = readPutUsersCommand(command, { shell, readFile });
            try {
              assert.deepEqual(reading.request, expected);
            } catch {
              failures.push(
                `${shell} ${form}${multiline ? ' multiline' : ''} ${c.name}\n${command}\n${JSON.stringify(reading.problem ?? reading.request)}\nexpected ${JSON.stringify(expected)}`,
              );
            }
          }
    }
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${commands} commands read back otherwise`);
    // The test means something only if nearly every command was written.
    assert.ok(commands > 10 * refused, `${commands} commands, ${refused} refused by to-cli`);
    console.log(`      ${cases.length} requests, ${commands} commands read back, ${refused} not expressible`);
  });
});
