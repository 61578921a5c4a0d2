// Strings that must reach no log: a test registers them, and the test launcher
// (scripts/vscode-server/run-tests.mjs) fails the run when any log file of it (the extension's
// output channel, the extension host's and the server's logs) holds one.
import { appendFileSync } from 'node:fs';
import type { User } from '../../src/core';

export function registerSensitive(...strings: string[]): void {
  const file = process.env['PUTUSERS_TEST_SENSITIVE'];
  if (file) appendFileSync(file, strings.map((s) => `${s}\n`).join(''));
}

/** What of a user must not be logged: its id, its properties string and each of its values. */
export function sensitiveOfUsers(users: readonly User[]): string[] {
  return users.flatMap((u) => {
    const values: string[] = [];
    try {
      values.push(...Object.values(JSON.parse(u.properties ?? '{}') as object).map(String));
    } catch {
      // properties that are not JSON are registered whole
    }
    return [u.userId, ...(u.properties ? [u.properties] : []), ...values];
  });
}
