// JSON as the AWS CLI reads it: Python's json.loads, strict. Tokens (with offsets) come from
// jsonc-parser's scanner; the grammar and Python's own rules are ours: NaN/Infinity are floats,
// integers stay exact, `1.0` is a float, the last duplicate key wins, and comments, trailing
// commas, a byte-order mark or an empty file are errors.
import { createScanner, type JSONScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { Entry, Node, ParseError, ParseResult } from '../tree';
import { dictKey } from '../tree';

const MAX_DEPTH = 500;

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

const SCAN_ERRORS: Partial<Record<ScanError, string>> = {
  [ScanError.UnexpectedEndOfString]: 'This string is not closed: a `"` is missing before the end of the line.',
  [ScanError.UnexpectedEndOfNumber]: 'This number is incomplete: JSON needs digits after `.` or `e`.',
  [ScanError.InvalidUnicode]: 'Invalid `\\u` escape: it needs four hexadecimal digits.',
  [ScanError.InvalidEscapeCharacter]: 'Invalid escape in a string: JSON allows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.',
  [ScanError.InvalidCharacter]: 'A control character (such as a tab or a line break) must be escaped inside a JSON string.',
  [ScanError.UnexpectedEndOfComment]: 'Comments are not allowed: the AWS CLI reads strict JSON.',
};

class JsonReader {
  private readonly scanner: JSONScanner;
  private token: SyntaxKind = SyntaxKind.Unknown;
  private depth = 0;

  constructor(private readonly text: string) {
    this.scanner = createScanner(text, false);
  }

  document(): Node {
    if (this.text.charCodeAt(0) === 0xfeff) {
      this.fail(0, 1, 'The file starts with a byte-order mark (BOM), which the AWS CLI rejects as invalid JSON. Save it as UTF-8 without BOM.');
    }
    this.next();
    if (this.at(SyntaxKind.EOF)) {
      this.fail(0, this.text.length, 'The file is empty: the AWS CLI needs a JSON object with `datasetArn` and `users`.');
    }
    const root = this.value();
    if (!this.at(SyntaxKind.EOF)) {
      this.failHere('Unexpected content after the end of the JSON document.');
    }
    return root;
  }

  private get start() {
    return this.scanner.getTokenOffset();
  }
  private get end() {
    return this.scanner.getTokenOffset() + this.scanner.getTokenLength();
  }

  /** Moves to the next significant token, rejecting what Python's json does not accept between tokens. */
  private next(): void {
    for (;;) {
      this.token = this.scanner.scan();
      switch (this.token) {
        case SyntaxKind.Trivia:
          if (!/^[ \t]*$/.test(this.tokenText())) this.failHere('Only spaces, tabs and line breaks may separate JSON tokens.');
          continue;
        case SyntaxKind.LineBreakTrivia:
          if (!/^(\r\n|\r|\n)$/.test(this.tokenText())) this.failHere('Only spaces, tabs and line breaks may separate JSON tokens.');
          continue;
        case SyntaxKind.LineCommentTrivia:
        case SyntaxKind.BlockCommentTrivia:
          this.failHere('Comments are not allowed: the AWS CLI reads strict JSON.');
          continue;
        default: {
          const error = this.scanner.getTokenError();
          if (error !== ScanError.None) this.failHere(SCAN_ERRORS[error] ?? 'Invalid JSON.');
          return;
        }
      }
    }
  }

  /** A method, not a field read, so TypeScript does not narrow the token across next(). */
  private at(kind: SyntaxKind): boolean {
    return this.token === kind;
  }

  private tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  private value(): Node {
    const start = this.start;
    const end = this.end;
    switch (this.token) {
      case SyntaxKind.OpenBraceToken:
        return this.object();
      case SyntaxKind.OpenBracketToken:
        return this.array();
      case SyntaxKind.StringLiteral: {
        const value = this.scanner.getTokenValue();
        this.next();
        return { type: 'str', value, start, end };
      }
      case SyntaxKind.NumericLiteral: {
        const text = this.tokenText();
        this.next();
        return /[.eE]/.test(text)
          ? { type: 'float', value: Number(text), start, end }
          : { type: 'int', value: BigInt(text), start, end };
      }
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword: {
        const value = this.token === SyntaxKind.TrueKeyword;
        this.next();
        return { type: 'bool', value, start, end };
      }
      case SyntaxKind.NullKeyword:
        this.next();
        return { type: 'none', start, end };
      case SyntaxKind.Unknown:
        return this.pythonConstant();
      case SyntaxKind.EOF:
        return this.fail(this.text.length, this.text.length, 'The JSON ends too early: a value is missing.');
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        return this.failHere('A value is expected here (a trailing comma?).');
      default:
        return this.failHere(`A value is expected here, not \`${this.tokenText()}\`.`);
    }
  }

  /** Python's json also reads NaN, Infinity and -Infinity (as floats). */
  private pythonConstant(): Node {
    const start = this.start;
    const word = this.tokenText();
    if (word === 'NaN' || word === 'Infinity') {
      const end = this.end;
      this.next();
      return { type: 'float', value: word === 'NaN' ? NaN : Infinity, start, end };
    }
    if (word === '-' && this.text.startsWith('Infinity', this.end)) {
      this.next();
      const end = this.end;
      this.next();
      return { type: 'float', value: -Infinity, start, end };
    }
    if (word === "'" || word.startsWith("'")) return this.failHere('Strings must use double quotes in JSON.');
    if (/^[A-Za-z_]/.test(word)) {
      return this.failHere(`\`${word}\` is not a JSON value: strings need double quotes; the literals are true, false and null.`);
    }
    return this.failHere(`Unexpected character \`${word.slice(0, 10)}\` in JSON.`);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.failHere('The JSON is nested too deeply.');
  }

  private object(): Node {
    this.enter();
    const start = this.start;
    const head = { start, end: this.end };
    const entries: Entry[] = [];
    const seen = new Map<string, number>();
    this.next();
    if (!this.at(SyntaxKind.CloseBraceToken)) {
      for (;;) {
        if (!this.at(SyntaxKind.StringLiteral)) {
          if (this.at(SyntaxKind.CloseBraceToken)) this.failHere('Trailing comma: strict JSON allows no comma before `}`.');
          if (this.at(SyntaxKind.EOF)) this.fail(this.text.length, this.text.length, 'The JSON ends inside an object: a `}` is missing.');
          this.failHere('Object keys must be strings in double quotes.');
        }
        const key = this.value();
        if (!this.at(SyntaxKind.ColonToken)) this.failHere('A `:` is expected after the key.');
        this.next();
        const value = this.value();
        // Python's dict keeps the first key's place and the last value.
        const k = dictKey(key);
        const at = seen.get(k);
        if (at === undefined) {
          seen.set(k, entries.length);
          entries.push({ key, value });
        } else entries[at] = { key, value };
        if (this.at(SyntaxKind.CommaToken)) {
          this.next();
          continue;
        }
        if (this.at(SyntaxKind.CloseBraceToken)) break;
        if (this.at(SyntaxKind.EOF)) this.fail(this.text.length, this.text.length, 'The JSON ends inside an object: a `}` is missing.');
        this.failHere('A `,` or `}` is expected here.');
      }
    }
    const end = this.end;
    this.next();
    this.depth--;
    return { type: 'dict', entries, head, start, end };
  }

  private array(): Node {
    this.enter();
    const start = this.start;
    const items: Node[] = [];
    this.next();
    if (!this.at(SyntaxKind.CloseBracketToken)) {
      for (;;) {
        if (this.at(SyntaxKind.CloseBracketToken)) this.failHere('Trailing comma: strict JSON allows no comma before `]`.');
        items.push(this.value());
        if (this.at(SyntaxKind.CommaToken)) {
          this.next();
          continue;
        }
        if (this.at(SyntaxKind.CloseBracketToken)) break;
        if (this.at(SyntaxKind.EOF)) this.fail(this.text.length, this.text.length, 'The JSON ends inside a list: a `]` is missing.');
        this.failHere('A `,` or `]` is expected here.');
      }
    }
    const end = this.end;
    this.next();
    this.depth--;
    return { type: 'list', items, start, end };
  }

  private failHere(message: string): never {
    return this.fail(this.start, Math.max(this.end, this.start + 1), message);
  }

  private fail(start: number, end: number, message: string): never {
    throw new JsonSyntaxError({ start, end: Math.min(end, this.text.length), message });
  }
}
