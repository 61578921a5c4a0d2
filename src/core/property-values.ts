// The values users give each `properties` key, for completions at a value: gathered from parsed
// input files (this one and the workspace's others), counted, and bounded so that a file of
// 10,000 users or a workspace of many files stays small.
import type { UsedValue } from './completion-proposals';
import { member, type Node, usersList } from './tree';

/** Key → value literal (`"gold"`, `30`, `true`) → how many users have it. */
export type PropertyValues = Map<string, Map<string, number>>;

/** Distinct values kept per key; longer strings than this are no value one picks from a list. */
const MAX_VALUES_PER_KEY = 200;
const MAX_VALUE_LENGTH = 200;

/** A `properties` string as the JSON object it holds; undefined when it holds none (the findings say why). */
export function propertiesObject(properties: string): Record<string, unknown> | undefined {
  if (!properties.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(properties);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A value as the literal a completion offers, or undefined when it is none to pick from a list. */
function valueLiteral(value: unknown): string | undefined {
  const fits =
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && value.length > 0 && value.length <= MAX_VALUE_LENGTH);
  return fits ? JSON.stringify(value) : undefined;
}

/** A `properties` value some users give a key: how many, and the first that does. */
export interface PropertyValueUse {
  key: string;
  literal: string;
  users: number;
  firstUser: number;
}

/**
 * The values users give each key (at most MAX_VALUES_PER_KEY a key), from each user's
 * `properties` object (`objectOfUser`, parsed once by the caller), in the users' order.
 */
export function propertyValueUses(
  root: Node | null | undefined,
  objectOfUser: (user: Node) => Record<string, unknown> | undefined,
): PropertyValueUse[] {
  const byKey = new Map<string, Map<string, PropertyValueUse>>();
  usersList(root)?.items.forEach((user, index) => {
    for (const [key, value] of Object.entries(objectOfUser(user) ?? {})) {
      const literal = valueLiteral(value);
      if (literal === undefined) continue;
      let values = byKey.get(key);
      if (!values) byKey.set(key, (values = new Map()));
      const use = values.get(literal);
      if (use) use.users++;
      else if (values.size < MAX_VALUES_PER_KEY) values.set(literal, { key, literal, users: 1, firstUser: index });
    }
  });
  return [...byKey.values()].flatMap((values) => [...values.values()]);
}

/** The uses counted without `user` (the one being edited: its value at the cursor is being typed). */
export function valuesOfOtherUsers(uses: readonly PropertyValueUse[], user: number): PropertyValues {
  const values: PropertyValues = new Map();
  for (const use of uses) {
    const others = use.firstUser === user ? use.users - 1 : use.users;
    if (others === 0) continue;
    let counts = values.get(use.key);
    if (!counts) values.set(use.key, (counts = new Map()));
    counts.set(use.literal, others);
  }
  return values;
}

/** Adds the values of every user of `root` (but `exceptUser`) to `into`. */
export function addPropertyValues(root: Node | null | undefined, into: PropertyValues, exceptUser?: number): void {
  usersList(root)?.items.forEach((user, index) => {
    if (index === exceptUser || user.type !== 'dict') return;
    const properties = member(user, 'properties')?.value;
    const object = properties?.type === 'str' ? propertiesObject(properties.value) : undefined;
    for (const [key, value] of Object.entries(object ?? {})) {
      const literal = valueLiteral(value);
      if (literal === undefined) continue;
      let values = into.get(key);
      if (!values) into.set(key, (values = new Map()));
      const uses = values.get(literal);
      if (uses !== undefined) values.set(literal, uses + 1);
      else if (values.size < MAX_VALUES_PER_KEY) values.set(literal, 1);
    }
  });
}

/** The values of `key` in each of `sources`, counted together, most used first (then in text order). */
export function usedValuesOf(key: string, ...sources: readonly PropertyValues[]): UsedValue[] {
  const total = new Map<string, number>();
  for (const source of sources)
    for (const [literal, uses] of source.get(key) ?? []) total.set(literal, (total.get(literal) ?? 0) + uses);
  return [...total]
    .map(([literal, uses]) => ({ literal, uses }))
    .sort((a, b) => b.uses - a.uses || (a.literal < b.literal ? -1 : a.literal > b.literal ? 1 : 0));
}
