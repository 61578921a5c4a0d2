// Models of how Windows turns a typed command line into a program's argv, for testing the
// PowerShell and cmd.exe quoting where neither shell is installed. Each follows its documentation:
// - splitMsvcrtArgs: "Parsing C command-line arguments" (Microsoft C runtime, the rules of the
//   UCRT since Visual Studio 2008, `""` inside quotes included), which aws.exe's argv comes from;
// - cmdLine: the interactive cmd.exe prompt's percent expansion (an undefined name is left as
//   written) and its caret/quote pass, which hands the rest of the line to the program;
// - powerShellLegacyArgs: a PowerShell line of bare and '...' tokens, and how PowerShell 5.1 (and
//   7.x under $PSNativeCommandArgumentPassing = 'Legacy') writes each value into the command line
//   (NativeCommandParameterBinder: quotes added only around unquoted whitespace, none escaped).

/** The arguments after the program name, split as the C runtime splits them. */
export function splitMsvcrtArgs(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) return args;
    let arg = '';
    let quoted = false;
    while (i < line.length) {
      let backslashes = 0;
      while (line[i] === '\\') {
        backslashes++;
        i++;
      }
      if (line[i] === '"') {
        arg += '\\'.repeat(Math.floor(backslashes / 2));
        if (backslashes % 2 === 1) {
          arg += '"';
          i++;
        } else if (quoted && line[i + 1] === '"') {
          arg += '"'; // `""` inside quotes: a literal quote, still quoted
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
        continue;
      }
      arg += '\\'.repeat(backslashes);
      if (i >= line.length) break;
      if (!quoted && (line[i] === ' ' || line[i] === '\t')) break;
      arg += line[i++];
    }
    args.push(arg);
  }
}

/**
 * What cmd.exe passes to the program for `line` typed at the prompt, with these environment
 * variables defined (names compared without case). Throws when the line would do something else
 * than run one program: `&`, `|`, `<`, `>` outside quotes, or a line break.
 */
export function cmdLine(line: string, env: Record<string, string> = {}): string {
  if (/[\r\n]/.test(line)) throw new Error('a line break ends the command');
  // Phase 1: %NAME% of a defined variable is replaced; otherwise the % stays and scanning goes on after it.
  const defined = new Map(Object.entries(env).map(([k, v]) => [k.toUpperCase(), v]));
  let expanded = '';
  for (let i = 0; i < line.length;) {
    if (line[i] === '%') {
      const end = line.indexOf('%', i + 1);
      const value = end > i + 1 ? defined.get(line.slice(i + 1, end).toUpperCase()) : undefined;
      if (value !== undefined) {
        expanded += value;
        i = end + 1;
        continue;
      }
    }
    expanded += line[i++];
  }
  // Phase 2: outside quotes, ^ escapes the next character and & | < > are operators; " toggles quoting.
  let out = '';
  let quoted = false;
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '^') {
      i++;
      if (i < expanded.length) out += expanded[i];
      continue;
    } else if (!quoted && '&|<>'.includes(c)) throw new Error(`unescaped ${c} outside quotes`);
    out += c;
  }
  return out;
}

/**
 * The command line PowerShell (Legacy argument passing) writes for a native command, from a line
 * of tokens: bare words and '...' literals ('' is a quote; so are U+2018 to U+201B).
 */
export function powerShellLegacyArgs(line: string): string {
  const values: string[] = [];
  const quotes = "'\u2018\u2019\u201a\u201b";
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let value = '';
    if (quotes.includes(line[i]!)) {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error('unterminated string');
        if (quotes.includes(line[i]!)) {
          if (i + 1 < line.length && quotes.includes(line[i + 1]!)) {
            value += line[i + 1];
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      if (i < line.length && line[i] !== ' ') throw new Error('a string literal followed by more of the word');
    } else {
      while (i < line.length && line[i] !== ' ') value += line[i++];
      if (/^[@$,;'"`{}()|&<>]|[,;'"`$|&<>{}()]/.test(value) || /^-[^-].*\./.test(value))
        throw new Error(`bare token PowerShell would not pass as written: ${value}`);
    }
    values.push(value);
  }
  // Legacy: a value is dropped when empty, wrapped in quotes when it has whitespace outside
  // unescaped quotes, else written as it is.
  return values
    .filter((v) => v !== '')
    .map((v) => (needQuotes(v) ? `"${v}"` : v))
    .join(' ');
}

function needQuotes(value: string): boolean {
  let quotes = 0;
  let afterBackslash = false;
  for (const c of value) {
    if (c === '"' && !afterBackslash) quotes++;
    else if (/\s/.test(c) && quotes % 2 === 0) return true;
    afterBackslash = c === '\\';
  }
  return false;
}
