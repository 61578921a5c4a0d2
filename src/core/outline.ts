// What the editor shows of an input's shape besides its findings: folding regions, the outline
// (users named by their userId), the facts the Send lens states, and the property keys users have.
// Plain data with line/character positions, so the parse can run off the editor's thread and
// only these cross back. Bounded by the users, however the file nests or aliases.
import { plural } from './plural';
import { lineIndex, type LineIndex } from './positions';
import { propertiesObject, propertyValueUses, type PropertyValueUse } from './property-values';
import { type DictNode, type Entry, member, type Node, usersList } from './tree';
import type { Position, Range } from './types';

/** VS Code folds at most this many regions (editor.foldingMaximumRegions' default): no use computing more. */
export const MAX_FOLDS = 5000;

/**
 * Users listed in the outline, at most: each edit recomputes it, and VS Code's outline, breadcrumbs
 * and sticky scroll ask for it (VS Code's JSON caps its symbols at 5,000 items, json.maxItemsComputed).
 */
export const MAX_OUTLINE_USERS = 2000;

/** A foldable region, in lines (0-based, both inclusive). */
export interface Fold {
  start: number;
  end: number;
}

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'array' | 'property' | 'object' | 'field';
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** What the Send lens above `users` says, and where it goes. */
export interface SendLensFacts {
  at: Position;
  userCount: number;
  datasetArn?: string;
}

/** A key of users' `properties`: how many users have it, and the first that does. */
export interface PropertyKeyUse {
  key: string;
  users: number;
  firstUser: number;
}

export interface Outline {
  folds: Fold[];
  symbols: OutlineSymbol[];
  /** Absent unless the document is a mapping. */
  sendLens?: SendLensFacts;
  propertyKeys: PropertyKeyUse[];
  /** The values users give each key, for completions at a value. */
  propertyValues: PropertyValueUse[];
}

export function outlineOf(text: string, root: Node | null | undefined): Outline {
  if (root?.type !== 'dict') return { folds: [], symbols: [], propertyKeys: [], propertyValues: [] };
  const lines = lineIndex(text);
  // Each user's properties, parsed once for the outline and the completions' keys and values.
  const objects = new Map<Node, Record<string, unknown> | undefined>();
  const objectOfUser = (user: Node) => {
    if (user.type !== 'dict') return undefined;
    if (!objects.has(user)) {
      const properties = member(user, 'properties')?.value;
      objects.set(user, properties?.type === 'str' ? propertiesObject(properties.value) : undefined);
    }
    return objects.get(user);
  };
  const keysOfUser = (user: DictNode) => Object.keys(objectOfUser(user) ?? {});
  return {
    folds: foldsOf(text, root, lines),
    symbols: symbolsOf(text, root, lines, keysOfUser),
    sendLens: sendLensFacts(root, lines),
    propertyKeys: propertyKeysOf(root, keysOfUser),
    propertyValues: propertyValueUses(root, objectOfUser),
  };
}

/** Each top-level member, the users list, each user and each of its members. */
function foldsOf(text: string, root: DictNode, lines: LineIndex): Fold[] {
  const folds: Fold[] = [];
  const fold = (start: number, end: number) => {
    while (end > start && /\s/.test(text[end - 1]!)) end--; // a YAML node ends after its line break
    const first = lines.positionAt(start).line;
    const last = lines.positionAt(end);
    const lastLineStart = end - last.character;
    // A closing bracket alone on its line stays in sight, as VS Code's JSON folding leaves it.
    const lastShown = /^\s*[\]}]$/.test(text.slice(lastLineStart, end)) ? last.line - 1 : last.line;
    if (lastShown > first) folds.push({ start: first, end: lastShown });
  };
  const foldEntry = ({ key, value }: Entry) => fold(key.start, value.end);
  for (const entry of root.entries) {
    foldEntry(entry);
    if (entry.value.type !== 'list' || !within(entry.value, root)) continue;
    for (const user of entry.value.items) {
      if (folds.length >= MAX_FOLDS) break;
      if (!within(user, entry.value)) continue;
      fold(user.start, user.end);
      if (user.type === 'dict') user.entries.filter((e) => within(e.value, user)).forEach(foldEntry);
    }
  }
  return folds.slice(0, MAX_FOLDS);
}

/** An alias's node lies elsewhere in the file: folding it from here would fold the wrong lines. */
const within = (node: Node, outer: Node) => node.start >= outer.start && node.end <= outer.end;

/** datasetArn with its value, and users named by their userId (the index beside it), each with its properties' keys. */
type KeysOfUser = (user: DictNode) => string[];

function symbolsOf(text: string, root: DictNode, lines: LineIndex, keysOfUser: KeysOfUser): OutlineSymbol[] {
  const span = (node: Node) => lines.rangeOf(node.start, node.end);
  return root.entries.map((entry) => {
    const name = entry.key.type === 'str' ? entry.key.value : text.slice(entry.key.start, entry.key.end);
    const range = lines.rangeOf(entry.key.start, entry.value.end);
    const selectionRange = span(entry.key);
    if (name === 'users' && entry.value.type === 'list') {
      const count = entry.value.items.length;
      const detail =
        count > MAX_OUTLINE_USERS
          ? `${plural(count, 'user')} (the first ${MAX_OUTLINE_USERS.toLocaleString('en-US')} listed)`
          : plural(count, 'user');
      const children = entry.value.items
        .slice(0, MAX_OUTLINE_USERS)
        .map((item, i) => userSymbol(item, i, span, keysOfUser));
      return { name: 'users', detail, kind: 'array', range, selectionRange, children };
    }
    const detail = entry.value.type === 'str' ? entry.value.value : '';
    return { name, detail, kind: 'property', range, selectionRange, children: [] };
  });
}

function userSymbol(item: Node, index: number, span: (node: Node) => Range, keysOfUser: KeysOfUser): OutlineSymbol {
  const id = item.type === 'dict' ? member(item, 'userId')?.value : undefined;
  const name = id?.type === 'str' && id.value.trim() !== '' ? id.value : `users[${index}]`;
  return {
    name,
    detail: name === `users[${index}]` ? '' : `users[${index}]`,
    kind: 'object',
    range: span(item),
    selectionRange: id ? span(id) : span(item),
    children: item.type === 'dict' ? propertySymbols(item, span, keysOfUser(item)) : [],
  };
}

/** The keys of a user's `properties` string, as one symbol. */
function propertySymbols(user: DictNode, span: (node: Node) => Range, keys: string[]): OutlineSymbol[] {
  const properties = member(user, 'properties');
  if (properties?.value.type !== 'str') return [];
  const key = span(properties.key);
  const value = span(properties.value);
  return [
    {
      name: 'properties',
      detail: keys.join(', '),
      kind: 'field',
      // Both spans: in YAML an alias's value may lie before its key.
      range: {
        start: earlier(key.start, value.start),
        end: earlier(key.end, value.end) === key.end ? value.end : key.end,
      },
      selectionRange: key,
      children: [],
    },
  ];
}

const earlier = (a: Position, b: Position) => ((a.line - b.line || a.character - b.character) <= 0 ? a : b);

function sendLensFacts(root: DictNode, lines: LineIndex): SendLensFacts {
  const users = member(root, 'users');
  const arn = member(root, 'datasetArn');
  return {
    at: lines.positionAt((users?.key ?? root).start),
    userCount: users?.value.type === 'list' ? users.value.items.length : 0,
    datasetArn: arn?.value.type === 'str' ? arn.value.value : undefined,
  };
}

function propertyKeysOf(root: DictNode, keysOfUser: KeysOfUser): PropertyKeyUse[] {
  const uses = new Map<string, PropertyKeyUse>();
  usersList(root)?.items.forEach((user, index) => {
    if (user.type !== 'dict') return;
    for (const key of keysOfUser(user)) {
      const use = uses.get(key);
      if (use) use.users++;
      else uses.set(key, { key, users: 1, firstUser: index });
    }
  });
  return [...uses.values()];
}
