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

/** Adds the values of every user of `root` (but `exceptUser`) to `into`. */
export function addPropertyValues(root: Node | null | undefined, into: PropertyValues, exceptUser?: number): void {
  usersList(root)?.items.forEach((user, index) => {
    if (index === exceptUser || user.type !== 'dict') return;
    const properties = member(user, 'properties')?.value;
    if (properties?.type !== 'str' || !properties.value.trimStart().startsWith('{')) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(properties.value);
    } catch {
      return; // not JSON: the findings say so
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    for (const [key, value] of Object.entries(parsed)) {
      const fits =
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        (typeof value === 'string' && value.length > 0 && value.length <= MAX_VALUE_LENGTH);
      if (!fits) continue;
      const literal = JSON.stringify(value);
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
