// What the real AWS CLI has already been seen to do, kept outside the clone (like the VS Code
// server) so CI runs it only on what changed. Each entry is named by the SHA-256 of everything the
// answer depends on: `aws --version`, bash's version, the controlled environment, the exact command
// line and the content of every input it reads, and the answer it must give (the recording, or the
// request the file means). An entry is written only after a live run gave that answer, so a run
// that finds it proves nothing less than re-running would, as long as the CLI is the same build.
// Cached: the differential corpus (test/system/differential.test.ts), the recorded command lines
// (aws-command/from-cli-corpus.test.ts) and the commands to-cli writes (aws-command/to-cli-aws-cli.test.ts),
// ~400 runs. Always live: emulator/aws-cli.test.ts (~15 runs; what it checks is our emulator and
// sender, which change with the code, against the CLI) and test/integration/aws-command.test.ts.
//   PUTUSERS_AWS_CLI_CACHE=DIR   where the entries live (default ~/.cache/putusers-aws-cli)
//   PUTUSERS_AWS_CLI_DRIFT=1     ignore the entries and run everything live (`npm run test:drift`)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { awsCliVersion, cliEnv } from './aws-cli';

export function cacheDir(): string {
  return process.env.PUTUSERS_AWS_CLI_CACHE || join(homedir(), '.cache', 'putusers-aws-cli');
}

/** True under `npm run test:drift`: every CLI run is live, whatever the cache holds. */
export function driftCheck(): boolean {
  return process.env.PUTUSERS_AWS_CLI_DRIFT === '1';
}

let context: string | undefined;

/** What every answer depends on besides its own inputs: the CLI's and bash's builds, the environment's settings. */
function runContext(): string {
  if (context !== undefined) return context;
  const bash = execFileSync('bash', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
  // HOME and the profile files are a fresh empty sandbox per process: their paths do not matter.
  const env = Object.entries(cliEnv())
    .filter(([k]) => !['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'].includes(k))
    .sort(([a], [b]) => a.localeCompare(b));
  context = JSON.stringify([awsCliVersion() ?? 'no aws-cli', bash, env]);
  return context;
}

/** The key of one CLI answer: `kind` names the test, `parts` the command, its inputs and the expected answer. */
export function answerKey(kind: string, parts: readonly string[]): string {
  const hash = createHash('sha256');
  // Each part with its length: no two different lists hash the same text.
  for (const part of [kind, runContext(), ...parts]) hash.update(`${Buffer.byteLength(part)}:`).update(part);
  return hash.digest('hex');
}

/** True when a live run has already given this answer (never under `npm run test:drift`). */
export function seenBefore(key: string): boolean {
  return !driftCheck() && existsSync(join(cacheDir(), key));
}

/** Call only after a live run gave the expected answer. `what` is for whoever reads the folder. */
export function remember(key: string, what: string): void {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${key}.${process.pid}`);
  writeFileSync(tmp, `${what}\n`);
  renameSync(tmp, join(dir, key));
}

/** One line for the test log: how many answers ran live and how many were already verified. */
export function cacheSummary(what: string, live: number, cached: number): string {
  return `      ${what}: ${live} run live, ${cached} already verified in ${cacheDir()}${driftCheck() ? ' (drift check: cache ignored)' : ''}`;
}
