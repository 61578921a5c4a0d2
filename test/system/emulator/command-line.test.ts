// `node dist/emulator.js ...` as a function: its usage errors (exit 2, one message and the usage)
// and a start that prints where it listens and each request without user ids.
import { PutUsersCommand } from '@aws-sdk/client-personalize-events';
import * as assert from 'node:assert/strict';
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
    ] as const) {
      const { out, io } = capture();
      assert.equal(await runEmulatorCli([...args], io), 2, args.join(' '));
      assert.equal(
        out.stderr,
        `emulator: ${reason}\n\nUsage: node dist/emulator.js [--port P] [--host H] --dataset ARN[=SCHEMA_FILE]... [--busy ARN...] --access-key K --secret-key S [--region R] [--quiet]\n`,
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
      assert.match(out.stdout, new RegExp(`^Personalize Events emulator on ${started.url}\n  dataset ${ARN}\n`));
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
