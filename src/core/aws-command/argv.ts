// The argument parsing of `aws [global options] personalize-events put-users [options]`, as AWS
// CLI v2 does it with Python's argparse: global options are taken out first wherever they stand,
// then the operation's; a unique prefix names an option (`--user` is `--users`); `--opt=value`
// gives exactly one value; `--users` takes every word up to the next option; the last of a
// repeated option wins; what is left over is "Unknown options".
import type { ShellWord } from './shell-words';

/** A rejection; `awsCli` is the last line of what the CLI prints (after its usage text, for argparse's errors). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
    readonly awsCli?: string,
  ) {
    super(message);
  }
}

const GLOBAL_VALUED = [
  '--endpoint-url',
  '--output',
  '--query',
  '--profile',
  '--region',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
];
const GLOBAL_FLAGS = [
  '--debug',
  '--no-verify-ssl',
  '--no-paginate',
  '--no-sign-request',
  '--no-cli-pager',
  '--version',
  '--cli-auto-prompt',
  '--no-cli-auto-prompt',
];
const OPERATION = ['--dataset-arn', '--users', '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton'];

export interface OperationArgs {
  /** The option word itself, and its values, for each operation option given (the last one given). */
  options: Map<string, { option: ShellWord; values: ShellWord[] }>;
}

/** argparse's test for a word that is an option rather than a value. */
function optionLike(value: string): boolean {
  if (!value.startsWith('-') || value === '-') return false;
  if (/^-\d+$|^-\d*\.\d+$/.test(value)) return false;
  return !value.includes(' ') || /^--?[^=\s]+=/.test(value);
}

/** The option a word names: an exact name, else the one option it is a prefix of. */
function resolve(name: string, among: readonly string[], word: ShellWord): string | undefined {
  if (among.includes(name)) return name;
  const hits = among.filter((o) => o.startsWith(name));
  if (hits.length > 1)
    throw new CommandError(
      `${name} is the start of several options: ${hits.join(', ')}.`,
      word.start,
      word.end,
      `aws: error: ambiguous option: ${name} could match ${hits.join(', ')}`,
    );
  return hits[0];
}

function splitOption(word: ShellWord): { name: string; inline?: ShellWord } {
  const eq = word.value.indexOf('=');
  if (eq < 0) return { name: word.value };
  const value = word.value.slice(eq + 1);
  const offsets = word.offsets.slice(eq + 1);
  return { name: word.value.slice(0, eq), inline: { value, offsets, start: offsets[0]!, end: word.end } };
}

/** Reads the words after the program name. */
export function parseAwsArgs(words: ShellWord[]): OperationArgs {
  // The main parser: global options anywhere, then the service and the operation.
  const rest: ShellWord[] = [];
  const all = [...GLOBAL_VALUED, ...GLOBAL_FLAGS];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (word.value === '--')
      throw new CommandError('"--" (end of options) is not supported here.', word.start, word.end);
    if (!optionLike(word.value)) {
      rest.push(word);
      continue;
    }
    const { name, inline } = splitOption(word);
    const global = resolve(name, all, word);
    if (!global) {
      rest.push(word);
      continue;
    }
    if (global === '--version' || global === '--cli-auto-prompt')
      throw new CommandError(`With ${global} the AWS CLI sends no request.`, word.start, word.end);
    if (GLOBAL_VALUED.includes(global) && !inline) {
      const next = words[k + 1];
      if (!next || optionLike(next.value))
        throw new CommandError(
          `${global} needs a value.`,
          word.start,
          word.end,
          `aws: error: argument ${global}: expected one argument`,
        );
      k++;
    }
  }
  const [service, operation, ...args] = rest;
  if (service?.value !== 'personalize-events' || operation?.value !== 'put-users') {
    const at = service?.value !== 'personalize-events' ? service : operation;
    throw new CommandError(
      'This is not an `aws personalize-events put-users` command.',
      at?.start ?? words[0]?.start ?? 0,
      at?.end ?? words[0]?.end ?? 0,
    );
  }
  return parseOperationArgs(args);
}

function parseOperationArgs(args: ShellWord[]): OperationArgs {
  const options = new Map<string, { option: ShellWord; values: ShellWord[] }>();
  const unknown: ShellWord[] = [];
  for (let k = 0; k < args.length; k++) {
    const word = args[k]!;
    if (!optionLike(word.value)) {
      unknown.push(word);
      continue;
    }
    const { name, inline } = splitOption(word);
    const option = resolve(name, OPERATION, word);
    if (!option) {
      unknown.push(word);
      continue;
    }
    const values: ShellWord[] = [];
    if (inline) values.push(inline);
    else if (option === '--users') {
      while (k + 1 < args.length && !optionLike(args[k + 1]!.value)) values.push(args[++k]!);
    } else if (k + 1 < args.length && !optionLike(args[k + 1]!.value)) values.push(args[++k]!);
    else if (option !== '--generate-cli-skeleton')
      throw new CommandError(
        `${option} needs a value.`,
        word.start,
        word.end,
        `aws: error: argument ${option}: expected one argument`,
      );
    options.set(option, { option: word, values });
  }
  if (!options.has('--cli-input-json') && !options.has('--cli-input-yaml') && !options.has('--generate-cli-skeleton')) {
    const missing = ['--dataset-arn', '--users'].filter((o) => !options.has(o));
    if (missing.length > 0) {
      const last = args[args.length - 1];
      throw new CommandError(
        `The command needs ${missing.join(' and ')} (or --cli-input-json / --cli-input-yaml).`,
        last?.end ?? 0,
        last?.end ?? 0,
        `aws: error: the following arguments are required: ${missing.join(', ')}`,
      );
    }
  }
  if (unknown.length > 0)
    throw new CommandError(
      `The AWS CLI does not know ${unknown.map((w) => w.value).join(', ')} here.`,
      unknown[0]!.start,
      unknown[unknown.length - 1]!.end,
      `Unknown options: ${unknown.map((w) => w.value).join(', ')}`,
    );
  const skeleton = options.get('--generate-cli-skeleton');
  if (skeleton)
    throw new CommandError(
      'With --generate-cli-skeleton the AWS CLI prints a skeleton and sends no request.',
      skeleton.option.start,
      skeleton.option.end,
    );
  return { options };
}
