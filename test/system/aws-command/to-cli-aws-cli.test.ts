// Differential: every command `putusers to-cli` writes for bash (the file form, the inline form,
// the inline form with JSON users, and one continued over lines), run by `bash -c` with the real
// AWS CLI v2 against the emulator as a capture endpoint, sends exactly the request the input file
// means. The PowerShell and cmd.exe commands (neither shell is installed here) go through the
// models of test/support/windows-command-line.ts to the argv aws.exe would get, which must be
// the words meant, and is run with the real CLI where it differs from bash's. The CLI's shorthand parser (awscli.shorthand) also reads back every value the shorthand
// formatter writes. Skipped without /usr/bin/aws. A command already seen to send its request with
// this CLI build is not run again (test/support/aws-cli-cache.ts; npm run test:drift runs them all).
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  cliInputWords,
  formatOfPath,
  inlineWords,
  type PutUsersRequest,
  quoteBash,
  readRequest,
  shorthandValue,
  toCliCommand,
  type User,
  writeInput,
} from '../../../src/core';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { awsCliPath, cliEnv } from '../../support/aws-cli';
import { answerKey, cacheSummary, remember, seenBefore } from '../../support/aws-cli-cache';
import { runCli } from '../../support/cli';
import { ARN } from '../../support/values';
import { cmdLine, powerShellLegacyArgs, splitMsvcrtArgs } from '../../support/windows-command-line';
import { CORPUS } from './to-cli-corpus';

const LEGACY_SCOPE = /^& \{ \$PSNativeCommandArgumentPassing = 'Legacy'; (.*) \}$/s;

/** The argv aws.exe gets from a command typed into PowerShell or at the cmd.exe prompt (with a few variables defined). */
function windowsArgv(shell: 'powershell' | 'cmd', command: string): string[] {
  if (shell === 'cmd') return splitMsvcrtArgs(cmdLine(command, { PATH: 'C:\\Windows', HOME: 'C:\\Users\\me' }));
  const body = LEGACY_SCOPE.exec(command)?.[1] ?? command;
  return splitMsvcrtArgs(powerShellLegacyArgs(body));
}

describe('putusers to-cli vs the real AWS CLI', function () {
  this.timeout(120_000);
  const env = cliEnv();
  let emulator: Emulator;
  let dir: string;
  /** Every corpus file's name and text: a file-form command's answer depends on its file. */
  const corpusFiles: string[] = [];
  let ran = 0;
  let verified = 0;

  before(async function () {
    if (!awsCliPath()) this.skip(); // the AWS CLI v2 is not installed at /usr/bin/aws
    emulator = await startEmulator({
      credentials: [{ accessKeyId: env['AWS_ACCESS_KEY_ID']!, secretAccessKey: env['AWS_SECRET_ACCESS_KEY']! }],
      datasets: [{ arn: ARN }],
      region: env['AWS_DEFAULT_REGION']!,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'putusers-to-cli-'));
    for (const f of CORPUS) {
      const p = path.join(dir, f.name);
      const text = f.text ?? writeInput({ datasetArn: ARN, users: f.users! }, formatOfPath(f.name));
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
      corpusFiles.push(f.name, text);
    }
  });
  after(async () => {
    if (ran + verified > 0) console.log(cacheSummary('to-cli commands', ran, verified));
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a bash command line (with the endpoint appended) in the corpus folder; the bodies the emulator received. */
  function runInBash(command: string): Promise<{ bodies: unknown[]; stderr: string }> {
    emulator.clear();
    const line = `${command} --endpoint-url ${quoteBash(emulator.url)}`;
    return new Promise((resolve) => {
      execFile(
        'bash',
        ['-c', line],
        { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
        (_error, _stdout, stderr) => {
          resolve({ bodies: emulator.requests.map((r) => JSON.parse(r.body) as unknown), stderr });
        },
      );
    });
  }

  /** Runs `putusers` in the corpus folder, so the file form names the file by its relative path as a user would. */
  async function inCorpus<T>(fn: () => Promise<T>): Promise<T> {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return await fn();
    } finally {
      process.chdir(cwd);
    }
  }

  /**
   * Runs the command and checks it sends `expected`; unless the same command, on the same corpus
   * files, was seen to send it with this CLI build before (test/support/aws-cli-cache.ts).
   */
  async function assertSends(command: string, expected: PutUsersRequest): Promise<void> {
    const key = answerKey('to-cli', [command, JSON.stringify(expected), ...corpusFiles]);
    if (seenBefore(key)) {
      verified++;
      return;
    }
    ran++;
    const { bodies, stderr } = await runInBash(command);
    assert.ok(bodies.length >= 1, `nothing was sent by\n${command}\n${stderr}`);
    // A retried request sends the same body again: every one must be the file's request.
    for (const body of bodies) assert.deepEqual(body, expected, command);
    remember(key, command);
  }

  for (const f of CORPUS) {
    it(`${f.name}: the file form, the inline form and the JSON form send the file's request`, async () => {
      const file = path.join(dir, f.name);
      const format = formatOfPath(f.name);
      const { request, findings } = readRequest(readFileSync(file, 'utf8'), format);
      assert.deepEqual(
        findings.filter((x) => x.severity === 'error'),
        [],
      );
      if (f.users) assert.deepEqual(request!.users, f.users, 'the corpus file holds its users');

      const fileForm = await inCorpus(() => runCli('to-cli', f.name));
      assert.equal(fileForm.code, 0, fileForm.stderr);
      await assertSends(fileForm.stdout.trimEnd(), request!);

      const inline = await inCorpus(() => runCli('to-cli', f.name, '--inline'));
      assert.equal(inline.code, 0, inline.stderr);
      await assertSends(inline.stdout.trimEnd(), request!);

      // PowerShell and cmd.exe, through the models of how each hands aws.exe its argv: the words
      // meant; those that differ from bash's (another shorthand quote) go to the real CLI too.
      for (const shell of ['powershell', 'cmd'] as const) {
        const printed = await inCorpus(() => runCli('to-cli', f.name, '--shell', shell));
        assert.deepEqual(windowsArgv(shell, printed.stdout.trimEnd()), cliInputWords(f.name, format, shell));
        const inlined = await inCorpus(() => runCli('to-cli', f.name, '--inline', '--shell', shell));
        const argv = windowsArgv(shell, inlined.stdout.trimEnd());
        assert.deepEqual(argv, inlineWords(request!, shell), inlined.stdout);
        if (JSON.stringify(argv) !== JSON.stringify(inlineWords(request!, 'bash')))
          await assertSends(argv.map(quoteBash).join(' '), request!);
      }

      const json = toCliCommand(
        { path: f.name, format, request: request! },
        { shell: 'bash', inline: true, shorthand: false },
      );
      if (json !== inline.stdout.trimEnd()) await assertSends(json, request!);
    });
  }

  it('a command continued over lines sends the same', async () => {
    const f = CORPUS.find((c) => c.name === 'quotes.json')!;
    const request = { datasetArn: ARN, users: f.users! };
    const command = toCliCommand(
      { path: f.name, format: 'json', request },
      { shell: 'bash', inline: true, multiline: true },
    );
    assert.match(command, /\\\n/);
    await assertSends(command, request);
  });

  it('the CLI’s shorthand parser reads back every value the formatter writes', () => {
    const values = [
      ...CORPUS.flatMap((f) => (f.users ?? []).flatMap((u: User) => [u.userId, u.properties ?? 'p'])),
      ...[
        'a\\',
        '\\',
        '\\\\,',
        'x\\,',
        '"',
        "'",
        `"'`,
        '\\"',
        "\\'",
        '\\\\"',
        'ends "',
        `ends '`,
        'a b ',
        '\u2028x',
        'x\u2028',
      ],
    ];
    const cases: { word: string; userId: string; properties: string }[] = [];
    for (const userId of values)
      for (const quote of ['"', "'"] as const) {
        const id = shorthandValue(userId, { quote });
        const props = shorthandValue('{"k": "' + userId.replace(/["\\]/g, '') + '"}', { quote });
        if (id === undefined || props === undefined) continue;
        cases.push({
          word: `userId=${id},properties=${props}`,
          userId,
          properties: '{"k": "' + userId.replace(/["\\]/g, '') + '"}',
        });
      }
    assert.ok(cases.length > 100, `${cases.length} cases`);
    const script = [
      'import json, sys',
      'from awscli.shorthand import ShorthandParser',
      'out = []',
      'for word in json.load(sys.stdin):',
      '    try: out.append(ShorthandParser().parse(word))',
      '    except Exception as e: out.append({"error": str(e)})',
      'json.dump(out, sys.stdout)',
    ].join('\n');
    const parsed = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script], {
        input: JSON.stringify(cases.map((c) => c.word)),
        encoding: 'utf8',
      }),
    ) as unknown[];
    cases.forEach((c, i) => assert.deepEqual(parsed[i], { userId: c.userId, properties: c.properties }, c.word));
  });
});
