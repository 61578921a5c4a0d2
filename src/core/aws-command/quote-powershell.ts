// Quoting one argument of a native command (aws.exe) for PowerShell.
//
// PowerShell parses its own string literal, then writes the native program's command line itself,
// and how it writes it changed: Windows PowerShell 5.1 and PowerShell 7.0-7.2 ("Legacy") put a
// value in double quotes only when it has unquoted whitespace and never escape an embedded `"`;
// 7.3 and later ("Standard" for aws.exe, chosen by $PSNativeCommandArgumentPassing) escape them.
// We target the Legacy rules, which 5.1 always follows, and make 7.3+ follow them too: a command
// with any quoted argument runs in `& { $PSNativeCommandArgumentPassing = 'Legacy'; ... }` (a
// child scope, so the user's session keeps its setting; 5.1 ignores the variable). Under Legacy,
// a value that already is a C-runtime-quoted string (quoteMsvcrt) is passed through verbatim:
// its whitespace is inside a `"` that PowerShell counts as a quote (every inner `"` follows a
// backslash and is not counted), so PowerShell adds no quotes of its own.
import { quoteMsvcrt } from './quote-msvcrt';

/** Tokens PowerShell passes on as written: no `,` (arrays), `@`/`$` (splatting, variables), `-x.y` (split by 5.1). */
const BARE = /^(?:[A-Za-z0-9_./\\][A-Za-z0-9_./:=+\\-]*|--?[A-Za-z0-9][A-Za-z0-9-]*)$/;

/** PowerShell reads these four as single quotes too (U+2018 to U+201B); each is doubled inside '...'. */
const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** The value, C-runtime quoted, as a PowerShell token (bare, or a '...' literal). */
export function quotePowerShell(value: string): string {
  const windows = quoteMsvcrt(value);
  if (windows === value && BARE.test(value)) return value;
  return `'${windows.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * True when PowerShell 7.3+ would pass `value` differently from 5.1 (it holds a `"` once quoted
 * for the C runtime): the command then needs the Legacy scope described above.
 */
export function needsLegacyArgumentPassing(value: string): boolean {
  return quoteMsvcrt(value).includes('"');
}

/**
 * `aws ...` for PowerShell: the words quoted, in a Legacy scope when any of them needs it.
 * `separators[i]` goes before word i + 1 (a space, or a backtick continuation).
 */
export function powerShellCommand(words: readonly string[], separators: readonly string[]): string {
  const line = words.map((w, i) => (i === 0 ? '' : separators[i - 1]) + quotePowerShell(w)).join('');
  return words.some(needsLegacyArgumentPassing) ? `& { $PSNativeCommandArgumentPassing = 'Legacy'; ${line} }` : line;
}
