// The core's model of how Windows turns a typed command line into aws.exe's argv
// (src/core/aws-command/windows-command-line.ts, which `from-cli` reads commands with), as plain
// strings, for testing the PowerShell and cmd.exe quoting where neither shell is installed.
import { ShellSyntaxError, shellWords } from '../../src/core';
import {
  cmdCaretPass,
  cmdPercentPass,
  powerShellLegacyLine,
  splitMsvcrtArgs,
} from '../../src/core/aws-command/windows-command-line';

export { splitMsvcrtArgs };

/**
 * What cmd.exe passes to the program for `line` typed at the prompt, with these environment
 * variables defined (names compared without case). Throws when the line would do something else
 * than run one program: `&`, `|`, `<`, `>` outside quotes, or a line break.
 */
export function cmdLine(line: string, env: Record<string, string> = {}): string {
  if (/[\r\n]/.test(line)) throw new Error('a line break ends the command');
  const defined = new Map(Object.entries(env).map(([k, v]) => [k.toUpperCase(), v]));
  const expanded = cmdPercentPass(line, (name) => defined.get(name.toUpperCase()));
  return cmdCaretPass(expanded)
    .chars.map((c) => c.ch)
    .join('');
}

/**
 * The command line PowerShell (Legacy argument passing) writes for a native command, from a line
 * of tokens (PowerShell's own parsing of each, then Legacy's joining). Throws for what PowerShell
 * would not pass as written (variables, arrays, operators; `-x.y`, which 5.1 splits).
 */
export function powerShellLegacyArgs(line: string): string {
  try {
    return powerShellLegacyLine(shellWords(line, 'powershell'), line)
      .map((c) => c.ch)
      .join('');
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new Error(`${e.message} (at ${e.start} in ${line})`);
    throw e;
  }
}
