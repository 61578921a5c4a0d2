// `node dist/emulator.js ...` as a function: its usage errors (exit 2, one message and the usage)
// and a start that prints where it listens and each request without user ids.
import { PutUsersCommand } from '@aws-sdk/client-personalize-events';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runEmulatorCli } from '../../../src/emulator/command-line';
import { ARN, KEYS } from '../../support/emulator-harness';
import { clientFor } from '../../support/sdk-client';
import { usersSchemaText } from '../../support/values';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } },
  };
}

describe('emulator command line', () => {
  it('exits 2 with the reason and the usage on a mistake', async () => {
    for (const [args, reason] of [
      [[], '--dataset, --access-key and --secret-key are required'],
      [['--dataset', ARN, '--access-key', 'K'], '--dataset, --access-key and --secret-key are required'],
      [['--dataset', ARN, '--access-key', 'K', '--secret-key', 'S', '--port', '70000'], '--port takes a port number'],
      [['--dataset'], '--dataset needs a value'],
      [['--bogus'], 'unknown option "--bogus"'],
      ...(['0', 'abc', '-1', '1e3', '10/s'] as const).map(
        (rate) =>
          [
            ['--dataset', ARN, '--access-key', 'K', '--secret-key', 'S', `--quota=${rate}`],
            `--quota takes PutUsers requests per second per dataset group (a number above 0, e.g. 10 or 0.5) or off, not "${rate}"`,
          ] as const,
      ),
      ...(['0', '1.5', 'x'] as const).map(
        (burst) =>
          [
            ['--dataset', ARN, '--access-key', 'K', '--secret-key', 'S', '--quota-burst', burst],
            `--quota-burst takes a whole number of requests, at least 1, not "${burst}"`,
          ] as const,
      ),
      [
        ['--dataset', ARN, '--access-key', 'K', '--secret-key', 'S', '--quota', 'off', '--quota-burst', '2'],
        '--quota-burst needs a quota: not with --quota off',
      ],
    ] as const) {
      const { out, io } = capture();
      assert.equal(await runEmulatorCli([...args], io), 2, args.join(' '));
      assert.equal(
        out.stderr,
        `emulator: ${reason}\n\nUsage: node dist/emulator.js [--port P] [--host H] --dataset ARN[=SCHEMA_FILE]... [--busy ARN...] --access-key K --secret-key S [--region R] [--quota N|off] [--quota-burst N] [--quiet]\n`,
      );
    }
  });

  it('starts with its datasets and keys and prints each request without user ids', async () => {
    const { out, io } = capture();
    const started = await runEmulatorCli(
      ['--dataset', ARN, '--access-key', KEYS.accessKeyId, `--secret-key=${KEYS.secretAccessKey}`],
      io,
    );
    assert.ok(typeof started !== 'number', out.stderr);
    const client = clientFor(started);
    try {
      await client.send(new PutUsersCommand({ datasetArn: ARN, users: [{ userId: 'secret-user-1' }] }));
      assert.match(
        out.stdout,
        new RegExp(
          `^Personalize Events emulator on ${started.url}\n  dataset ${ARN}\n  quota: 10 PutUsers requests/s per dataset group, burst 10 \\(--quota off lifts it\\)\n`,
        ),
      );
      assert.match(out.stdout, /#1 POST \/users, 1 user\(s\): 200 \(request id [0-9a-f-]{36}\)\n$/);
      assert.ok(!out.stdout.includes('secret-user-1'));
    } finally {
      client.destroy();
      await started.close();
    }
  });

  it('takes a dataset with its schema (--dataset ARN=SCHEMA_FILE) and refuses properties that do not fit it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'putusers-emulator-schema-'));
    const schema = path.join(dir, 'users.avsc');
    writeFileSync(schema, usersSchemaText({ name: 'AGE', type: 'int' }));
    const { out, io } = capture();
    const started = await runEmulatorCli(
      ['--dataset', `${ARN}=${schema}`, '--access-key', KEYS.accessKeyId, '--secret-key', KEYS.secretAccessKey],
      io,
    );
    assert.ok(typeof started !== 'number', out.stderr);
    const client = clientFor(started);
    try {
      assert.match(out.stdout, new RegExp(`  dataset ${ARN} \\(its schema: age\\)\n`));
      await client.send(new PutUsersCommand({ datasetArn: ARN, users: [{ userId: 'u1', properties: '{"age": 3}' }] }));
      await assert.rejects(
        client.send(new PutUsersCommand({ datasetArn: ARN, users: [{ userId: 'u2', properties: '{"age": "old"}' }] })),
        (e: Error) =>
          e.name === 'InvalidInputException' &&
          e.message === "properties do not fit the dataset's schema (schema/wrong-type)" &&
          !e.message.includes('old'),
      );
    } finally {
      client.destroy();
      await started.close();
    }
    const { out: bad, io: badIo } = capture();
    writeFileSync(schema, '{"type": "record", "fields": []}');
    assert.equal(
      await runEmulatorCli(['--dataset', `${ARN}=${schema}`, '--access-key', 'K', '--secret-key', 'S'], badIo),
      2,
    );
    assert.match(bad.stderr, /users\.avsc is no Users dataset schema: Not a Users schema/);
  });
});

describe('emulator command line: --quota', () => {
  /** Starts it with `args`, sends `n` PutUsers at once, and gives what it printed and how many got in. */
  async function burst(args: string[], n: number) {
    const { out, io } = capture();
    const started = await runEmulatorCli(
      ['--dataset', ARN, '--access-key', KEYS.accessKeyId, '--secret-key', KEYS.secretAccessKey, ...args],
      io,
    );
    assert.ok(typeof started !== 'number', out.stderr);
    const client = clientFor(started);
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          client.send(new PutUsersCommand({ datasetArn: ARN, users: [{ userId: `secret-user-${i}` }] })),
        ),
      );
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as Error).name] : []));
      return { stdout: out.stdout, accepted: started.accepted.length, refused };
    } finally {
      client.destroy();
      await started.close();
    }
  }

  it('--quota off lifts it: 25 requests at once all get in, and the start lines say so', async () => {
    const { stdout, accepted, refused } = await burst(['--quota', 'off'], 25);
    assert.deepEqual([accepted, refused], [25, []]);
    assert.match(stdout, /\n {2}quota: off\n/);
  });

  it('--quota 2 --quota-burst 1: one of 3 at once gets in, the others are throttled, each line says by the quota', async () => {
    const { stdout, accepted, refused } = await burst(['--quota', '2', '--quota-burst', '1'], 3);
    assert.deepEqual([accepted, refused], [1, ['ThrottlingException', 'ThrottlingException']]);
    assert.match(stdout, /\n {2}quota: 2 PutUsers requests\/s per dataset group, burst 1 \(--quota off lifts it\)\n/);
    assert.equal(stdout.match(/: 400 ThrottlingException \(the quota\) \(request id [0-9a-f-]{36}\)\n/g)?.length, 2);
    assert.ok(!stdout.includes('secret-user'));
  });

  it('dist/emulator.js as a program exits 2 on a bad --quota, saying why', () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(__dirname, '../../../../dist/emulator.js'),
        '--dataset',
        ARN,
        '--access-key',
        'K',
        '--secret-key',
        'S',
        '--quota',
        '0',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      /^emulator: --quota takes PutUsers requests per second per dataset group \(a number above 0/,
    );
    assert.equal(run.stdout, '');
  });

  it('takes a decimal rate, its burst the rate rounded up: --quota 0.5 lets 1 in', async () => {
    const { stdout, accepted } = await burst(['--quota', '0.5'], 3);
    assert.equal(accepted, 1);
    assert.match(stdout, /\n {2}quota: 0\.5 PutUsers requests\/s per dataset group, burst 1 /);
  });
});
