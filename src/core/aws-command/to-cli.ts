// An input file as an `aws personalize-events put-users` command: the `--cli-input-json|yaml
// file://PATH` form, or the self-contained `--dataset-arn ARN --users ...` form, for one shell.
import type { Format, PutUsersRequest, User } from '../types';
import { NotExpressibleError } from './not-expressible';
import { type CommandLineOptions, commandLine, type Shell } from './shell';
import { type ShorthandQuote, shorthandUsers } from './shorthand-format';

const OPERATION = ['aws', 'personalize-events', 'put-users'] as const;

/** The AWS CLI reads an argument that starts with one of these as a file (every argument, not only --users). */
const FILE_PREFIXES = ['file://', 'fileb://'];

/** The words of the file form; `path` as it should appear (relative paths resolve against the command's directory). */
export function cliInputWords(path: string, format: Format, shell: Shell): string[] {
  // The CLI expands `~` (os.path.expanduser) and environment variables (os.path.expandvars:
  // `$NAME`, `${NAME}`, and on Windows `%NAME%` too) in the path before opening it.
  if (path.includes('$') || (shell !== 'bash' && path.includes('%')))
    throw new NotExpressibleError(
      `the AWS CLI would expand the variable references in the path ${JSON.stringify(path)}; use --inline`,
    );
  const safePath = path.startsWith('~') ? `./${path}` : path;
  return [...OPERATION, format === 'yaml' ? '--cli-input-yaml' : '--cli-input-json', `file://${safePath}`];
}

export interface InlineOptions {
  /** Shorthand words where every user allows it (default); false: always one JSON word. */
  shorthand?: boolean;
}

/** The words of the self-contained form: `--dataset-arn ARN --users` then shorthand words, or one JSON word. */
export function inlineWords(request: PutUsersRequest, shell: Shell, options: InlineOptions = {}): string[] {
  const arn = request.datasetArn;
  if (FILE_PREFIXES.some((p) => arn.startsWith(p)))
    throw new NotExpressibleError('the AWS CLI would read a dataset ARN starting with file:// as a file');
  // `--dataset-arn=-x`: argparse would take a separate `-x` for an option.
  const arnWords = arn.startsWith('-') ? [`--dataset-arn=${arn}`] : ['--dataset-arn', arn];
  const shorthand = options.shorthand === false ? undefined : shorthandUsers(request.users, { quote: QUOTE[shell] });
  return [...OPERATION, ...arnWords, '--users', ...(shorthand ?? [usersJson(request.users)])];
}

/**
 * The shorthand quote each shell's quoting costs least: bash wraps the word in '...' (so `"`
 * is free), while PowerShell and cmd.exe pass the word through the C runtime, where `"` is `\"`.
 */
const QUOTE: Record<Shell, ShorthandQuote> = { bash: '"', powershell: "'", cmd: "'" };

/** The users as one JSON word, members in the order the CLI's skeleton has them; controls and lone surrogates escaped. */
export function usersJson(users: readonly User[]): string {
  return JSON.stringify(
    users.map((u) =>
      u.properties === undefined ? { userId: u.userId } : { userId: u.userId, properties: u.properties },
    ),
  );
}

export interface ToCliOptions extends CommandLineOptions, InlineOptions {
  shell: Shell;
  /** The self-contained form instead of the file form. */
  inline?: boolean;
}

/** The command for an input: `path` and `format` for the file form, `request` (the file's) for the inline one. */
export function toCliCommand(
  input: { path: string; format: Format; request: PutUsersRequest },
  options: ToCliOptions,
): string {
  const words = options.inline
    ? inlineWords(input.request, options.shell, options)
    : cliInputWords(input.path, input.format, options.shell);
  return commandLine(options.shell, words, options);
}
