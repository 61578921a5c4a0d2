// `putusers from-cli [--yaml] [--cwd DIR] [--shell bash|powershell|cmd]`: one pasted
// `aws personalize-events put-users` command line on stdin → the input file that sends the same
// request, on stdout (JSON by default). A command the AWS CLI would reject (or that only a real
// shell could read) gives no file: the reason on stderr, the CLI's own words first, exit 1.
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { lineIndex, readPutUsersCommand, SHELL_DIALECTS, type ShellDialect, writeInput } from '../core';
import { parseCommandLine } from '../program/command-line';
import { type Io, UsageError } from './io';

export function runFromCli(args: string[], io: Io, readStdin: () => string = () => readFileSync(0, 'utf8')): number {
  const { values, positionals } = parseCommandLine(args, {
    yaml: { type: 'boolean' },
    cwd: { type: 'string' },
    shell: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('from-cli reads the command line on stdin and takes no FILE');
  const shell = values.shell as ShellDialect | undefined;
  if (shell !== undefined && !SHELL_DIALECTS.includes(shell))
    throw new UsageError(`--shell takes bash, powershell or cmd, not "${shell}"`);
  const cwd = resolve(values.cwd ?? '.');
  const text = readStdin();
  let entries: string[] | undefined;
  try {
    entries = readdirSync(cwd);
  } catch {
    entries = undefined; // then any glob is refused rather than guessed
  }
  const reading = readPutUsersCommand(text, {
    ...(shell ? { shell } : {}),
    readFile: (p) => readFileSync(isAbsolute(p) ? p : resolve(cwd, p)),
    ...(entries ? { cwdEntries: entries } : {}),
  });
  if (reading.problem) {
    const { start, end, message, awsCli } = reading.problem;
    const at = lineIndex(text).rangeOf(start, end).start;
    if (awsCli !== undefined) io.stderr.write(`${awsCli}\n`);
    const source = text.slice(start, Math.min(end, start + 60)).replace(/\n/g, '\\n');
    io.stderr.write(
      `putusers: line ${at.line + 1}, column ${at.character + 1}${source ? ` (${source})` : ''}: ` +
        `${awsCli === undefined ? `cannot read this command: ${message}` : awsCli.includes(message) ? 'here' : message}\n`,
    );
    return 1;
  }
  io.stdout.write(writeInput(reading.request, values.yaml ? 'yaml' : 'json'));
  return 0;
}
