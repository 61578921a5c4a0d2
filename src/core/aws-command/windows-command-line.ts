// How a command typed into PowerShell or at the cmd.exe prompt becomes the argv of aws.exe (AWS CLI
// v2, a Python program frozen with PyInstaller, whose argv comes from the Microsoft C runtime's
// parser). Neither shell runs where this is tested, so each step follows its documentation, and
// every character keeps its source offset, so that a problem found later (in shorthand, in JSON)
// is located in the pasted text. The same functions serve the reader (shell-words.ts) and the
// tests of the writer (to-cli), so that both hold to one model:
// - crtSplit: "Parsing C command-line arguments" (the UCRT's rules since Visual Studio 2008, `""`
//   inside quotes included), the last step for both shells;
// - cmdPercentPass, cmdCaretPass: the interactive cmd.exe prompt's percent expansion (an undefined
//   name is left as written), then its caret/quote pass, which hands the rest to the program;
// - powerShellLegacyLine: how Windows PowerShell 5.1, and 7.x under
//   $PSNativeCommandArgumentPassing = 'Legacy', writes argument values into the program's command
//   line (NativeCommandParameterBinder: an empty value dropped, quotes added only around whitespace
//   outside unescaped quotes, no quote escaped). Under Standard passing (7.3+, and 'Windows' for an
//   .exe) .NET quotes each value so that the C runtime reads it back unchanged: argv is the values.
import { ShellSyntaxError, type ShellWord, WordBuilder } from './shell-word';

/** One character of a command line on its way to the program, with the offset it came from. */
export interface SourceChar {
  ch: string;
  at: number;
}

/** Each UTF-16 unit of `line` at its own offset. */
export function sourceChars(line: string): SourceChar[] {
  const chars: SourceChar[] = [];
  for (let at = 0; at < line.length; at++) chars.push({ ch: line[at]!, at });
  return chars;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** The length of a line break at i (`\n` or `\r\n`), 0 when there is none. */
const breakAt = (text: string, i: number) => (text[i] === '\n' ? 1 : text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0);

// ---------------------------------------------------------------------------------------------
// The C runtime

/** The C runtime's argument splitting: `\"`, `""` inside quotes, 2n backslashes before a quote. */
export function crtSplit(chars: readonly SourceChar[], end: number): ShellWord[] {
  const words: ShellWord[] = [];
  let word: WordBuilder | undefined;
  let inQuote = false;
  let k = 0;
  while (k < chars.length) {
    const { ch, at } = chars[k]!;
    if (!inQuote && isBlank(ch)) {
      if (word?.started) words.push(word.finish(at));
      word = undefined;
      k++;
      continue;
    }
    word ??= new WordBuilder(at);
    if (ch === '\\') {
      let n = 0;
      while (chars[k + n]?.ch === '\\') n++;
      if (chars[k + n]?.ch !== '"') {
        for (let j = 0; j < n; j++) word.push('\\', chars[k + j]!.at, inQuote);
        k += n;
        continue;
      }
      for (let j = 0; j < Math.floor(n / 2); j++) word.push('\\', chars[k + 2 * j]!.at, inQuote);
      if (n % 2 === 1) word.push('"', chars[k + n]!.at, true);
      else if (inQuote && chars[k + n + 1]?.ch === '"') {
        // `""` inside quotes after the backslashes too: a literal quote, still quoted.
        word.push('"', chars[k + n + 1]!.at, true);
        k++;
      } else {
        word.started = true;
        inQuote = !inQuote;
      }
      k += n + 1;
    } else if (ch === '"') {
      if (inQuote && chars[k + 1]?.ch === '"') {
        word.push('"', at, true); // `""` inside quotes: a literal quote, still quoted
        k += 2;
      } else {
        word.started = true;
        inQuote = !inQuote;
        k++;
      }
    } else {
      word.push(ch, at, inQuote);
      k++;
    }
  }
  if (word?.started) words.push(word.finish(end));
  return words;
}

/** The arguments after the program name, split as the C runtime splits them. */
export function splitMsvcrtArgs(line: string): string[] {
  return crtSplit(sourceChars(line), line.length).map((w) => w.value);
}

// ---------------------------------------------------------------------------------------------
// cmd.exe at the interactive prompt (delayed expansion off, its default)

/**
 * cmd.exe's first pass, line by line: `%NAME%` becomes `lookup(NAME)` when that gives a value;
 * otherwise the `%` stays and scanning goes on after it, as the prompt leaves an undefined name.
 * `start`/`end` locate `%NAME%` in `line`.
 */
export function cmdPercentPass(
  line: string,
  lookup: (name: string, start: number, end: number) => string | undefined,
): string {
  let out = '';
  for (let i = 0; i < line.length;) {
    if (line[i] === '%') {
      let end = line.indexOf('%', i + 1);
      const nl = line.indexOf('\n', i + 1);
      if (nl >= 0 && end > nl) end = -1;
      const value = end > i + 1 ? lookup(line.slice(i + 1, end), i, end + 1) : undefined;
      if (value !== undefined) {
        out += value;
        i = end + 1;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}

/**
 * cmd.exe's second pass: outside quotes `^` escapes the next character (at the end of a line it
 * continues the command, and escapes the next line's first character) and `&`, `|`, `<`, `>` end
 * the command (refused: the line would do more than run aws); `"` toggles quoting. What is left
 * goes to the program. Stops at a line break that ends the command: `next` is the offset after it.
 */
export function cmdCaretPass(line: string): { chars: SourceChar[]; end: number; next?: number } {
  const chars: SourceChar[] = [];
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    const br = breakAt(line, i);
    if (br) return { chars, end: i, next: i + br };
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '^') {
      const cont = breakAt(line, i + 1);
      if (cont) {
        i += 1 + cont;
        if (i < line.length && !breakAt(line, i)) chars.push({ ch: line[i]!, at: i++ });
        continue;
      }
      if (i + 1 < line.length) {
        chars.push({ ch: line[i + 1]!, at: i + 1 });
        i += 2;
        continue;
      }
    } else if (!quoted && '&|<>'.includes(c)) {
      throw new ShellSyntaxError(
        `"${c}" is cmd.exe syntax (a pipe, redirection or command separator): escape it as ^${c} or quote the value.`,
        i,
        i + 1,
      );
    }
    chars.push({ ch: c, at: i });
    i++;
  }
  return { chars, end: line.length };
}

// ---------------------------------------------------------------------------------------------
// PowerShell's Legacy native argument passing

/** .NET's char.IsWhiteSpace, which NeedQuotes uses: U+0085 is one, U+FEFF is not (unlike JavaScript's \s). */
const DOTNET_WHITESPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** NativeCommandParameterBinder.NeedQuotes: whitespace outside `"` (a `"` after a backslash does not count). */
function legacyNeedsQuotes(value: string): boolean {
  let quotes = 0;
  let afterBackslash = false;
  for (const c of value) {
    if (c === '"' && !afterBackslash) quotes++;
    else if (DOTNET_WHITESPACE.test(c) && quotes % 2 === 0) return true;
    afterBackslash = c === '\\';
  }
  return false;
}

/**
 * The command line PowerShell (Legacy) writes for these argument values, joined by spaces: an
 * added quote sits at its word's first or last character, a space at the previous word's end.
 * Refuses an unquoted word starting with `-` that holds a `.`, which Windows PowerShell 5.1 (that
 * ignores $PSNativeCommandArgumentPassing, and is Legacy) passes split in two at the `.`.
 */
export function powerShellLegacyLine(words: readonly ShellWord[], text: string): SourceChar[] {
  const chars: SourceChar[] = [];
  let previousEnd: number | undefined;
  for (const w of words) {
    if (text[w.start] === '-' && w.value.startsWith('-') && w.value.includes('.'))
      throw new ShellSyntaxError(
        'Windows PowerShell passes an unquoted argument that starts with - and holds a . split in two: quote it.',
        w.start,
        w.end,
      );
    if (w.value === '') continue; // Legacy passes nothing for an empty value
    if (previousEnd !== undefined) chars.push({ ch: ' ', at: previousEnd });
    const quote = legacyNeedsQuotes(w.value);
    if (quote) chars.push({ ch: '"', at: w.start });
    for (let k = 0; k < w.value.length; k++) chars.push({ ch: w.value[k]!, at: w.offsets[k]! });
    if (quote) chars.push({ ch: '"', at: Math.max(w.start, w.end - 1) });
    previousEnd = w.end;
  }
  return chars;
}
