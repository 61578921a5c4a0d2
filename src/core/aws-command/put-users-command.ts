// A pasted `aws personalize-events put-users ...` command line → the PutUsers request the AWS
// CLI v2 (2.9.19) would send, or the reason it would send none, located in the command line and,
// where the CLI rejects it, in the CLI's words. The steps are the CLI's own, in its order:
// argparse (argv.ts), `file://` values, `--users` as shorthand or JSON (awscli/argprocess.py),
// `--cli-input-json|yaml` filling in the top-level keys not given explicitly, and botocore's
// parameter validation (the core's rules/aws-cli.ts).
import { parseDocument } from '../parse';
import { asPrinted, PY_WHITESPACE } from '../python-format';
import { findingsOf } from '../validate';
import { awsCliFindings } from '../rules/aws-cli';
import type { DictNode, Entry, Node, Span } from '../tree';
import { member } from '../tree';
import type { PutUsersRequest, User } from '../types';
import { CommandError, parseAwsArgs } from './argv';
import { detectShell, type ShellDialect, ShellSyntaxError, type ShellWord, shellWords } from './shell-words';
import { parseShorthand, ShorthandError } from './shorthand-parse';

export { CommandError } from './argv';

export interface PutUsersCommandOptions {
  /** The command line's shell; default: the one its line continuations show, else bash. */
  shell?: ShellDialect;
  /** A `file://` path's bytes, the path as written (relative to where the command runs); throws as node:fs does. */
  readFile: (path: string) => Uint8Array;
  /** The names in the directory the command runs in, so that bash globs can be checked (shell-words.ts). */
  cwdEntries?: readonly string[];
}

/** Why the command gives no request: located by offsets in the command line. */
export interface CommandProblem {
  start: number;
  end: number;
  message: string;
  /** What the AWS CLI prints on stderr (without its blank first line and its usage text); absent when the CLI would not reject it. */
  awsCli?: string;
}

export type CommandReading =
  { request: PutUsersRequest; problem?: undefined } | { request?: undefined; problem: CommandProblem };

/** The request the command line sends, or why there is none. */
export function readPutUsersCommand(text: string, options: PutUsersCommandOptions): CommandReading {
  try {
    return { request: requestOf(text, options) };
  } catch (e) {
    if (e instanceof CommandError)
      return { problem: { start: e.start, end: e.end, message: e.message, ...(e.awsCli ? { awsCli: e.awsCli } : {}) } };
    if (e instanceof ShellSyntaxError) return { problem: { start: e.start, end: e.end, message: e.message } };
    throw e;
  }
}

function requestOf(text: string, options: PutUsersCommandOptions): PutUsersRequest {
  const shell = options.shell ?? detectShell(text) ?? 'bash';
  const words = shellWords(text, shell, options.cwdEntries ? { cwdEntries: options.cwdEntries } : {});
  let k = 0;
  // `AWS_PROFILE=x aws ...`: variables set for the command change where it goes, not what it sends.
  if (shell === 'bash') while (k < words.length && /^[A-Za-z_]\w*=/.test(words[k]!.value)) k++;
  const program = words[k];
  if (!program || !/(^|[\\/])aws(\.exe|\.cmd)?$/i.test(program.value))
    throw new CommandError('The command must start with aws.', program?.start ?? 0, program?.end ?? text.length);
  const { options: given } = parseAwsArgs(words.slice(k + 1));

  const entries: Entry[] = [];
  const arn = given.get('--dataset-arn');
  if (arn) {
    const word = arn.values[0]!;
    const file = paramFile(word, '--dataset-arn', options);
    const span = { start: word.start, end: word.end };
    entries.push({
      key: strNode('datasetArn', arn.option),
      value: { type: 'str', value: file ?? word.value, ...span },
    });
  }
  const users = given.get('--users');
  if (users) entries.push({ key: strNode('users', users.option), value: usersValue(users.values, options) });

  const jsonInput = given.get('--cli-input-json');
  const yamlInput = given.get('--cli-input-yaml');
  if (jsonInput && yamlInput) {
    const second = jsonInput.option.start > yamlInput.option.start ? jsonInput : yamlInput;
    throw new CommandError(
      'Give --cli-input-json or --cli-input-yaml, not both.',
      second.option.start,
      second.option.end,
      'Only one --cli-input- parameter may be specified.',
    );
  }
  const input = jsonInput ?? yamlInput;
  if (input) {
    const loaded = cliInput(input.values[0]!, jsonInput ? 'json' : 'yaml', options);
    // The input file fills in only the top-level keys the command line does not give.
    const explicit = new Set(entries.map((e) => (e.key as { value: string }).value));
    for (const e of loaded.entries) if (e.key.type !== 'str' || !explicit.has(e.key.value)) entries.push(e);
  }
  const root: DictNode = { type: 'dict', entries, start: 0, end: text.length };
  const badKey = root.entries.find((e) => e.key.type !== 'str');
  if (badKey)
    throw new CommandError(
      'A top-level key of the input is not a string: the AWS CLI crashes on it.',
      badKey.key.start,
      badKey.key.end,
      'keywords must be strings',
    );
  const problems = awsCliFindings(root).filter((f) => f.awsCli !== undefined);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new CommandError(
      first.message,
      first.start,
      first.end,
      `Parameter validation failed:\n${problems.map((f) => asPrinted(f.awsCli!)).join('\n')}`,
    );
  }
  return requestFrom(root);
}

function strNode(value: string, at: Span): Node {
  return { type: 'str', value, start: at.start, end: at.end };
}

/** botocore's validation passed: the values are of the model's types. */
function requestFrom(root: DictNode): PutUsersRequest {
  const arn = member(root, 'datasetArn')!.value as { value: string };
  const list = member(root, 'users')!.value as Extract<Node, { type: 'list' }>;
  const users = list.items.map((item) => {
    const user = item as DictNode;
    const out: User = { userId: (member(user, 'userId')!.value as { value: string }).value };
    const props = member(user, 'properties')?.value;
    if (props?.type === 'str') out.properties = props.value;
    return out;
  });
  return { datasetArn: arn.value, users };
}

/** A copy of the tree with every span moved by `f`. */
function remap(node: Node, f: (s: Span) => Span): Node {
  const span = f(node);
  if (node.type === 'dict')
    return { ...node, ...span, entries: node.entries.map((e) => ({ key: remap(e.key, f), value: remap(e.value, f) })) };
  if (node.type === 'list') return { ...node, ...span, items: node.items.map((n) => remap(n, f)) };
  return { ...node, ...span };
}

/** Offsets in a word's value → offsets in the command line. */
function inWord(word: ShellWord): (s: Span) => Span {
  return (s) => {
    const start = word.offsets[Math.min(s.start, word.value.length)]!;
    const end = s.end > s.start ? word.offsets[s.end - 1]! + 1 : start;
    return { start, end: Math.max(start, end) };
  };
}

/** Spans of text read from a file: the whole `file://` word. */
const atWord =
  (word: ShellWord) =>
  (_: Span): Span => ({ start: word.start, end: word.end });

/**
 * The text of a `file://` value, or undefined when the value is no file reference. Python opens
 * it in text mode: UTF-8, and universal newlines (`\r\n` and `\r` read as `\n`).
 */
function paramFile(word: ShellWord, cliName: string, options: PutUsersCommandOptions): string | undefined {
  if (word.value.startsWith('fileb://'))
    throw new CommandError('fileb:// (binary) values are not supported here.', word.start, word.end);
  if (!word.value.startsWith('file://')) return undefined;
  const path = word.value.slice('file://'.length);
  // Python expands ~ and $VAR in the path (os.path.expanduser, expandvars): unknown here.
  if (path.startsWith('~') || /\$(\w|\{)/.test(path))
    throw new CommandError(
      'The AWS CLI expands ~ and $VARIABLES in file:// paths; write the path in full.',
      word.start,
      word.end,
    );
  const paramError = (why: string) =>
    new CommandError(why, word.start, word.end, `Error parsing parameter '${cliName}': ${why}`);
  let bytes: Uint8Array;
  try {
    bytes = options.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const errno =
      code === 'ENOENT'
        ? [2, 'No such file or directory']
        : code === 'EISDIR'
          ? [21, 'Is a directory']
          : code === 'EACCES'
            ? [13, 'Permission denied']
            : undefined;
    const reason = errno ? `[Errno ${errno[0]}] ${errno[1]}: ${pyQuote(path)}` : String((e as Error).message);
    throw paramError(`Unable to load paramfile ${word.value}: ${reason}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    throw paramError(
      `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
    );
  }
}

/** Python's repr() of a path string, as in "No such file or directory: 'x.json'". */
function pyQuote(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// Python's str.lstrip().
const PY_WS = new RegExp(`^[${PY_WHITESPACE}]+`, 'u');
const pyLstrip = (s: string) => s.replace(PY_WS, '');

function usersError(message: string, at: Span, cliWords?: string): CommandError {
  return new CommandError(message, at.start, at.end, cliWords ?? `Error parsing parameter '--users': ${message}`);
}

/** The `--users` value as the CLI unpacks it (awscli/argprocess.py). */
function usersValue(values: ShellWord[], options: PutUsersCommandOptions): Node {
  if (values.length === 0) return { type: 'list', items: [], start: 0, end: 0 };
  // file:// is read only when --users has exactly one word; the content is then one string.
  const file = values.length === 1 ? paramFile(values[0]!, '--users', options) : undefined;
  if (file !== undefined) return usersFromFile(file, values[0]!);
  const first = values[0]!;
  const looksJson = /^[[{]/.test(pyLstrip(first.value).trimEnd());
  if (!looksJson) {
    const items = values.map((w) => remap(shorthand(w.value, inWord(w), w), inWord(w)));
    return { type: 'list', items, start: first.start, end: values[values.length - 1]!.end };
  }
  if (values.length === 1 && pyLstrip(first.value).startsWith('[')) return jsonValue(first.value, inWord(first), first);
  const items = values.map((w) => {
    const v = pyLstrip(w.value);
    if (v === '')
      throw usersError('An empty --users word among JSON words crashes the AWS CLI.', w, 'string index out of range');
    if (v[0] !== '{') throw usersError(`Invalid JSON:\n${w.value}`, w);
    return jsonValue(w.value, inWord(w), w);
  });
  return { type: 'list', items, start: first.start, end: values[values.length - 1]!.end };
}

/** The content of `--users file://F`: a JSON list, or shorthand read as one user (not a list). */
function usersFromFile(text: string, word: ShellWord): Node {
  const stripped = pyLstrip(text).trimEnd();
  if (!/^[[{]/.test(stripped)) return remap(shorthand(text, atWord(word), word), atWord(word));
  if (pyLstrip(text).startsWith('[')) return jsonValue(text, atWord(word), word);
  // A string that is no JSON list is unpacked one character at a time: the first decides.
  if (pyLstrip(text[0]!) === '')
    throw usersError(
      'A file:// --users value that starts with whitespace and then "{" crashes the AWS CLI.',
      word,
      'string index out of range',
    );
  throw usersError(
    'Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {',
    word,
  );
}

function shorthand(value: string, at: (s: Span) => Span, word: ShellWord): Node {
  try {
    return parseShorthand(value);
  } catch (e) {
    if (!(e instanceof ShorthandError)) throw e;
    const span = at(e);
    throw new CommandError(
      e.message,
      span.start,
      span.end || word.end,
      `Error parsing parameter '--users': ${e.message}`,
    );
  }
}

function jsonValue(text: string, at: (s: Span) => Span, word: ShellWord): Node {
  const parsed = parseDocument(text, 'json');
  if (parsed.error) {
    const span = at(parsed.error);
    // The CLI prints Python's json message here ("Expecting ',' delimiter: line 1 column 14 (char 13)"); ours differs.
    throw new CommandError(
      `Invalid JSON: ${parsed.error.message}\nJSON received: ${text}`,
      span.start,
      Math.max(span.end, span.start),
      parsed.error.awsCli ??
        `Error parsing parameter '--users': Invalid JSON: ${parsed.error.message}\nJSON received: ${text}`,
    );
  }
  if (!parsed.root)
    throw usersError(`Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: ${text}`, word);
  return remap(parsed.root, at);
}

/** The mapping `--cli-input-json|yaml` gives: inline text or a file, checked as the CLI checks it. */
function cliInput(word: ShellWord, format: 'json' | 'yaml', options: PutUsersCommandOptions): DictNode {
  const flag = format === 'json' ? '--cli-input-json' : '--cli-input-yaml';
  const file = paramFile(word, flag, options);
  const text = file ?? word.value;
  const parsed = parseDocument(text, format);
  const early = findingsOf(text, format, parsed).find((f) =>
    ['cli/invalid-json', 'cli/invalid-yaml', 'cli/crash', 'cli/not-a-map', 'cli/too-large'].includes(f.code),
  );
  if (early && !(early.code === 'cli/crash' && early.awsCli === 'keywords must be strings')) {
    const where = `${file !== undefined ? word.value.slice('file://'.length) : flag} line ${early.range.start.line + 1}, column ${early.range.start.character + 1}`;
    throw new CommandError(`${early.message} (${where})`, word.start, word.end, early.awsCli);
  }
  const root = parsed.root as DictNode;
  return remap(root, file !== undefined ? atWord(word) : inWord(word)) as DictNode;
}
