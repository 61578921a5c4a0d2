// JSON as the AWS CLI reads it: Python's json.loads, strict. NaN/Infinity are floats, integers
// stay exact, `1.0` is a float, the last duplicate key wins (in the first one's place), and
// comments, trailing commas, a byte-order mark, an empty file or other whitespace are errors.
//
// A direct char-code reader rather than jsonc-parser's scanner: with the scanner, parsing alone
// took 100 ms of a 10,000-user document, as long as vscode-json-languageservice's whole
// validation (bench/validate.bench.mjs); this reader does it in a fraction of that. jsonc-parser
// still serves where its tolerance is the point: the JSON inside `properties`, and the editor.
import { PUT_USERS_REQUEST, USER } from '../model';
import { PYTHON_MAX_INT_DIGITS } from '../python-format';
import type { Entry, Node, ParseError, ParseResult } from '../tree';
import { dictKey } from '../tree';

/**
 * Python's json decoder runs out of recursion 978 containers deep (measured with aws-cli 2.9.19:
 * 977 nested containers load, 978 crash the CLI with exit 255). We stop there with its message.
 */
const PYTHON_MAX_DEPTH = 977;

class JsonSyntaxError extends Error {
  constructor(readonly error: ParseError) {
    super(error.message);
  }
}

export function parseJson(text: string): ParseResult {
  try {
    return { root: new JsonReader(text).document() };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { error: e.error };
    throw e;
  }
}

const enum C {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

const SIMPLE_ESCAPES = '"\\/bfnrt';
// Sticky regular expressions skip runs natively, far faster than a charCodeAt loop.
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters: the run stops at one
const STRING_RUN = /[^"\\\x00-\x1f]*/y;
const WHITESPACE_RUN = /[ \t\n\r]*/y;
/** A string body with valid escapes only: what both Python's json and JSON.parse accept. */
// eslint-disable-next-line no-control-regex -- as STRING_RUN
const ESCAPED_STRING_RUN = /(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

// The model's member names, shared instead of sliced anew for each of 10,000 users.
const KNOWN_KEYS = [...new Set([...PUT_USERS_REQUEST.members, ...USER.members].map((m) => m.name))];

function internedKey(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  for (const key of KNOWN_KEYS) if (key.length === length && text.startsWith(key, start)) return key;
  return undefined;
}

const isDigit = (c: number) => c >= C.Zero && c <= C.Nine;

class JsonReader {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): Node {
    if (this.text.charCodeAt(0) === 0xfeff) {
      this.fail(
        0,
        1,
        'The file starts with a byte-order mark (BOM), which the AWS CLI rejects as invalid JSON. Save it as UTF-8 without BOM.',
      );
    }
    this.skipWhitespace();
    if (this.pos >= this.text.length) {
      this.fail(
        0,
        this.text.length,
        'The file is empty: the AWS CLI needs a JSON object with `datasetArn` and `users`.',
      );
    }
    const root = this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.failAt(this.pos, 'Unexpected content after the end of the JSON document.');
    return root;
  }

  /** Python's json allows exactly space, tab, CR and LF between tokens. */
  private skipWhitespace(): void {
    const text = this.text;
    for (;;) {
      let c = text.charCodeAt(this.pos);
      if (c === C.Space || c === C.LineFeed || c === C.CarriageReturn || c === C.Tab) {
        WHITESPACE_RUN.lastIndex = this.pos + 1;
        WHITESPACE_RUN.test(text);
        this.pos = WHITESPACE_RUN.lastIndex;
        c = text.charCodeAt(this.pos);
      }
      if (c === C.Slash && (text[this.pos + 1] === '/' || text[this.pos + 1] === '*')) {
        const end = text[this.pos + 1] === '/' ? text.indexOf('\n', this.pos) : text.indexOf('*/', this.pos + 2) + 2;
        this.fail(
          this.pos,
          end > this.pos ? end : text.length,
          'Comments are not allowed: the AWS CLI reads strict JSON.',
        );
      } else return;
    }
  }

  private value(): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === C.Quote) return this.string();
    if (c === C.OpenBrace) return this.object();
    if (c === C.OpenBracket) return this.array();
    if (c === C.Minus || isDigit(c)) return this.number();
    return this.word();
  }

  private word(): Node {
    const start = this.pos;
    const text = this.text;
    const literal = (word: string, node: Node): Node => {
      this.pos += word.length;
      return node;
    };
    if (text.startsWith('true', start)) return literal('true', { type: 'bool', value: true, start, end: start + 4 });
    if (text.startsWith('false', start)) return literal('false', { type: 'bool', value: false, start, end: start + 5 });
    if (text.startsWith('null', start)) return literal('null', { type: 'none', start, end: start + 4 });
    // Python's json also reads NaN and Infinity (as floats).
    if (text.startsWith('NaN', start)) return literal('NaN', { type: 'float', value: NaN, start, end: start + 3 });
    if (text.startsWith('Infinity', start))
      return literal('Infinity', { type: 'float', value: Infinity, start, end: start + 8 });
    if (start >= text.length) return this.fail(start, start, 'The JSON ends too early: a value is missing.');
    const c = text[start]!;
    if (c === "'") return this.failWord('Strings must use double quotes in JSON.');
    if (c === '}' || c === ']') return this.failAt(start, 'A value is expected here (a trailing comma?).');
    if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][\w-]*/.exec(text.slice(start, start + 40))![0];
      return this.failWord(
        `\`${word}\` is not a JSON value: strings need double quotes; the literals are true, false and null.`,
      );
    }
    return this.failAt(start, `A value is expected here, not \`${c}\`.`);
  }

  private string(): Node {
    // Fast paths: a run without escapes is sliced; with escapes, JSON.parse decodes the literal
    // (its string rules are Python's: same escapes, raw control characters refused, lone
    // surrogates kept). On any doubt, the precise scan below finds and explains the error.
    const text = this.text;
    const start = this.pos;
    STRING_RUN.lastIndex = start + 1;
    STRING_RUN.test(text);
    let end = STRING_RUN.lastIndex;
    if (text.charCodeAt(end) === C.Quote) {
      this.pos = end + 1;
      return {
        type: 'str',
        value: internedKey(text, start + 1, end) ?? text.slice(start + 1, end),
        start,
        end: this.pos,
      };
    }
    if (text.charCodeAt(end) === C.Backslash) {
      ESCAPED_STRING_RUN.lastIndex = end;
      ESCAPED_STRING_RUN.test(text);
      end = ESCAPED_STRING_RUN.lastIndex;
      if (text.charCodeAt(end) === C.Quote) {
        this.pos = end + 1;
        return { type: 'str', value: JSON.parse(text.slice(start, this.pos)) as string, start, end: this.pos };
      }
    }
    return this.preciseString();
  }

  private preciseString(): Node {
    const text = this.text;
    const start = this.pos;
    let escaped = false;
    this.pos++;
    for (;;) {
      STRING_RUN.lastIndex = this.pos;
      STRING_RUN.test(text);
      this.pos = STRING_RUN.lastIndex;
      const c = text.charCodeAt(this.pos);
      if (c === C.Quote) break;
      if (c === C.Backslash) {
        this.checkEscape();
        escaped = true;
        continue;
      }
      if (Number.isNaN(c)) this.fail(start, this.pos, 'This string is not closed: a `"` is missing.');
      if (c < 0x20) {
        const what =
          c === C.LineFeed || c === C.CarriageReturn ? 'A line break' : c === C.Tab ? 'A tab' : 'A control character';
        this.failAt(
          this.pos,
          `${what} must be escaped inside a JSON string (\\n, \\t, \\u00XX), or the string is not closed.`,
        );
      }
      this.pos++;
    }
    this.pos++;
    // Escapes checked above have the same meaning to JavaScript's JSON.parse as to Python's (lone surrogates included).
    const value = escaped ? (JSON.parse(text.slice(start, this.pos)) as string) : text.slice(start + 1, this.pos - 1);
    return { type: 'str', value, start, end: this.pos };
  }

  private checkEscape(): void {
    const at = this.pos;
    const kind = this.text[at + 1] ?? '';
    if (kind === 'u') {
      const hex = this.text.slice(at + 2, at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex))
        this.fail(at, at + 2 + hex.length, 'Invalid `\\u` escape: it needs four hexadecimal digits.');
      this.pos += 6;
      return;
    }
    if (!SIMPLE_ESCAPES.includes(kind) || kind === '')
      this.fail(
        at,
        at + 2,
        'Invalid escape in a string: JSON allows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.',
      );
    this.pos += 2;
  }

  private number(): Node {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(this.pos) === C.Minus) {
      this.pos++;
      if (text.startsWith('Infinity', this.pos)) {
        this.pos += 8;
        return { type: 'float', value: -Infinity, start, end: this.pos };
      }
      if (!isDigit(text.charCodeAt(this.pos))) this.failAt(start, 'A `-` must be followed by digits.');
    }
    if (text.charCodeAt(this.pos) === C.Zero) this.pos++;
    else while (isDigit(text.charCodeAt(this.pos))) this.pos++;
    let float = false;
    if (text.charCodeAt(this.pos) === C.Dot) {
      float = true;
      this.pos++;
      if (!isDigit(text.charCodeAt(this.pos)))
        this.fail(start, this.pos, 'This number is incomplete: JSON needs digits after `.`.');
      while (isDigit(text.charCodeAt(this.pos))) this.pos++;
    }
    const e = text.charCodeAt(this.pos);
    if (e === 101 || e === 69) {
      float = true;
      this.pos++;
      const sign = text.charCodeAt(this.pos);
      if (sign === C.Plus || sign === C.Minus) this.pos++;
      if (!isDigit(text.charCodeAt(this.pos)))
        this.fail(start, this.pos, 'This number is incomplete: JSON needs digits after `e`.');
      while (isDigit(text.charCodeAt(this.pos))) this.pos++;
    }
    const source = text.slice(start, this.pos);
    if (!float && source.length - (source[0] === '-' ? 1 : 0) > PYTHON_MAX_INT_DIGITS) {
      this.fail(
        start,
        this.pos,
        `This integer has more than ${PYTHON_MAX_INT_DIGITS} digits, which Python (the AWS CLI's JSON reader) refuses.`,
      );
    }
    return float
      ? { type: 'float', value: Number(source), start, end: this.pos }
      : { type: 'int', value: BigInt(source), start, end: this.pos };
  }

  private enter(kind: 'array' | 'object'): void {
    if (++this.depth > PYTHON_MAX_DEPTH) {
      throw new JsonSyntaxError({
        start: this.pos,
        end: this.pos + 1,
        message: `Nested ${PYTHON_MAX_DEPTH + 1} levels deep: the AWS CLI crashes reading this (Python's recursion limit).`,
        awsCli: `maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`,
      });
    }
  }

  private object(): Node {
    this.enter('object');
    const text = this.text;
    const start = this.pos;
    const entries: Entry[] = [];
    let index: Map<string, number> | undefined; // built only for large objects
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== C.CloseBrace) {
      for (;;) {
        const c = text.charCodeAt(this.pos);
        if (c !== C.Quote) {
          if (c === C.CloseBrace) this.failAt(this.pos, 'Trailing comma: strict JSON allows no comma before `}`.');
          if (Number.isNaN(c)) this.fail(text.length, text.length, 'The JSON ends inside an object: a `}` is missing.');
          if (c === 39) this.failWord('Object keys must be strings in double quotes, not single quotes.');
          this.failWord('Object keys must be strings in double quotes.');
        }
        const key = this.string() as Extract<Node, { type: 'str' }>;
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== C.Colon) this.failAt(this.pos, 'A `:` is expected after the key.');
        this.pos++;
        this.skipWhitespace();
        const value = this.value();
        // Python's dict keeps the first key's place and the last value.
        let at = -1;
        if (index) at = index.get(dictKey(key)) ?? -1;
        else {
          for (let i = 0; i < entries.length; i++)
            if ((entries[i]!.key as { value: string }).value === key.value) at = i;
          if (entries.length >= 16) index = new Map(entries.map((e, i) => [dictKey(e.key), i]));
        }
        if (at < 0) {
          index?.set(dictKey(key), entries.length);
          entries.push({ key, value });
        } else entries[at] = { key, value };
        if (!this.separatorOrClose(C.CloseBrace, '}', 'an object')) break;
      }
    }
    this.pos++;
    this.depth--;
    return { type: 'dict', entries, start, end: this.pos };
  }

  private array(): Node {
    this.enter('array');
    const text = this.text;
    const start = this.pos;
    const items: Node[] = [];
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== C.CloseBracket) {
      for (;;) {
        if (text.charCodeAt(this.pos) === C.CloseBracket)
          this.failAt(this.pos, 'Trailing comma: strict JSON allows no comma before `]`.');
        items.push(this.value());
        if (!this.separatorOrClose(C.CloseBracket, ']', 'a list')) break;
      }
    }
    this.pos++;
    this.depth--;
    return { type: 'list', items, start, end: this.pos };
  }

  /** After a member or item: true at a `,` (skipped), false at the closing bracket; anything else is an error. */
  private separatorOrClose(close: number, closeText: string, container: string): boolean {
    this.skipWhitespace();
    const next = this.text.charCodeAt(this.pos);
    if (next === C.Comma) {
      this.pos++;
      this.skipWhitespace();
      return true;
    }
    if (next === close) return false;
    if (Number.isNaN(next))
      this.fail(
        this.text.length,
        this.text.length,
        `The JSON ends inside ${container}: a \`${closeText}\` is missing.`,
      );
    return this.failAt(this.pos, `A \`,\` or \`${closeText}\` is expected here.`);
  }

  /** Fails on the run of non-separator characters at the current position. */
  private failWord(message: string): never {
    const m = /^[^\s,:{}[\]]*/.exec(this.text.slice(this.pos, this.pos + 200));
    return this.fail(this.pos, this.pos + Math.max(1, m ? m[0].length : 1), message);
  }

  private failAt(at: number, message: string): never {
    return this.fail(at, at + 1, message);
  }

  private fail(start: number, end: number, message: string): never {
    throw new JsonSyntaxError({ start, end: Math.min(Math.max(end, start), this.text.length), message });
  }
}
