// Where the input and user snippets fit: a whole input in an empty file, a user where an element
// of `users` goes (JSON) or a new item of the `users:` list starts (YAML), as edits that keep the
// file parsing (a comma before or after the user when a neighbour needs one). Offered there
// only: a snippet inside a string, or a user inside another user, breaks the file.
import { bareTokenAround, nextNonSpace, previousNonSpace } from './completion-context';
import type { CompletionProposal } from './completion-proposals';
import { jsonCursor, type JsonCursorMemo } from './json-cursor';
import { MAX_USERS_PER_REQUEST } from './model';
import { inputSnippet, userSnippet } from './snippets';
import type { Format } from './types';

export interface SnippetSpot {
  snippet: 'input' | 'user';
  /** The text replaced: a word typed at the cursor; in YAML, the item's whole line (its indentation too). */
  start: number;
  end: number;
  /** A user: its index in `users` (for an id no other user has yet). */
  index?: number;
  /** YAML: the column the list's `- ` is at. */
  indent?: string;
  /** JSON: a comma goes here, after the element before. */
  commaAt?: number;
  /** JSON: an element follows, so the user ends with a comma. */
  commaAfter?: boolean;
}

export function snippetSpot(
  text: string,
  offset: number,
  format: Format,
  memo?: JsonCursorMemo,
): SnippetSpot | undefined {
  const word = format === 'json' ? bareTokenAround(text, offset) : yamlWordAround(text, offset);
  const blank = format === 'json' ? /^\s*$/ : /^(\s*(#.*)?(\n|$))*$/;
  if (blank.test(text.slice(0, word.start)) && blank.test(text.slice(word.end))) return { snippet: 'input', ...word };
  return format === 'json' ? jsonUserSpot(text, offset, word, memo) : yamlItemSpot(text, offset);
}

function yamlWordAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && /[\w-]/.test(text[end]!)) end++;
  return { start, end };
}

/** Between the elements of `users` (not in one): `[ | ]`, `[{…}, | ]`, or after the last one on a new line. */
function jsonUserSpot(
  text: string,
  offset: number,
  word: { start: number; end: number },
  memo?: JsonCursorMemo,
): SnippetSpot | undefined {
  const cursor = jsonCursor(text, offset, memo);
  if (cursor.elementIndex === undefined || cursor.path.length !== 1 || cursor.path[0] !== 'users') return undefined;
  const before = previousNonSpace(text, word.start);
  const after = text[nextNonSpace(text, word.end)];
  // After an element that has no comma yet (the line after the last user): the comma goes after it.
  const needsComma = text[before] !== '[' && text[before] !== ',';
  if (needsComma && !/[}\]"\w]/.test(text[before] ?? '')) return undefined;
  if (after !== ']' && after !== ',' && after !== '{') return undefined;
  const index = cursor.elementIndex + (needsComma ? 1 : 0);
  // One request takes so many users (Send splits a longer file, but the AWS CLI refuses it).
  if (index >= MAX_USERS_PER_REQUEST) return undefined;
  return {
    snippet: 'user',
    ...word,
    index,
    ...(needsComma ? { commaAt: before + 1 } : {}),
    ...(after === '{' ? { commaAfter: true } : {}),
  };
}

/**
 * A line of its own under `users:` (blank, or a `-` or a word typed) where an item can start: the
 * line below begins another item or leaves the list (else the new item would take the keys below).
 */
function yamlItemSpot(text: string, offset: number): SnippetSpot | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  let lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  if (offset > lineEnd) return undefined; // inside a CRLF
  const lineText = text.slice(lineStart, lineEnd);
  const own = /^([ \t]*)(?:-[ \t]*)?[\w-]*[ \t]*$/.exec(lineText);
  if (!own) return undefined;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop(); // the cursor's line
  // Up to `users:`, nothing at the top level: the line is in its list.
  let usersLine = -1;
  for (let l = lines.length - 1; l >= 0; l--) {
    const line = lines[l]!.replace(/\r$/, '');
    if (/^users:[ \t]*(#.*)?$/.test(line)) {
      usersLine = l;
      break;
    }
    if (/^[^\s#-]/.test(line) || /^-[^ \t]/.test(line)) return undefined;
  }
  if (usersLine < 0) return undefined;
  const items = lines.slice(usersLine + 1).filter((l) => /^\s*- /.test(l));
  if (items.length >= MAX_USERS_PER_REQUEST) return undefined;
  const indent = items.length > 0 ? /^\s*/.exec(items[0]!)![0] : own[1]!;
  const below = text
    .slice(lineEndAt < 0 ? text.length : lineEndAt + 1)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .find((l) => !/^\s*(#.*)?$/.test(l));
  const belowIndent = below === undefined ? -1 : /^\s*/.exec(below)![0].length;
  // The line below starts another item, or leaves the list (a key of the top level, or less indented).
  const fits =
    below === undefined ||
    belowIndent < indent.length ||
    (belowIndent === indent.length && /^\s*- /.test(below)) ||
    /^[^\s#-]/.test(below);
  if (!fits) return undefined;
  return { snippet: 'user', start: lineStart, end: lineEnd, index: items.length, indent };
}

export function snippetProposals(spot: SnippetSpot, format: Format): CompletionProposal[] {
  if (spot.snippet === 'input')
    return [
      {
        label: 'PutUsers input',
        kind: 'input-snippet',
        snippet: inputSnippet(format),
        start: spot.start,
        end: spot.end,
        filterText: 'putusers',
      },
    ];
  const user = userSnippet(format, `user-${(spot.index ?? 0) + 1}`, 1, spot.indent);
  return [
    {
      label: 'PutUsers user',
      kind: 'user-snippet',
      snippet: user + (spot.commaAfter ? ',' : ''),
      start: spot.start,
      end: spot.end,
      // YAML: what may be typed on the item's line (`- `, a word); the editor skips the indentation.
      filterText: format === 'json' ? 'putusers-user' : '- userId putusers-user',
      ...(spot.commaAt !== undefined ? { commaAt: spot.commaAt } : {}),
    },
  ];
}
