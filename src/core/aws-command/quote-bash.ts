// Quoting one argument for bash and zsh: the word the shell hands to the program is exactly `value`.

/**
 * Words that need no quotes in either shell. Not `=` first (zsh's EQUALS option expands `=cmd` to
 * a path), not `~` first (tilde expansion), nothing that globs, expands or separates.
 */
const BARE = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/**
 * `value` as one bash/zsh word: bare when safe, else in single quotes, which keep everything
 * literal (`$`, backticks, `\`, `!` history expansion, newlines); a `'` closes the quotes, is
 * written as `\'`, and reopens them.
 */
export function quoteBash(value: string): string {
  if (BARE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
