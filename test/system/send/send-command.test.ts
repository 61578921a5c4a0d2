// `putusers send` (main(['send', ...])) against the emulator: credentials from the environment as the CLI
// would find them, the report on stdout, the failed-users file beside FILE, the exit codes.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { readRequest, type User, writeInput } from '../../../src/core';
import type { Emulator, FaultRule } from '../../../src/emulator';
import {
  ARN,
  assertNothingLostNothingTwice,
  emulatorCliEnv,
  KEYS,
  makeUsers,
  outputOf,
  startTestEmulator,
  UNKNOWN_ARN,
  withAwsEnv,
} from '../../support/emulator-harness';
import { usersSchemaText } from '../../support/values';

describe('send: putusers send FILE', () => {
  let emulator: Emulator;
  let dir: string;
  // Everything the command printed, in every test: checked at the end for secrets and user data.
  const printed: string[] = [];
  after(() => {
    const all = printed.join('\n');
    assert.ok(printed.length >= 8 && all.length > 1000, 'the outputs were gathered');
    for (const secret of [KEYS.accessKeyId, KEYS.secretAccessKey, 'Frequent shopper', 'memberTier'])
      assert.ok(!all.includes(secret), `${secret.slice(0, 4)}… was printed`);
    assert.deepEqual(all.match(/\bu\d+\b/g) ?? [], [], 'user ids were printed');
  });
  beforeEach(async () => {
    emulator = await startTestEmulator();
    dir = mkdtempSync(path.join(tmpdir(), 'putusers-send-cli-'));
  });
  afterEach(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey };
  function inputFile(users: User[], name = 'users.putusers.json', datasetArn = ARN): string {
    const file = path.join(dir, name);
    writeFileSync(file, writeInput({ datasetArn, users }, /\.ya?ml$/.test(name) ? 'yaml' : 'json'));
    return file;
  }
  async function run(args: string[], vars: Record<string, string> = env) {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    const code = await withAwsEnv(vars, () => main(['send', ...args], io));
    printed.push(stdout, stderr);
    return { code, stdout, stderr };
  }
  /** The arguments that send to the emulator, `concurrency` requests at a time. */
  const toEmulator = (concurrency: string) => [
    '--endpoint-url',
    emulator.url,
    '--region',
    'us-east-1',
    '--concurrency',
    concurrency,
  ];
  const failedFiles = () => readdirSync(dir).filter((f) => f.includes('.failed-'));

  it('sends every user: exit 0, the report, no failed file', async () => {
    const file = inputFile(makeUsers(23));
    const { code, stdout, stderr } = await run([file, ...toEmulator('2')]);
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      new RegExp(
        `^Sending 23 users in 3 requests, under a second at 10 requests/s\\.\\nPutUsers to ${ARN.replace(/[/]/g, '\\/')} \\(region us-east-1, endpoint ${emulator.url}\\):\\n`,
      ),
    );
    assert.match(
      stdout,
      /request 3: users\[20\.\.22\], 3 users: accepted \[HTTP 200, request id [0-9a-f-]{36}, 1 attempt, \d+ ms\]/,
    );
    assert.match(
      stdout,
      /\n23 of 23 users in \(23 accepted, 0 rejected, 0 failed, 0 unsent\); 3 requests, 3 HTTP attempts, [\d.]+ s, [\d.]+ requests\/s \(at most 10\)\.\n$/,
    );
    assert.equal(stderr, '');
    assert.deepEqual(failedFiles(), []);
    assert.equal(emulator.acceptedUsers().length, 23);
  });

  it('writes the users not in beside FILE (in its format), prints no user data, exits 1', async () => {
    emulator.setFaults([
      { fault: { kind: 'reject-user', userIds: ['u4', 'u13'], message: 'Invalid value for field age.' } },
    ]);
    const input = makeUsers(15);
    const file = inputFile(input, 'users.putusers.yaml');
    const { code, stdout, stderr } = await run([file, `--endpoint-url=${emulator.url}`, '--region=us-east-1']);
    assert.equal(code, 1);
    assert.match(
      stdout,
      / {2}users\[4\]: rejected: Invalid value for field age\. \[request id [0-9a-f-]{36}\]\n {2}users\[13\]: rejected: Invalid value for field age\./,
    );
    assert.match(stdout, /13 of 15 users in \(13 accepted, 2 rejected, 0 failed, 0 unsent\)/);
    const [failed] = failedFiles();
    assert.match(failed!, /^users\.failed-\d{8}T\d{6}Z\.putusers\.yaml$/);
    assert.ok(
      stdout.endsWith(
        `\n2 users not in: written to ${path.join(dir, failed!)} (fix the rejected ones first), ready to send again.\nSend them with: putusers send ${path.join(dir, failed!)}\n`,
      ),
      stdout,
    );
    const back = readRequest(readFileSync(path.join(dir, failed!), 'utf8'), 'yaml');
    assert.deepEqual(back.request, { datasetArn: ARN, users: [input[4], input[13]] });
    assert.doesNotMatch(
      stdout + stderr,
      /memberTier|Frequent shopper|\bu4\b|\bu13\b|AKIDEMULATORTEST|emulator\/Secret/,
      'no properties, user ids or secrets',
    );
    assertNothingLostNothingTwice(emulator, input, back.request!.users);
  });

  it('the fault matrix, a subset through the command: the failed file and the emulator are the input, exit 0 only when all are in', async () => {
    const input = makeUsers(25);
    const first = (k: number) => input[10 * k]!.userId;
    const cases: [string, FaultRule, number][] = [
      [
        'HTTP 503 for good at request 2',
        { when: (r) => r.userIds.includes(first(1)), fault: { kind: 'status', status: 503 } },
        1,
      ],
      ['throttled once at request 1', { when: 1, times: 1, fault: { kind: 'throttle', status: 429 } }, 0],
      [
        'a dropped connection for good at request 3',
        { when: (r) => r.userIds.includes(first(2)), fault: { kind: 'drop' } },
        1,
      ],
      ['a rejected user at request 3', { fault: { kind: 'reject-user', userIds: [input[22]!.userId] } }, 1],
    ];
    for (const [name, rule, exitCode] of cases) {
      emulator.clear();
      emulator.setFaults([rule]);
      const file = inputFile(input, `matrix-${cases.findIndex((c) => c[0] === name)}.putusers.json`);
      const { code, stderr } = await run([file, ...toEmulator('3')]);
      assert.equal(code, exitCode, `${name}: ${stderr}`);
      const failed = failedFiles().filter((f) => f.startsWith(path.basename(file, '.putusers.json')));
      const notIn = failed.length
        ? readRequest(readFileSync(path.join(dir, failed[0]!), 'utf8'), 'json').request!.users
        : [];
      assert.equal(failed.length, exitCode, name);
      assertNothingLostNothingTwice(emulator, input, notIn);
    }
  });

  it('sends a folder: every input file in name order as one send, one report, one failed file beside the folder', async () => {
    const folder = path.join(dir, 'batch');
    mkdirSync(folder);
    const input = makeUsers(25);
    // As `putusers import` writes them; a file of another kind is left alone.
    for (let k = 0; k < 3; k++)
      writeFileSync(
        path.join(folder, `batch-000${k + 1}.putusers.${k === 1 ? 'yaml' : 'json'}`),
        writeInput({ datasetArn: ARN, users: input.slice(10 * k, 10 * k + 10) }, k === 1 ? 'yaml' : 'json'),
      );
    writeFileSync(path.join(folder, 'notes.json'), '{"not": "an input"}');
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: [input[12]!.userId] } }]);
    const { code, stdout, stderr } = await run([folder, ...toEmulator('2')]);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /batch: 25 users from 3 files, numbered across them in name order\./);
    assert.match(stdout, /users\[12\]/);
    const failed = failedFiles();
    assert.equal(failed.length, 1);
    assert.match(failed[0]!, /^batch\.failed-.*\.putusers\.json$/);
    assert.deepEqual(readdirSync(folder).sort(), [
      'batch-0001.putusers.json',
      'batch-0002.putusers.yaml',
      'batch-0003.putusers.json',
      'notes.json',
    ]);
    const notIn = readRequest(readFileSync(path.join(dir, failed[0]!), 'utf8'), 'json').request!.users;
    assert.deepEqual(notIn, [input[12]]);
    assertNothingLostNothingTwice(emulator, input, notIn);
  });

  it('against a dataset with a schema: the users whose properties do not fit are found and kept, the rest get in', async () => {
    const schema = usersSchemaText(
      { name: 'AGE', type: 'string' },
      { name: 'MEMBER_TIER', type: ['null', 'string'], categorical: true },
    );
    const strict = await startTestEmulator({ datasets: [{ arn: ARN, schema }] });
    try {
      const input = makeUsers(15);
      input[3] = { ...input[3]!, properties: '{"age": 41}' }; // a number in a string field
      input[12] = { ...input[12]!, properties: '{"age": "41", "tier": "Gold"}' }; // no such field
      const file = inputFile(input, 'schema.putusers.json');
      const { code, stdout } = await run([
        file,
        '--endpoint-url',
        strict.url,
        '--region',
        'us-east-1',
        '--concurrency',
        '2',
      ]);
      assert.equal(code, 1);
      assert.match(stdout, /properties do not fit the dataset's schema \(schema\/wrong-type\)/);
      const [failed] = failedFiles();
      const notIn = readRequest(readFileSync(path.join(dir, failed!), 'utf8'), 'json').request!.users;
      assert.deepEqual(notIn, [input[3], input[12]]);
      assertNothingLostNothingTwice(strict, input, notIn);
    } finally {
      await strict.close();
    }
  });

  it('sends nothing from a folder with a file in error or for another dataset; an empty folder is a usage error', async () => {
    const folder = path.join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.putusers.json'), writeInput({ datasetArn: ARN, users: makeUsers(2) }, 'json'));
    writeFileSync(
      path.join(folder, 'b.putusers.json'),
      writeInput({ datasetArn: UNKNOWN_ARN, users: makeUsers(2, 2) }, 'json'),
    );
    const other = await run([folder, ...toEmulator('1')]);
    assert.equal(other.code, 1);
    assert.match(
      other.stderr,
      /b\.putusers\.json is for another dataset than .*a\.putusers\.json: a folder is sent to one dataset; nothing was sent/,
    );
    writeFileSync(path.join(folder, 'b.putusers.json'), `{"datasetArn": "${ARN}", "users": [{"userId": 7}]}`);
    const invalid = await run([folder, ...toEmulator('1')]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /b\.putusers\.json:1:\d+: error: users\[0\]\.userId must be a string/);
    assert.equal(emulator.requests.length, 0, 'nothing was sent');
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const none = await run([empty, ...toEmulator('1')]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /holds no input files/);
  });

  it('stops on errors in FILE with located findings, sends nothing, exits 1; prints warnings and sends', async () => {
    const bad = path.join(dir, 'bad.putusers.json');
    writeFileSync(
      bad,
      `{\n    "datasetArn": "${ARN}",\n    "users": [\n        {"userId": "u1", "properties": "{\\"age\\": 3"}\n    ]\n}\n`,
    );
    const stopped = await run([bad, '--endpoint-url', emulator.url, '--region', 'us-east-1']);
    assert.equal(stopped.code, 1);
    assert.match(
      stopped.stderr,
      new RegExp(
        `^${bad.replace(/[/.]/g, '\\$&')}:4:\\d+: error: users\\[0\\]\\.properties is not valid JSON .*\\[service/properties-not-json\\]\\n`,
      ),
    );
    assert.match(stopped.stderr, /1 error: nothing was sent\.\n$/);
    assert.equal(emulator.requests.length, 0);

    const warned = path.join(dir, 'warned.putusers.json');
    writeFileSync(
      warned,
      writeInput(
        { datasetArn: ARN, users: [{ userId: 'u1', properties: '{"NUMBER_OF_VIDEOS": "4"}' }, ...makeUsers(11, 2)] },
        'json',
      ),
    );
    const sent = await run([warned, '--endpoint-url', emulator.url, '--region', 'us-east-1']);
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(
      sent.stderr,
      /warning: Property key "NUMBER_OF_VIDEOS" is not camelCase.*\[service\/properties-key-case\]/,
    );
    assert.doesNotMatch(sent.stderr, /too-many-users/, 'more than 10 users is what send is for');
    assert.equal(emulator.acceptedUsers().length, 12);
  });

  it('says what a --max-rps must be', async () => {
    const { code, stderr } = await run(['x.json', '--max-rps', '0']);
    assert.equal(code, 2);
    assert.match(
      stderr,
      /^putusers: --max-rps takes PutUsers requests per second for the dataset group, from 0\.1 to 10000 \(the service's quota is 10 unless your account's was raised\), not "0"\n/,
    );
  });

  it('sends 2,000 users at the quota of 10 requests/s: all in, none twice, exit 0, the estimate first and the pace in the report', async function () {
    this.timeout(90_000);
    emulator.setQuota({ requestsPerSecond: 10, burst: 10 });
    const input = makeUsers(2_000);
    const t0 = Date.now();
    const { code, stdout, stderr } = await run([inputFile(input), ...toEmulator('4')]);
    const ms = Date.now() - t0;
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      /^Sending 2,000 users in 200 requests, about 20 s at 10 requests\/s \(the PutUsers quota per dataset group; --max-rps N if your account has a higher one\)\.\n/,
    );
    const totals =
      /\n2,000 of 2,000 users in \(2,000 accepted, 0 rejected, 0 failed, 0 unsent\); 200 requests, ([\d,]+) HTTP attempts(?: \((\d+) throttled\))?, [\d.]+ s, [\d.]+ requests\/s \(at most 10\)\.\n$/.exec(
        stdout,
      );
    assert.ok(totals, stdout.slice(-400));
    const throttled = Number(totals[2] ?? 0);
    assert.ok(throttled <= 20, `${throttled} of ${totals[1]} attempts throttled`);
    assert.ok(ms >= 19_000, `the quota allows 2,000 users in 19 s at best, not ${ms} ms`);
    assertNothingLostNothingTwice(emulator, input, []);
    assert.deepEqual(failedFiles(), []);
  });

  it('sends at a raised quota when told (--max-rps 50)', async function () {
    this.timeout(60_000);
    emulator.setQuota({ requestsPerSecond: 50, burst: 50 });
    const input = makeUsers(1_000);
    const t0 = Date.now();
    const { code, stdout, stderr } = await run([inputFile(input), ...toEmulator('4'), '--max-rps', '50']);
    const ms = Date.now() - t0;
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Sending 1,000 users in 100 requests, about 2 s at 50 requests\/s\.\n/);
    assert.match(stdout, /, [\d.]+ requests\/s \(at most 50\)\.\n$/);
    assert.doesNotMatch(stdout, /throttled/);
    assert.ok(ms < 9_000, `faster than the 9.9 s 10 requests/s take: ${ms} ms`);
    assertNothingLostNothingTwice(emulator, input, []);
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    for (const args of [
      [],
      ['a.json', 'b.json'],
      ['--region'],
      ['x.json', '--concurrency', '0'],
      ['x.json', '--concurrency', 'many'],
      ['x.json', '--concurrency', '65'],
      ['x.json', '--bogus'],
      ['x.json', '--max-rps', '0'],
      ['x.json', '--max-rps', 'fast'],
      ['x.json', '--max-rps', '-5'],
      ['x.json', '--max-rps', '20000'],
    ]) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^putusers: .+\n\nUsage: putusers send FILE/);
    }
    const missing = await run([path.join(dir, 'nope.json')]);
    assert.deepEqual(
      [missing.code, missing.stderr],
      [2, `putusers: cannot read ${path.join(dir, 'nope.json')}: no such file\n`],
    );
    const binary = path.join(dir, 'bin.json');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00]));
    assert.equal((await run([binary])).code, 2);
  });

  it('explains a fatal stop (wrong ARN): no user got in, so no copy of the file is written; FILE is still the one to send', async () => {
    const input = makeUsers(12);
    const file = inputFile(input, 'users.json', UNKNOWN_ARN);
    const { code, stdout } = await run([file, ...toEmulator('1')]);
    assert.equal(code, 1);
    assert.match(
      stdout,
      /Stopped: The service at http:\/\/127\.0\.0\.1:\d+ found no dataset .*nope\/USERS in us-east-1 .*Check --endpoint-url, or leave it out to send to AWS\./,
    );
    assert.ok(
      stdout.endsWith(`\nNo user got in, so no users-not-in file was written: ${file} is still the one to send.\n`),
      stdout,
    );
    assert.deepEqual(failedFiles(), []);
    assert.equal(emulator.acceptedUsers().length, 0);
  });

  it('nothing sent (no credentials): writes nothing, so the next send of the folder sends each user once', async () => {
    const folder = path.join(dir, 'batch');
    mkdirSync(folder);
    const input = makeUsers(14);
    const a = path.join(folder, 'a.putusers.json');
    writeFileSync(a, writeInput({ datasetArn: ARN, users: input.slice(0, 12) }, 'json'));
    writeFileSync(
      path.join(folder, 'b.putusers.yaml'),
      writeInput({ datasetArn: ARN, users: input.slice(12) }, 'yaml'),
    );
    const noCreds = await run([a, ...toEmulator('2')], {});
    assert.equal(noCreds.code, 1);
    assert.match(noCreds.stdout, /\nStopped: No AWS credentials found/);
    assert.ok(
      noCreds.stdout.endsWith(
        `\nNothing was sent, so no users-not-in file was written: ${a} is still the one to send.\n`,
      ),
      noCreds.stdout,
    );
    assert.deepEqual(readdirSync(folder).sort(), ['a.putusers.json', 'b.putusers.yaml'], 'no copy beside a');
    const again = await run([folder, ...toEmulator('2')]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /batch: 14 users from 2 files, numbered across them in name order\.\n/);
    assertNothingLostNothingTwice(emulator, input, []);
  });

  it("a folder send leaves out the users-not-in files of earlier sends, and names them: a stale copy never overwrites a user's newer version", async () => {
    const folder = path.join(dir, 'batch');
    mkdirSync(folder);
    const input = makeUsers(15);
    const a = path.join(folder, 'a.putusers.json');
    writeFileSync(a, writeInput({ datasetArn: ARN, users: input }, 'json'));
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: ['u4'] } }]);
    const first = await run([a, ...toEmulator('2')]);
    assert.equal(first.code, 1);
    const [copy] = readdirSync(folder).filter((n) => n.includes('.failed-'));
    assert.match(copy!, /^a\.failed-\d{8}T\d{6}Z\.putusers\.json$/, 'the rejected user, beside a');
    // The user mends u4 in the original and sends the folder; the service now takes it.
    const fixed = input.map((u) => (u.userId === 'u4' ? { userId: 'u4', properties: '{"age": "44"}' } : u));
    writeFileSync(a, writeInput({ datasetArn: ARN, users: fixed }, 'json'));
    emulator.clear();
    emulator.setFaults([]);
    const folderSend = await run([folder, ...toEmulator('2')]);
    assert.equal(folderSend.code, 0, folderSend.stdout + folderSend.stderr);
    assert.match(
      folderSend.stdout,
      new RegExp(
        `^${folder}: 15 users from 1 file, numbered across them in name order; 1 users-not-in file of earlier sends left out \\(send each on its own: putusers send FILE\\): ${copy!.replace(/\./g, '\\.')}\\.\\n`,
      ),
    );
    assertNothingLostNothingTwice(emulator, fixed, []);
    // A folder of nothing but such copies sends nothing, and says why.
    rmSync(a);
    const none = await run([folder, ...toEmulator('2')]);
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      new RegExp(
        `holds no input files .*; 1 users-not-in file of earlier sends left out .*${copy!.replace(/\./g, '\\.')}\\n$`,
      ),
    );
  });

  it('reports missing credentials and a refused http endpoint', async () => {
    const file = inputFile(makeUsers(2));
    const noCreds = await run(
      [file, '--endpoint-url', emulator.url, '--region', 'us-east-1', '--profile', 'ghost'],
      {},
    );
    assert.equal(noCreds.code, 1);
    assert.match(
      noCreds.stdout,
      /Stopped: No such AWS profile: The profile "ghost" is in neither.* Profiles are chosen with --profile or AWS_PROFILE\.\n/,
    );
    const insecure = await run([file, '--endpoint-url', 'http://198.51.100.7:4566', '--region', 'us-east-1']);
    assert.equal(insecure.code, 1);
    assert.match(
      insecure.stdout,
      /Stopped: The endpoint http:\/\/198\.51\.100\.7:4566 is plain http:\/\/ to another machine.*\[::1\]\.\n/,
    );
    assert.doesNotMatch(insecure.stdout, /putUsers\./, "the command line's report names no setting of the extension");
    assert.equal(emulator.requests.length, 0);
  });

  it('Ctrl-C: sends nothing more, writes the unsent users, and they plus what the emulator accepted are the input', async function () {
    this.timeout(20_000);
    emulator.setFaults([{ fault: { kind: 'delay', ms: 20 } }]);
    const input = makeUsers(400);
    const file = inputFile(input);
    const script = `require(${JSON.stringify(path.resolve(__dirname, '../../../src/cli/send-command.js'))}).runSend(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr }).then((c) => (process.exitCode = c))`;
    const child = spawn(
      process.execPath,
      ['-e', script, file, '--endpoint-url', emulator.url, '--region', 'us-east-1', '--concurrency', '2'],
      { env: emulatorCliEnv(dir) },
    );
    const output = outputOf(child);
    const interrupt = setInterval(() => {
      if (emulator.accepted.length >= 5) {
        clearInterval(interrupt);
        child.kill('SIGINT');
      }
    }, 5);
    const { code, stdout, stderr } = await output;
    clearInterval(interrupt);
    printed.push(stdout, stderr);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /interrupted: sending nothing more/);
    assert.match(stdout, /never sent \(cancelled\)/);
    const back = readRequest(readFileSync(path.join(dir, failedFiles()[0]!), 'utf8'), 'json').request!;
    assert.ok(
      emulator.acceptedUsers().length >= 50 && back.users.length >= 200,
      `${emulator.acceptedUsers().length} in, ${back.users.length} not`,
    );
    assertNothingLostNothingTwice(emulator, input, back.users);
    assert.match(stdout, new RegExp(`${emulator.acceptedUsers().length} of 400 users in`));
  });
});
