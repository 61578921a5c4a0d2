// Quoting for the Windows command line as a C program reads it: aws.exe (AWS CLI v2, a Python
// program frozen with PyInstaller) gets its argv from the C runtime's parser (the MSVCRT/UCRT
// rules: `\"` is a quote, backslashes are literal unless they come before a `"`, where each pair
// is one backslash). PowerShell and cmd.exe each add a layer of their own on top of this form.

/**
 * Arguments the C runtime reads back unchanged without quotes (it splits at spaces and tabs). Any
 * whitespace is quoted, as PowerShell (Legacy) quotes any, by .NET's char.IsWhiteSpace, which
 * counts U+0085 where JavaScript's \s does not: left bare, `a\u0085b\` would get PowerShell's
 * quotes around it and its last backslash would escape the closing one.
 */
const BARE = /^[^\s"\u0085]+$/;

/**
 * `value` as one argument in a Windows command line: bare when safe, else in double quotes, with
 * each `"` as `\"` and the backslashes before a `"` (and before the closing quote) doubled. Every
 * `"` inside is preceded by a backslash, so no `""` rule of any runtime version is relied on.
 */
export function quoteMsvcrt(value: string): string {
  if (BARE.test(value)) return value;
  let out = '"';
  let backslashes = 0;
  for (const ch of value) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    if (ch === '"') out += '\\'.repeat(2 * backslashes + 1) + '"';
    else out += '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  return out + '\\'.repeat(2 * backslashes) + '"';
}
