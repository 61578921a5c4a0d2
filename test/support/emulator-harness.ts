// What the send and emulator tests share: an emulator with known keys and datasets, users to
// send, an environment without the machine's AWS settings, and the "nothing lost, nothing twice"
// check.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { User } from '../../src/core';
import type { ChildProcess } from 'node:child_process';
import { type Emulator, type EmulatorOptions, startEmulator } from '../../src/emulator';
import type { SendOptions } from '../../src/send';
import { ARN } from './values';

export { ARN };

export const BUSY_ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/busy/USERS';
export const UNKNOWN_ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/nope/USERS';
export const KEYS = {
  accessKeyId: 'AKIDEMULATORTEST1234',
  secretAccessKey: 'emulator/Secret+Key0123456789abcdefghijk',
};

/** `n` users u0, u1, ... with a small properties object each (`first` shifts the numbering). */
export function makeUsers(n: number, first = 0): User[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: `u${first + i}`,
    properties: JSON.stringify({ age: String(20 + ((first + i) % 60)), memberTier: 'Gold|Frequent shopper' }),
  }));
}

export function startTestEmulator(extra: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ credentials: [KEYS], datasets: [{ arn: ARN }, { arn: BUSY_ARN, busy: true }], ...extra });
}

/** What sends to `emulator` with its keys, retry waits scaled down (a test's own `extra` on top). */
export function emulatorSendOptions(emulator: Emulator, extra: Partial<SendOptions> = {}): SendOptions {
  return { endpoint: emulator.url, region: 'us-east-1', credentials: KEYS, retryDelayScale: 0.01, ...extra };
}

/**
 * The environment of a `putusers` child process that sends with the emulator's keys: nothing of
 * this machine's AWS settings (no shared files under `home`, no IMDS).
 */
export function emulatorCliEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: home,
    AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    AWS_CONFIG_FILE: path.join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A child process's exit code and everything it printed. */
export async function outputOf(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/**
 * Runs `fn` with the AWS variables of the environment replaced by `vars`, and empty shared
 * config and credentials files (so the machine's own ~/.aws never takes part), no IMDS.
 */
export async function withAwsEnv<T>(vars: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  const dir = mkdtempSync(path.join(tmpdir(), 'putusers-aws-env-'));
  writeFileSync(path.join(dir, 'config'), '');
  writeFileSync(path.join(dir, 'credentials'), '');
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(
    process.env,
    {
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    vars,
  );
  try {
    return await fn(dir);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keys of `u` (userId and properties) as one comparable string. */
export const userKey = (u: User) => JSON.stringify([u.userId, u.properties ?? null]);

/** The emulator accepted each user at most once, and accepted + notIn is the input exactly. */
export function assertNothingLostNothingTwice(
  emulator: Emulator,
  input: readonly User[],
  notIn: readonly User[],
): void {
  const accepted = emulator.acceptedUsers().map(userKey);
  assert.equal(new Set(accepted).size, accepted.length, 'the emulator accepted a user twice');
  const notInKeys = notIn.map(userKey);
  assert.equal(
    accepted.filter((k) => notInKeys.includes(k)).length,
    0,
    'a user is both accepted and in the failed-users list',
  );
  assert.deepEqual(
    [...accepted, ...notInKeys].sort(),
    input.map(userKey).sort(),
    'accepted + not in must be the input exactly',
  );
}

/** The most requests the emulator was answering at the same time. */
export function maxInFlight(emulator: Emulator): number {
  const events = emulator.requests.flatMap((r) => [
    [r.receivedAt, 1],
    [r.answeredAt ?? r.receivedAt, -1],
  ]);
  events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let now = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (now += d!));
  return max;
}
