// `putusers to-cli FILE [--shell bash|powershell|cmd] [--inline]`: the `aws personalize-events
// put-users` command that sends FILE, on stdout. A file with errors gets no command: its findings
// go to stderr as `putusers validate` words them (stdout stays for the command alone), exit 1.
import { formatOfPath, NotExpressibleError, readRequest, SHELLS, type Shell, toCliCommand } from '../core';
import { parseCommandLine } from '../program/command-line';
import { type Io, UsageError } from './io';
import { readInputFile } from './read-input';
import { textLine } from './file-finding';

export function runToCli(args: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(args, {
    shell: { type: 'string' },
    inline: { type: 'boolean' },
  });
  const shell = (values.shell ?? 'bash') as Shell;
  if (!SHELLS.includes(shell)) throw new UsageError(`--shell takes bash, powershell or cmd, not "${shell}"`);
  if (positionals.length !== 1) throw new UsageError('to-cli takes exactly one FILE');
  const file = positionals[0]!;
  const text = readInputFile(file, io);
  if (text === undefined) return 2;
  const format = formatOfPath(file);
  const { request, findings } = readRequest(text, format);
  for (const f of findings) io.stderr.write(textLine({ file, ...f }) + '\n');
  if (!request || findings.some((f) => f.severity === 'error')) return 1;
  try {
    io.stdout.write(toCliCommand({ path: file, format, request }, { shell, inline: values.inline === true }) + '\n');
  } catch (e) {
    if (!(e instanceof NotExpressibleError)) throw e;
    io.stderr.write(`putusers: no ${shell} command can send ${file}: ${e.message}\n`);
    return 1;
  }
  return 0;
}
