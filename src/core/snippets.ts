// Snippets in VS Code's syntax (`$1`, `${1:default}`, `\$` for a dollar): what the core's
// completions and skeletons are written in, and how tests see the text they insert; and the
// input and user snippets the completions offer where a whole input or a user can go.
import { memberOf, PUT_USERS_REQUEST, USER } from './model';
import type { Format } from './types';

/** Text as a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The text a snippet inserts when every placeholder keeps its default (what tests apply). */
export function expandSnippet(snippet: string): string {
  return expandFrom(snippet, 0, false).text;
}

/** Expands from `i` to the end, or (`nested`) to the `}` closing a placeholder's default. */
function expandFrom(snippet: string, i: number, nested: boolean): { text: string; end: number } {
  let out = '';
  while (i < snippet.length) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1]!)) {
      out += snippet[i + 1];
      i += 2;
    } else if (nested && c === '}') return { text: out, end: i + 1 };
    else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const head = /^\$\{\d+(?:(:)|\|([^,|]*)[^|]*\|\})?/.exec(snippet.slice(i))!;
      i += head[0].length;
      if (head[1]) {
        // `${1:default}`, the default possibly holding placeholders of its own.
        const inner = expandFrom(snippet, i, true);
        out += inner.text;
        i = inner.end;
      } else if (head[2] !== undefined)
        out += head[2]; // `${1|first,second|}`: its first choice
      else i++; // `${1}`
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, end: i };
}

/**
 * The datasetArn of the model's example as one tab stop: Ctrl+Space there offers the workspace's
 * ARNs and the template (whose region, account and dataset group are stops of their own). Stops
 * nested in it would outlive its replacement, inside the new ARN.
 */
const arnSnippet = (stop: number) =>
  `\${${stop}:${escapeSnippet(memberOf(PUT_USERS_REQUEST, 'datasetArn')!.example!)}}`;

/** The model's example properties (`{"numberOfVideosWatched": "45"}`) with its key and value as tab stops, as JSON text. */
function propertiesSnippet(first: number): string {
  const [[key, value]] = Object.entries(JSON.parse(memberOf(USER, 'properties')!.example!) as Record<string, string>);
  return `{"\${${first}:${key!}}": "\${${first + 1}:${value!}}"}`;
}

/** A user whose id is `id`, in JSON (tab-indented, as VS Code re-indents a snippet) or as a YAML item at `indent`. */
export function userSnippet(format: Format, id: string, first = 1, indent = ''): string {
  const userId = `\${${first}:${escapeSnippet(id)}}`;
  const properties = propertiesSnippet(first + 1);
  return format === 'json'
    ? `{\n\t"userId": "${userId}",\n\t"properties": "${properties.replace(/"/g, '\\\\"')}"\n}`
    : `${indent}- userId: '${userId}'\n${indent}  properties: '${properties}'`;
}

/** A whole PutUsers input with one user, the model's examples as its tab stops. */
export function inputSnippet(format: Format): string {
  const user = userSnippet(format, memberOf(USER, 'userId')!.example!, 2);
  return format === 'json'
    ? `{\n\t"datasetArn": "${arnSnippet(1)}",\n\t"users": [\n${user.replace(/^/gm, '\t\t')}\n\t]\n}`
    : `datasetArn: ${arnSnippet(1)}\nusers:\n${user}\n`;
}
