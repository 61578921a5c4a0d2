// One command line split into words as a shell would, each word with the source offset of each
// of its characters, so that a problem found later (in shorthand, in JSON) can be located in the
// pasted text. What needs a real shell to know (variables, command substitution, globs that match
// files, pipes) is refused, located, rather than guessed.
import { ShellSyntaxError, type ShellWord, WordBuilder } from './shell-word';
import { cmdCaretPass, cmdPercentPass, crtSplit, powerShellLegacyLine } from './windows-command-line';

export type ShellDialect = 'bash' | 'powershell' | 'cmd';

export const SHELL_DIALECTS: readonly ShellDialect[] = ['bash', 'powershell', 'cmd'];

export { ShellSyntaxError, type ShellWord } from './shell-word';

export interface ShellWordsOptions {
  /**
   * The names in the directory the command would run in (bash): a word with an unquoted `*`, `?` or
   * `[...]` that matches none of them stays as written, as bash does by default; one that matches is
   * refused. Without the list, every such word is refused.
   */
  cwdEntries?: readonly string[];
}

/** The words of one command line in the given shell's syntax. */
export function shellWords(text: string, dialect: ShellDialect, options: ShellWordsOptions = {}): ShellWord[] {
  switch (dialect) {
    case 'bash':
      return bashWords(text, options);
    case 'powershell':
      return powershellWords(text);
    case 'cmd':
      return cmdWords(text);
  }
}

/**
 * The dialect a line continuation gives away (a line ending in `` ` ``, `^` or `\`), or to-cli's
 * PowerShell argument-passing switch, else undefined: without one, the three shells read most
 * commands differently and the caller must choose.
 */
export function detectShell(text: string): ShellDialect | undefined {
  if (PASSING_SCOPE.test(text) || PASSING.test(text)) return 'powershell';
  const ends = new Set(text.split(/\r?\n/).map((line) => line.trimEnd().slice(-1)));
  const found = (['`', '^', '\\'] as const).filter((c) => ends.has(c));
  if (found.length !== 1) return undefined;
  return found[0] === '`' ? 'powershell' : found[0] === '^' ? 'cmd' : 'bash';
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** The length of a line break at i (`\n` or `\r\n`), 0 when there is none. */
const breakAt = (text: string, i: number) => (text[i] === '\n' ? 1 : text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0);
/** One character at i, both halves of a surrogate pair together. */
const charAt = (text: string, i: number) => String.fromCodePoint(text.codePointAt(i)!);

/** After an unescaped line break: only blank lines and comments may follow, else it is a second command. */
function checkRestIsBlank(text: string, from: number, comment: string): void {
  const lines = text.slice(from).split('\n');
  let at = from;
  for (const line of lines) {
    const t = line.trim();
    if (t !== '' && !t.startsWith(comment)) {
      const start = at + line.indexOf(t[0]!);
      throw new ShellSyntaxError(
        'A second command starts on this line: paste one command (end each line but the last with a line continuation).',
        start,
        start + t.length,
      );
    }
    at += line.length + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// bash / zsh

/** `$` followed by one of these starts an expansion in bash. */
const BASH_EXPANSION = /[A-Za-z_{(0-9@*#?$!-]/;
const BASH_OPERATORS = '|&;<>()';

function bashWords(text: string, options: ShellWordsOptions): ShellWord[] {
  const words: ShellWord[] = [];
  let word: WordBuilder | undefined;
  const cur = (at: number) => (word ??= new WordBuilder(at));
  const end = (at: number) => {
    if (word?.started) words.push(checkBashWord(word.finish(at), word, text, options));
    word = undefined;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const br = breakAt(text, i);
    if (c === '\\') {
      const cont = breakAt(text, i + 1);
      if (cont) {
        i += 1 + cont; // a line continuation joins the lines, inside a word too
        continue;
      }
      if (i + 1 >= text.length) {
        cur(i).push('\\', i, false); // a final backslash escapes nothing and stays
        i++;
        continue;
      }
      const ch = charAt(text, i + 1);
      cur(i).push(ch, i + 1, true);
      i += 1 + ch.length;
    } else if (isBlank(c)) {
      end(i);
      i++;
    } else if (br) {
      end(i);
      checkRestIsBlank(text, i + br, '#');
      break;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError('This single quote is never closed.', i, text.length);
      const w = cur(i);
      w.started = true;
      for (let k = i + 1; k < close; k++) w.push(text[k]!, k, true);
      i = close + 1;
    } else if (c === '"') {
      i = bashDoubleQuoted(text, i + 1, cur(i));
    } else if (c === '$') {
      const next = text[i + 1];
      if (next === "'") i = ansiCQuoted(text, i + 2, cur(i));
      else if (next === '"')
        i = bashDoubleQuoted(text, i + 2, cur(i)); // $"..." translates nothing in a C locale
      else if (next !== undefined && BASH_EXPANSION.test(next)) throw expansionError(text, i, 'bash');
      else {
        cur(i).push('$', i, false);
        i++;
      }
    } else if (c === '`') {
      throw new ShellSyntaxError('Command substitution (`...`) needs a shell: run it and paste its result.', i, i + 1);
    } else if (BASH_OPERATORS.includes(c)) {
      throw new ShellSyntaxError(
        `"${c}" is shell syntax (a pipe, redirection, list or subshell): paste the aws command alone.`,
        i,
        i + 1,
      );
    } else if (c === '#' && !word?.started) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      end(i);
      checkRestIsBlank(text, nl + 1, '#');
      break;
    } else if (c === '~' && !word?.started) {
      throw new ShellSyntaxError(
        'bash would replace this ~ with your home directory: write the path in full.',
        i,
        i + 1,
      );
    } else {
      const ch = charAt(text, i);
      cur(i).push(ch, i, false);
      i += ch.length;
    }
  }
  end(text.length);
  return words;
}

function expansionError(text: string, at: number, shell: 'bash' | 'powershell'): ShellSyntaxError {
  const m = /^\$(\{[^}]*\}?|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_:]*|.)/.exec(text.slice(at));
  const len = m ? m[0].length : 1;
  return new ShellSyntaxError(
    `${text.slice(at, at + len)} is expanded by ${shell === 'bash' ? 'the shell' : 'PowerShell'}: its value is not known here. Write the value itself, or quote it with single quotes if it is meant literally.`,
    at,
    at + len,
  );
}

/** Reads `"..."` from just after the opening quote; returns the offset after the closing one. */
function bashDoubleQuoted(text: string, from: number, w: WordBuilder): number {
  w.started = true;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === '\\') {
      const cont = breakAt(text, i + 1);
      if (cont) {
        i += 1 + cont;
        continue;
      }
      const next = text[i + 1];
      // Inside double quotes a backslash escapes only these; before anything else it stays.
      if (next !== undefined && '$`"\\'.includes(next)) {
        w.push(next, i + 1, true);
        i += 2;
        continue;
      }
      w.push('\\', i, true);
      i++;
    } else if (c === '$' && text[i + 1] !== undefined && BASH_EXPANSION.test(text[i + 1]!)) {
      throw expansionError(text, i, 'bash');
    } else if (c === '`') {
      throw new ShellSyntaxError('Command substitution (`...`) needs a shell: run it and paste its result.', i, i + 1);
    } else {
      w.push(c, i, true);
      i++;
    }
  }
  throw new ShellSyntaxError('This double quote is never closed.', from - 1, text.length);
}

const ANSI_C: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Reads bash's `$'...'` from just after the quote: C escapes, each character placed at its escape. */
function ansiCQuoted(text: string, from: number, w: WordBuilder): number {
  w.started = true;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return i + 1;
    if (c !== '\\') {
      w.push(c, i, true);
      i++;
      continue;
    }
    const e = text[i + 1];
    const m = /^(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})|c(.))/.exec(
      text.slice(i + 1),
    );
    if (m) {
      const [all, oct, hex, u4, u8, ctl] = m;
      const code = oct
        ? parseInt(oct, 8) & 0xff
        : hex
          ? parseInt(hex, 16)
          : u4 || u8
            ? parseInt((u4 ?? u8)!, 16)
            : ctl!.toUpperCase().charCodeAt(0) & 0x1f;
      if (code > 0x10ffff) throw new ShellSyntaxError('This escape is no Unicode character.', i, i + 1 + all.length);
      w.push(String.fromCodePoint(code), i, true);
      i += 1 + all.length;
    } else if (e !== undefined && e in ANSI_C) {
      w.push(ANSI_C[e]!, i, true);
      i += 2;
    } else {
      w.push('\\', i, true); // an unknown escape keeps its backslash
      i++;
    }
  }
  throw new ShellSyntaxError("This $'...' is never closed.", from - 2, text.length);
}

/** Brace expansion and globbing, which bash applies to unquoted characters after splitting. */
function checkBashWord(word: ShellWord, b: WordBuilder, text: string, options: ShellWordsOptions): ShellWord {
  const open = (ch: string, from = 0) => {
    for (let k = from; k < b.value.length; k++) if (!b.quoted[k] && b.value[k] === ch) return k;
    return -1;
  };
  const brace = open('{');
  if (brace >= 0) {
    const close = open('}', brace);
    const inner = close > 0 ? b.value.slice(brace + 1, close) : '';
    const unquotedComma = close > 0 && [...inner].some((ch, k) => ch === ',' && !b.quoted[brace + 1 + k]);
    if (unquotedComma || /^-?\w+\.\.-?\w+$/.test(inner))
      throw new ShellSyntaxError(
        'bash expands {a,b} into several words (brace expansion): quote this value with single quotes.',
        b.offsets[brace]!,
        b.offsets[close]! + 1,
      );
  }
  const globAt = [...b.value].findIndex(
    (ch, k) => !b.quoted[k] && (ch === '*' || ch === '?' || (ch === '[' && open(']', k) > k)),
  );
  if (globAt < 0) return word;
  const at = b.offsets[globAt]!;
  const refuse = (why: string) =>
    new ShellSyntaxError(`bash treats ${text[at]} as a file name pattern here${why}: quote the value.`, at, at + 1);
  if (!options.cwdEntries || b.value.includes('/')) throw refuse(' and which files it matches is not known');
  const pattern = globRegExp(b.value, b.quoted);
  const hits = options.cwdEntries.filter((n) => (b.value.startsWith('.') || !n.startsWith('.')) && pattern.test(n));
  if (hits.length > 0) throw refuse(`, and it matches ${hits.slice(0, 3).join(', ')}`);
  return word; // no match: bash passes the word as written
}

function globRegExp(value: string, quoted: boolean[]): RegExp {
  let re = '';
  for (let k = 0; k < value.length; k++) {
    const ch = value[k]!;
    if (quoted[k]) re += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    else if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[') {
      const close = value.indexOf(']', k + 2);
      if (close < 0) re += '\\[';
      else {
        re +=
          '[' +
          value
            .slice(k + 1, close)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']';
        k = close;
      }
    } else re += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'su');
}

// ---------------------------------------------------------------------------------------------
// PowerShell. Its own parsing gives each argument's value (powerShellTokens); how the values reach
// aws.exe depends on $PSNativeCommandArgumentPassing: 7.3 and later ('Standard', or 'Windows',
// which is Standard for an .exe) pass them as they are, empty and quoted ones included, while
// 'Legacy' (Windows PowerShell 5.1 always) writes them into one command line that the C runtime
// splits again (windows-command-line.ts). to-cli writes its commands for Legacy, in
// `& { $PSNativeCommandArgumentPassing = 'Legacy'; aws ... }` when that matters: that scope, and
// the assignment alone before the command, are the only variable use read here.

/** `$PSNativeCommandArgumentPassing = 'Legacy';` (or a line break), as the first statement. */
const PASSING =
  /^\s*\$PSNativeCommandArgumentPassing[ \t]*=[ \t]*(['"])(Legacy|Standard|Windows)\1[ \t]*(?:;|\r?\n)\s*/i;
/** `& {` then PASSING, the scope to-cli writes. */
const PASSING_SCOPE =
  /^\s*&[ \t]*\{(?=\s*\$PSNativeCommandArgumentPassing[ \t]*=[ \t]*(['"])(Legacy|Standard|Windows)\1[ \t]*(?:;|\r?\n))/i;

function powershellWords(text: string): ShellWord[] {
  // The switch and its scope are blanked out (offsets stay as they are) and the command read alone.
  let body = text;
  const blank = (from: number, to: number) => (body = body.slice(0, from) + ' '.repeat(to - from) + body.slice(to));
  let passing = 'standard';
  const scope = PASSING_SCOPE.exec(text);
  const from = scope ? scope[0].length : 0;
  const assignment = PASSING.exec(text.slice(from));
  const closing = /\}\s*$/.exec(text);
  if (assignment && (!scope || (closing && closing.index >= from + assignment[0].length))) {
    blank(0, from + assignment[0].length);
    if (scope) blank(closing!.index, text.length);
    passing = assignment[2]!.toLowerCase();
  } else if (scope) {
    throw new ShellSyntaxError('This & { ... } block is never closed.', scope.index, text.length);
  }
  const words = powerShellTokens(body);
  if (passing !== 'legacy' || words.length === 0) return words;
  const [program, ...args] = words;
  const end = args.length > 0 ? args[args.length - 1]!.end : program!.end;
  return [program!, ...crtSplit(powerShellLegacyLine(args, body), end)];
}

const PS_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};
/** `$` followed by one of these is a variable or subexpression in PowerShell. */
const PS_EXPANSION = /[A-Za-z_{(?^$:]/;
/** PowerShell's whitespace between arguments (CharExtensions.IsWhitespace): U+0085, U+00A0 and Unicode separators too. */
const isPsBlank = (c: string) => /[ \t\v\f\u0085\u00a0\p{Zs}\u2028\u2029]/u.test(c);
/** PowerShell reads the curly quotes as quotes too: these four as ', these three as ". */
const PS_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b";
const PS_DOUBLE_QUOTES = '"\u201c\u201d\u201e';
const isPsSingleQuote = (c: string | undefined) => c !== undefined && PS_SINGLE_QUOTES.includes(c);
const isPsDoubleQuote = (c: string | undefined) => c !== undefined && PS_DOUBLE_QUOTES.includes(c);

/** The argument values PowerShell's parser gives the command's words. */
function powerShellTokens(text: string): ShellWord[] {
  const words: ShellWord[] = [];
  let word: WordBuilder | undefined;
  const cur = (at: number) => (word ??= new WordBuilder(at));
  const end = (at: number) => {
    if (word?.started) words.push(word.finish(at));
    word = undefined;
  };
  let i = 0;
  // `& 'C:\...\aws.exe' ...`: the call operator in front of a quoted program path.
  const call = /^\s*&\s/.exec(text);
  if (call) i = call[0].length;
  while (i < text.length) {
    const c = text[i]!;
    const br = breakAt(text, i);
    if (c === '`') {
      i = psBacktick(text, i, cur(i));
    } else if (isPsBlank(c)) {
      end(i);
      i++;
    } else if (br) {
      end(i);
      checkRestIsBlank(text, i + br, '#');
      break;
    } else if (isPsSingleQuote(c)) {
      const w = cur(i);
      w.started = true;
      let k = i + 1;
      for (;;) {
        if (k >= text.length) throw new ShellSyntaxError('This single quote is never closed.', i, text.length);
        if (isPsSingleQuote(text[k]) && isPsSingleQuote(text[k + 1])) {
          w.push(text[k + 1]!, k, true); // '' is one quote inside '...' (the second one, as PowerShell keeps it)
          k += 2;
        } else if (isPsSingleQuote(text[k])) break;
        else {
          w.push(text[k]!, k, true);
          k++;
        }
      }
      i = k + 1;
    } else if (isPsDoubleQuote(c)) {
      i = psDoubleQuoted(text, i + 1, cur(i));
    } else if (c === '$' && text[i + 1] !== undefined && PS_EXPANSION.test(text[i + 1]!)) {
      throw expansionError(text, i, 'powershell');
    } else if (c === '#' && !word?.started) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      end(i);
      checkRestIsBlank(text, nl + 1, '#');
      break;
    } else if (c === ',') {
      throw new ShellSyntaxError(
        'PowerShell reads an unquoted comma as an array and passes its items as separate arguments: quote this value.',
        i,
        i + 1,
      );
    } else if ('|;&<>(){}@'.includes(c) && (c !== '@' || !word?.started)) {
      throw new ShellSyntaxError(
        `"${c}" is PowerShell syntax here (a pipe, redirection, block or expression): quote the value.`,
        i,
        i + 1,
      );
    } else if (c === '-' && text.startsWith('--%', i) && !word?.started) {
      throw new ShellSyntaxError('The stop-parsing token --% is not supported: quote the arguments instead.', i, i + 3);
    } else {
      const ch = charAt(text, i);
      cur(i).push(ch, i, false);
      i += ch.length;
    }
  }
  end(text.length);
  return words;
}

/** A backtick at i: a line continuation, an escape sequence, or the next character taken literally. */
function psBacktick(text: string, i: number, w: WordBuilder): number {
  const cont = breakAt(text, i + 1);
  if (cont) return i + 1 + cont;
  const next = text[i + 1];
  if (next === undefined) throw new ShellSyntaxError('A backtick at the end escapes nothing.', i, i + 1);
  const u = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(text.slice(i + 1));
  if (u) {
    w.push(String.fromCodePoint(parseInt(u[1]!, 16)), i, true);
    return i + 1 + u[0].length;
  }
  const ch = PS_ESCAPES[next] ?? charAt(text, i + 1);
  w.push(ch, i, true);
  return i + 1 + (PS_ESCAPES[next] ? 1 : ch.length);
}

function psDoubleQuoted(text: string, from: number, w: WordBuilder): number {
  w.started = true;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (isPsDoubleQuote(c) && isPsDoubleQuote(text[i + 1])) {
      w.push(text[i + 1]!, i, true); // "" is one quote inside "..."
      i += 2;
    } else if (isPsDoubleQuote(c)) return i + 1;
    else if (c === '`') i = psBacktick(text, i, w);
    else if (c === '$' && text[i + 1] !== undefined && PS_EXPANSION.test(text[i + 1]!))
      throw expansionError(text, i, 'powershell');
    else {
      w.push(c, i, true);
      i++;
    }
  }
  throw new ShellSyntaxError('This double quote is never closed.', from - 1, text.length);
}

// ---------------------------------------------------------------------------------------------
// cmd.exe: cmd itself expands %VARIABLES%, then removes ^ escapes and line continuations; the
// program (aws.exe, built with the Microsoft C runtime) splits what is left into arguments with
// the CRT's rules (windows-command-line.ts).

/** A `%NAME%` cmd.exe may have a value for (names before a `:~n,m` or `:a=b` suffix); other `%...%` pairs stay as written. */
const CMD_VARIABLE = /^[A-Za-z_][\w().-]*(?::.*)?$/s;

function cmdWords(text: string): ShellWord[] {
  cmdPercentPass(text, (name, start, end) => {
    if (!CMD_VARIABLE.test(name)) return undefined;
    throw new ShellSyntaxError(
      `${text.slice(start, end)} is expanded by cmd.exe: its value is not known here. Write the value itself.`,
      start,
      end,
    );
  });
  const { chars, end, next } = cmdCaretPass(text);
  if (next !== undefined) checkRestIsBlank(text, next, 'REM ');
  return crtSplit(chars, end);
}
