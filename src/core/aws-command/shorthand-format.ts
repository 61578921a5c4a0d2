// A user as the AWS CLI's shorthand syntax (`userId=...,properties=...`), one shell word per user,
// written only where the CLI reads back exactly these strings (read from awscli/shorthand.py of
// AWS CLI 2.9.19 and checked against it by test/system/aws-command/to-cli-aws-cli.test.ts).
//
// How the CLI reads a value (after `key=` and any ASCII whitespace):
// - unquoted: a first character outside `"',=[{`, whitespace and controls (`[`/`{` would open a
//   list or map), then characters outside `"',]}` and controls; `\,` is a comma and the only
//   escape; the value stops at an unescaped `,`; trailing whitespace (Python's isspace) is cut;
//   characters outside the Basic Multilingual Plane are refused;
// - `"..."`: any characters, `\"` and `\\` the only escapes (other backslashes stay);
// - `'...'`: the same with `'`.
import { LONE_SURROGATE, PY_WHITESPACE } from '../python-format';
import type { User } from '../types';

export type ShorthandQuote = '"' | "'";

export interface ShorthandOptions {
  /**
   * The quote for values that cannot go unquoted: the one that costs the caller's shell least.
   * Without it, the one the value holds fewer of (`"` on a tie).
   */
  quote?: ShorthandQuote;
}

/** Python's str.isspace(), which the CLI's rstrip() cuts from the end of an unquoted value. */
const PY_SPACE = new RegExp(`[${PY_WHITESPACE}]`);
/**
 * Refused in every form: controls (a cmd.exe line cannot hold a line break; JSON escapes them
 * all), and lone surrogates (no UTF-8 argv can carry them).
 */
const REFUSED = new RegExp(`[\\x00-\\x1f\\x7f]|${LONE_SURROGATE}`);
/** Not unquoted: quotes, the closing brackets the CLI stops at, characters outside the BMP (surrogate pairs here). */
const NOT_UNQUOTED = /["'\]}\ud800-\udfff]/;
/** Not first in an unquoted value: these open another kind of value or end the key. */
const NOT_FIRST = /^[=[{]/;

/**
 * The shorthand words for `users` (one per user), or undefined when any user's values do not
 * allow it (then the caller writes JSON).
 */
export function shorthandUsers(users: readonly User[], options: ShorthandOptions = {}): string[] | undefined {
  const words: string[] = [];
  for (const user of users) {
    const word = shorthandUser(user, options);
    if (word === undefined) return undefined;
    words.push(word);
  }
  return words;
}

/** One user as shorthand, or undefined. Empty values are refused: the CLI refuses them before sending anyway. */
export function shorthandUser(user: User, options: ShorthandOptions = {}): string | undefined {
  const userId = shorthandValue(user.userId, options);
  if (userId === undefined) return undefined;
  if (user.properties === undefined) return `userId=${userId}`;
  const properties = shorthandValue(user.properties, options);
  return properties === undefined ? undefined : `userId=${userId},properties=${properties}`;
}

/** One value as the CLI's shorthand reads it back exactly: unquoted when it can be, else quoted; undefined when neither. */
export function shorthandValue(value: string, options: ShorthandOptions = {}): string | undefined {
  if (value === '' || REFUSED.test(value)) return undefined;
  if (unquotedAllowed(value)) return value.replace(/,/g, '\\,');
  const count = (q: string) => value.split(q).length;
  const quote = options.quote ?? (count("'") < count('"') ? "'" : '"');
  // Backslashes first, so the `\` added before each quote is not doubled.
  return quote + value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) + quote;
}

function unquotedAllowed(value: string): boolean {
  return (
    !NOT_UNQUOTED.test(value) &&
    !NOT_FIRST.test(value) &&
    !PY_SPACE.test(value[0]!) &&
    !PY_SPACE.test(value[value.length - 1]!) &&
    // A final `\` would escape the `,` that follows the value.
    !value.endsWith('\\')
  );
}
