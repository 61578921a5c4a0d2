// Runs the command lines of test/fixtures/aws-commands through bash with the real AWS CLI v2,
// against the emulator as a capture endpoint. Used by scripts/record-aws-commands.mjs and by the
// from-cli system test (live, when /usr/bin/aws is installed).
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator';
import { cliEnv, mapLimit } from './aws-cli';
import { repoRoot } from './repo';

export const AWS_COMMANDS_DIR = join(repoRoot(), 'test/fixtures/aws-commands');

/** What the CLI did with one command line; stored as `NAME.sh.aws.json`. */
export interface CommandRecording {
  exitCode: number;
  /** The request body the CLI sent, as sent; null when it sent none. */
  body: string | null;
  stderr: string;
}

export function listCommandFixtures(dir = AWS_COMMANDS_DIR): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sh'))
    .sort()
    .map((n) => join(dir, n));
}

// `aws` is a function so the command line stays as written: the endpoint comes last, where it
// overrides any --endpoint-url of the command (argparse: the last one wins).
export const COMMAND_PRELUDE = 'aws() { /usr/bin/aws "$@" --endpoint-url "$PUTUSERS_CAPTURE_URL"; }\n';

/** Runs each command (two at a time, each with an emulator of its own) and returns what each sent. */
export async function recordCommands(fixtures: readonly string[]): Promise<CommandRecording[]> {
  const env = cliEnv();
  return mapLimit(fixtures, 2, async (fixture) => {
    const emulator = await startEmulator({
      credentials: [{ accessKeyId: env['AWS_ACCESS_KEY_ID']!, secretAccessKey: env['AWS_SECRET_ACCESS_KEY']! }],
      datasets: [],
      anyDataset: true,
    });
    try {
      const run = await new Promise<{ exitCode: number; stderr: string }>((done, fail) => {
        execFile(
          'bash',
          ['-c', `${COMMAND_PRELUDE}. "$1"`, 'bash', fixture],
          {
            cwd: AWS_COMMANDS_DIR,
            env: { ...env, PUTUSERS_CAPTURE_URL: emulator.url },
            encoding: 'utf8',
            timeout: 120_000,
          },
          (error, _stdout, stderr) => {
            const code = error ? (error as { code?: unknown }).code : 0;
            if (typeof code !== 'number') fail(new Error(`${fixture} did not run to the end: ${error?.message}`));
            else done({ exitCode: code, stderr });
          },
        );
      });
      const users = emulator.requests.filter((r) => r.path === '/users');
      return { ...run, body: users.length > 0 ? users[0]!.body : null };
    } finally {
      await emulator.close();
    }
  });
}

export function serializeCommandRecording(r: CommandRecording): string {
  return `${JSON.stringify({ exitCode: r.exitCode, body: r.body, stderr: r.stderr }, null, 2)}\n`;
}
