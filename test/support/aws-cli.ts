// Runs the real AWS CLI v2 on an input file, the way the differential corpus records it.
// Used by scripts/record-cli.mjs (through out/test/support/aws-cli.js) and test/unit/differential.test.ts.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** What the CLI did with one fixture; stored as `<fixture>.aws.json`. */
export interface Recorded {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The problem lines: those after `Parameter validation failed:`, else every line of stderr (`Error parsing parameter ...`). */
  lines: string[];
}

export type InputFormat = 'json' | 'yaml';

/** The installed AWS CLI v2 (always /usr/bin/aws: another, v1, `aws` may be first on PATH). */
export const AWS_CLI = '/usr/bin/aws';

let cached: { path: string | undefined; version?: string } | undefined;

/** '/usr/bin/aws' when it exists and `--version` says aws-cli/2, else undefined. */
export function awsCliPath(): string | undefined {
  if (cached) return cached.path;
  let path: string | undefined;
  let version: string | undefined;
  if (existsSync(AWS_CLI)) {
    try {
      version = execFileSync(AWS_CLI, ['--version'], {
        env: cliEnv(),
        encoding: 'utf8',
        timeout: 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
      if (/^aws-cli\/2\./.test(version)) path = AWS_CLI;
    } catch {
      path = undefined;
    }
  }
  cached = { path, ...(path ? { version } : {}) };
  return path;
}

/** The CLI's version line (`aws-cli/2.9.19 Python/3.11.2 ...`), or undefined. */
export function awsCliVersion(): string | undefined {
  awsCliPath();
  return cached?.version;
}

/** 'yaml' for .yaml/.yml, else 'json'. */
export function formatOfFixture(file: string): InputFormat {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

/** Where the recording of a fixture lives: next to it, `<name>.aws.json`. */
export function recordingPathOf(fixturePath: string): string {
  return `${fixturePath}.aws.json`;
}

/** The fixtures of a directory (.json/.yaml/.yml, not recordings, not docs), sorted by name. */
export function listFixtures(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.(json|ya?ml)$/i.test(n) && !n.endsWith('.aws.json'))
    .sort()
    .map((n) => join(dir, n));
}

let sandbox: string | undefined;

/** A private HOME with empty config and credentials files, removed when the process exits. */
function sandboxDir(): string {
  if (sandbox) return sandbox;
  const dir = mkdtempSync(join(tmpdir(), 'putusers-aws-cli-'));
  writeFileSync(join(dir, 'config'), '');
  writeFileSync(join(dir, 'credentials'), '');
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  sandbox = dir;
  return dir;
}

/** A controlled environment: dummy credentials, a fixed region, no profile files, no pager, no network look-ups, UTF-8. */
export function cliEnv(): NodeJS.ProcessEnv {
  const dir = sandboxDir();
  return {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CLI_AUTO_PROMPT: 'off',
  };
}

/**
 * Runs `aws personalize-events put-users --cli-input-json|--cli-input-yaml file://NAME --generate-cli-skeleton output`
 * in the fixture's directory (so messages that quote the path show only its name). Nothing is sent.
 */
export function runAwsCli(fixturePath: string): Promise<Recorded> {
  const cli = awsCliPath();
  if (!cli) return Promise.reject(new Error(`the AWS CLI v2 is not installed at ${AWS_CLI}`));
  const abs = resolve(fixturePath);
  const args = awsCliArgs(abs);
  return new Promise((resolvePromise, reject) => {
    execFile(
      cli,
      args,
      { cwd: dirname(abs), env: cliEnv(), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let exitCode = 0;
        if (error) {
          const code = (error as NodeJS.ErrnoException & { code?: unknown }).code;
          if (typeof code !== 'number') {
            reject(new Error(`${cli} ${args.join(' ')} did not run to the end: ${error.message}`));
            return;
          }
          exitCode = code;
        }
        resolvePromise({ exitCode, stdout, stderr, lines: parseCliLines(stderr) });
      },
    );
  });
}

/** The arguments runAwsCli gives the CLI for a fixture (run in the fixture's directory). */
export function awsCliArgs(fixturePath: string): string[] {
  const flag = formatOfFixture(fixturePath) === 'yaml' ? '--cli-input-yaml' : '--cli-input-json';
  return [
    'personalize-events',
    'put-users',
    flag,
    `file://${basename(fixturePath)}`,
    '--generate-cli-skeleton',
    'output',
  ];
}

const VALIDATION_HEAD = 'Parameter validation failed:\n';

/** A Python warning the CLI lets through to stderr (ruamel.yaml's MantissaNoDotYAML1_1Warning under `%YAML 1.1`). */
const PYTHON_WARNING = /^[^\n]*\.py:\d+: \w*Warning: [\s\S]*?\n {2}warnings\.warn\([^\n]*\)\n/gm;

/**
 * The problem lines of the CLI's stderr.
 * - After `\nParameter validation failed:\n` come the botocore problems, one per line (the first on the line after
 *   the head, never on the head's line); a value printed with str() may span lines (a users string with newlines),
 *   and its lines are split like any other. The final newline is dropped.
 * - Otherwise (`Error parsing parameter ...`, or a Python exception's message such as `keywords must be strings`):
 *   stderr less Python warning blocks, less one leading and one trailing newline, split into lines. An exception
 *   with an empty message thus gives `['']`.
 */
export function parseCliLines(stderr: string): string[] {
  const text = stderr.replace(/\r\n/g, '\n');
  const head = text.indexOf(VALIDATION_HEAD);
  if (head >= 0) {
    const body = text.slice(head + VALIDATION_HEAD.length).replace(/\n$/, '');
    return body === '' ? [] : body.split('\n');
  }
  const rest = text.replace(PYTHON_WARNING, '');
  if (rest.trim() === '' && rest.length <= 1) return [];
  return rest.replace(/^\n/, '').replace(/\n$/, '').split('\n');
}

/** Runs `fn` over `items` with at most `limit` running at once; results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** A recording as stored: stable key order, two-space indent, final newline. */
export function serializeRecording(r: Recorded): string {
  const ordered: Recorded = { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, lines: r.lines };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
