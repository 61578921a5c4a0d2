// The AWS CLI's shorthand syntax (`userId=u1,properties=...`), read as AWS CLI v2's
// awscli/shorthand.py ShorthandParser reads one argument word: the same grammar, the same
// regular expressions (including which characters a value may hold), the same backtracking and
// the same error messages, so that a pasted command gives exactly the request the CLI would send.
// The result is the core's tree (tree.ts), with spans in the word, for the validator to check.
import { PY_WHITESPACE } from '../python-format';
import type { DictNode, Entry, Node, StrNode } from '../tree';

/** A word the CLI's shorthand parser refuses; `message` is what the CLI prints after "Error parsing parameter '--users': ". */
export class ShorthandError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const PY_SPACE_RE = new RegExp(`[${PY_WHITESPACE}]`, 'u');
// string.whitespace, which _consume_whitespace skips (narrower than `\s`).
const ASCII_SPACE = ' \t\n\r\v\f';
// The character classes of shorthand.py. They stop at U+FFFF: a character outside the Basic
// Multilingual Plane (an emoji) is in none of them, so it can only appear inside quotes.
const START_WORD = '!#-&(-+\\--<>-Z\\\\-z|-\\uFFFF';
const FIRST_FOLLOW = `${PY_WHITESPACE}!#-&(-+\\--\\\\^-|~-\\uFFFF`;
const SECOND_FOLLOW = `${PY_WHITESPACE}!#-&(-+\\--<>-\\uFFFF`;
const FIRST_VALUE = new RegExp(`(?:\\\\,|[${START_WORD}])(?:\\\\,|[${FIRST_FOLLOW}])*`, 'uy');
const SECOND_VALUE = new RegExp(`(?:\\\\,|[${START_WORD}])(?:\\\\,|[${SECOND_FOLLOW}])*`, 'uy');
// The quoted-value patterns backtrack: `"a\"` has no closing quote after the escape, so the
// pattern gives the backslash back and ends at the escaped quote (`a\`).
const SINGLE_QUOTED = { name: 'singled quoted', re: /'(?:\\\\|\\'|[^'])*'/uy };
const DOUBLE_QUOTED = { name: 'double quoted', re: /"(?:\\\\|\\"|[^"])*"/uy };
const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;

/** Python's str.rstrip(): trailing Unicode whitespace. */
function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && PY_SPACE_RE.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

class SyntaxErr extends ShorthandError {}

/** Parses one shorthand word into a mapping, as ShorthandParser.parse does. */
export function parseShorthand(value: string): DictNode {
  return new Parser(value).parameter();
}

class Parser {
  private i = 0;
  constructor(private readonly input: string) {}

  parameter(): DictNode {
    // parameter = keyval *("," keyval); a key given twice is refused (a "," where a space was meant)
    const entries: Entry[] = [];
    const seen = new Set<string>();
    const add = (e: Entry) => {
      entries.push(e);
      seen.add((e.key as StrNode).value);
    };
    add(this.keyval());
    let last = this.i;
    while (this.i < this.input.length) {
      this.expect(',', true);
      const e = this.keyval();
      const key = (e.key as StrNode).value;
      if (seen.has(key)) {
        const msg =
          `Second instance of key "${key}" encountered for input:\n${this.location(last + 1)}\n` +
          'This is often because there is a preceding "," instead of a space.';
        throw new ShorthandError(msg, e.key.start, e.key.end);
      }
      add(e);
      last = this.i;
    }
    return { type: 'dict', entries, start: 0, end: this.input.length };
  }

  private keyval(): Entry {
    const key = this.key();
    this.expect('=', true);
    return { key, value: this.values() };
  }

  private key(): StrNode {
    const start = this.i;
    while (!this.eof() && KEY_CHAR.test(this.input[this.i]!)) this.i++;
    return this.str(this.input.slice(start, this.i), start, this.i);
  }

  private values(): Node {
    if (this.eof()) return this.str('', this.i);
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  /** `a=b` is the scalar 'b'; `a=b,c` the list ['b', 'c'], ending before a `,key=`. */
  private csvValue(): Node {
    const start = this.i;
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.eof() || this.input[this.i] !== ',') return first;
    this.expect(',', true);
    const items = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.eof()) {
          items.push(current);
          break;
        }
        this.expect(',', true);
        items.push(current);
      } catch (e) {
        if (!(e instanceof SyntaxErr) || this.eof()) throw e;
        // What follows the comma is the next key=value: give the comma back.
        while (this.i >= 0 && this.input[this.i] !== ',') this.i--;
        break;
      }
    }
    if (items.length === 1) return first;
    return { type: 'list', items, start, end: items[items.length - 1]!.end };
  }

  private value(): StrNode {
    const m = this.match(FIRST_VALUE);
    if (m === undefined) return this.str('', this.i);
    return this.str(pyRstrip(m.text.replaceAll('\\,', ',')), m.start, m.end);
  }

  private explicitList(): Node {
    const start = this.i;
    this.expect('[', true);
    const items: Node[] = [];
    while (this.current() !== ']') {
      items.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return { type: 'list', items, start, end: this.i };
  }

  private explicitValues(): Node {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): Node {
    const start = this.i;
    this.expect('{', true);
    const entries: Entry[] = [];
    const at = new Map<string, number>();
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const value = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      // A Python dict: a repeated key keeps its first place and takes the last value.
      const k = at.get(key.value);
      if (k === undefined) {
        at.set(key.value, entries.length);
        entries.push({ key, value });
      } else entries[k] = { key: entries[k]!.key, value };
    }
    this.expect('}');
    return { type: 'dict', entries, start, end: this.i };
  }

  private firstValue(): StrNode {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.value();
  }

  private secondValue(): StrNode {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const m = this.mustMatch({ name: 'second', re: SECOND_VALUE });
    return this.str(pyRstrip(m.text.replaceAll('\\,', ',')), m.start, m.end);
  }

  /** Only the quote itself and the backslash are escapes inside quotes; other backslashes stay. */
  private quoted(pattern: { name: string; re: RegExp }, quote: string): StrNode {
    const m = this.mustMatch(pattern);
    const inner = m.text
      .slice(1, -1)
      .replaceAll('\\' + quote, quote)
      .replaceAll('\\\\', '\\');
    return this.str(inner, m.start, m.end);
  }

  private expect(ch: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.eof()) throw this.syntaxError(ch, 'EOF');
    const actual = String.fromCodePoint(this.input.codePointAt(this.i)!);
    if (actual !== ch) throw this.syntaxError(ch, actual);
    this.i++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private match(re: RegExp): { text: string; start: number; end: number } | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.input);
    if (!m) return undefined;
    const start = this.i;
    this.i += m[0].length;
    return { text: m[0], start, end: this.i };
  }

  private mustMatch(pattern: { name: string; re: RegExp }): { text: string; start: number; end: number } {
    const m = this.match(pattern.re);
    if (m === undefined) throw this.syntaxError(`<${pattern.name}>`, '<none>');
    return m;
  }

  private syntaxError(expected: string, actual: string): SyntaxErr {
    const msg = `Expected: '${expected}', received: '${actual}' for input:\n${this.location(this.i)}`;
    const end = this.eof() ? this.i : this.i + (this.input.codePointAt(this.i)! > 0xffff ? 2 : 1);
    return new SyntaxErr(msg, this.i, end);
  }

  /** The input with a caret under `index` on the line after it, as ShorthandParseError._error_location prints it. */
  private location(index: number): string {
    // Python counts in code points: the caret's column is the number of code points before it.
    const cps = [...this.input];
    const cp = [...this.input.slice(0, index)].length;
    const before = cps.slice(0, cp);
    const after = cps.slice(cp);
    let consumed = cps.join('');
    let remaining = '';
    let spaces = cp;
    const lastNl = before.lastIndexOf('\n');
    if (lastNl >= 0) spaces = cp - lastNl - 1;
    const nextNl = after.indexOf('\n');
    if (nextNl >= 0) {
      consumed = cps.slice(0, cp + nextNl).join('');
      remaining = cps.slice(cp + nextNl).join('');
    }
    return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
  }

  private current(): string | undefined {
    return this.input[this.i];
  }
  private eof(): boolean {
    return this.i >= this.input.length;
  }
  private consumeWhitespace(): void {
    while (!this.eof() && ASCII_SPACE.includes(this.input[this.i]!)) this.i++;
  }
  private str(value: string, start: number, end = start): StrNode {
    return { type: 'str', value, start, end };
  }
}
