// Reading a program's arguments, for `putusers` and the emulator: node:util's parseArgs, with the
// mistakes worded one way and thrown as one error type, so each program has one usage-error path.
import { parseArgs } from 'node:util';

/** What a program needs from its process: output streams (tests pass their own). */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A mistake in the command line itself: the program prints it with its usage (this one's, when given) and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  /** `string` options take a value (`--name V` or `--name=V`); `boolean` ones do not. */
  type: 'string' | 'boolean';
}

export interface CommandLine<S extends Record<string, OptionSpec>> {
  /** The last value of each string option given, `true` for each boolean one. */
  values: { [K in keyof S]?: S[K]['type'] extends 'boolean' ? true : string };
  /** Every value of each string option, in order (for options that may be repeated). */
  all: { [K in keyof S]?: string[] };
  positionals: string[];
}

/**
 * Parses `argv` against `options`. Positionals may come anywhere, `--` ends the options and a lone
 * `-` is a positional (standard input). Throws UsageError for an unknown option, a string option
 * without a value (or with an empty one), and a value given to a boolean option; each carries
 * `usage` (the program's or the command's usage text) when given.
 */
export function parseCommandLine<const S extends Record<string, OptionSpec>>(
  argv: string[],
  options: S,
  usage?: string,
): CommandLine<S> {
  const known = new Map<string, OptionSpec>(Object.entries(options));
  // Not strict: the mistakes are found below from the tokens, in our words rather than node's.
  const { tokens } = parseArgs({
    args: argv,
    options: Object.fromEntries([...known].map(([name, o]) => [name, { type: o.type, multiple: true }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const mistake = (message: string) => new UsageError(message, usage);
  const out: CommandLine<S> = { values: {}, all: {}, positionals: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') out.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const name: keyof S = token.name;
    const spec = known.get(name);
    if (!spec || !token.rawName.startsWith('--')) throw mistake(`unknown option "${token.rawName}"`);
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw mistake(`${token.rawName} takes no value`);
      (out.values as Record<keyof S, true>)[name] = true;
      continue;
    }
    if (token.value === undefined || token.value === '') throw mistake(`${token.rawName} needs a value`);
    (out.values as Record<keyof S, string>)[name] = token.value;
    (out.all[name] ??= []).push(token.value);
  }
  return out;
}
