// A command line for one of the shells we write commands for: its words quoted, on one line or
// continued over several.
import { NotExpressibleError } from './not-expressible';
import { quoteBash } from './quote-bash';
import { quoteCmd } from './quote-cmd';
import { powerShellCommand } from './quote-powershell';

export const SHELLS = ['bash', 'powershell', 'cmd'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CommandLineOptions {
  /** One word (or option with its value) per line, joined by the shell's line continuation. */
  multiline?: boolean;
}

/** The line continuation: bash/zsh's `\`, PowerShell's backtick, cmd.exe's `^`, each before the line break. */
const CONTINUATION: Record<Shell, string> = { bash: ' \\\n  ', powershell: ' `\n  ', cmd: ' ^\n  ' };

/**
 * `words` (the program first) as one command for `shell`. Throws NotExpressibleError for a value
 * no command line of that shell can pass (a NUL anywhere; a line break for cmd.exe).
 */
export function commandLine(shell: Shell, words: readonly string[], options: CommandLineOptions = {}): string {
  if (words.some((w) => w.includes('\0')))
    throw new NotExpressibleError('a NUL character cannot be passed in a command line');
  const separators = breaks(words, options.multiline ? CONTINUATION[shell] : ' ');
  if (shell === 'powershell') return powerShellCommand(words, separators);
  const quote = shell === 'bash' ? quoteBash : quoteCmd;
  return words.map((w, i) => (i === 0 ? '' : separators[i - 1]) + quote(w)).join('');
}

/**
 * The separator before each word after the first: a continuation before each option (a word
 * starting with `--`) past the first two words, so an option stays on the line of its value.
 */
function breaks(words: readonly string[], continuation: string): string[] {
  return words.slice(1).map((w, i) => (continuation !== ' ' && i >= 2 && w.startsWith('--') ? continuation : ' '));
}
