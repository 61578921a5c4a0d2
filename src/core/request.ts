// The request a file holds, for sending, and the input file that holds a request.
import { quoteString } from './emit';
import { parseDocument } from './parse';
import type { DictNode, ParseResult } from './tree';
import { member } from './tree';
import type { Finding, Format, PutUsersRequest, User } from './types';
import { findingsOf } from './validate';

/**
 * The request when the AWS CLI would accept the file's shape (any number of users), plus all
 * findings. `parsed`: the parse of `text` when the caller has it already (the extension's cache).
 */
export function readRequest(
  text: string,
  format: Format,
  parsed: ParseResult = parseDocument(text, format),
): { request?: PutUsersRequest; findings: Finding[] } {
  const findings = findingsOf(text, format, parsed);
  if (findings.some((f) => f.severity === 'error' && f.code.startsWith('cli/')) || parsed.root?.type !== 'dict')
    return { findings };
  const root = parsed.root;
  const arn = member(root, 'datasetArn')!.value;
  const list = member(root, 'users')!.value;
  if (arn.type !== 'str' || list.type !== 'list') return { findings };
  const users: User[] = list.items.map((item) => {
    const user = item as DictNode;
    const id = member(user, 'userId')!.value;
    const props = member(user, 'properties')?.value;
    const out: User = { userId: id.type === 'str' ? id.value : '' };
    if (props?.type === 'str') out.properties = props.value;
    return out;
  });
  return { request: { datasetArn: arn.value, users }, findings };
}

/**
 * What a sender needs: the request, unless the file has errors, and the findings to show. More
 * than 10 users is no finding here: sending them as several requests is what senders do.
 */
export function readRequestToSend(
  text: string,
  format: Format,
  parsed?: ParseResult,
): { request?: PutUsersRequest; findings: Finding[]; errors: Finding[] } {
  const { request, findings } = readRequest(text, format, parsed);
  const shown = findings.filter((f) => f.code !== 'service/too-many-users');
  const errors = shown.filter((f) => f.severity === 'error');
  return { ...(request && errors.length === 0 ? { request } : {}), findings: shown, errors };
}

/** An input file for `--cli-input-json` (indented by 4 like the CLI's skeleton) or `--cli-input-yaml`. */
export function writeInput(request: PutUsersRequest, format: Format): string {
  const ordered = {
    datasetArn: request.datasetArn,
    users: request.users.map((u) =>
      u.properties === undefined ? { userId: u.userId } : { userId: u.userId, properties: u.properties },
    ),
  };
  if (format === 'json') return JSON.stringify(ordered, null, 4) + '\n';
  let out = `datasetArn: ${quoteString(ordered.datasetArn, 'yaml')}\nusers:${ordered.users.length ? '' : ' []'}\n`;
  for (const u of ordered.users) {
    out += `- userId: ${quoteString(u.userId, 'yaml')}\n`;
    if (u.properties !== undefined) out += `  properties: ${quoteString(u.properties, 'yaml')}\n`;
  }
  return out;
}

/** `.yaml`/`.yml` are YAML, everything else JSON. */
export function formatOfPath(path: string): Format {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}
