// What is at an offset of a parsed document: the chain of nodes from the root, with the keys
// and indexes that lead there. Hovers, completions and quick fixes start from this.
import type { Entry, Node } from './tree';

export interface PathStep {
  /** The member name or list index leading to `node`. */
  segment: string | number;
  node: Node;
  /** The mapping entry, when the step is a member. */
  entry?: Entry;
}

export interface Location {
  /** Steps from the root to the innermost node containing the offset. */
  steps: PathStep[];
  /** True when the offset is on a key (not its value). */
  onKey: boolean;
}

const contains = (node: { start: number; end: number }, offset: number) => offset >= node.start && offset <= node.end;

export function locate(root: Node, offset: number): Location {
  const steps: PathStep[] = [];
  let node: Node = root;
  let onKey = false;
  for (;;) {
    if (node.type === 'dict') {
      const entry = node.entries.find((e) => contains(e.key, offset) || contains(e.value, offset));
      if (!entry) break;
      const segment = entry.key.type === 'str' ? entry.key.value : String(entry.key.start);
      steps.push({ segment, node: entry.value, entry });
      if (contains(entry.key, offset) && !(entry.value.start <= offset && entry.value.end > entry.value.start)) {
        onKey = true;
        break;
      }
      node = entry.value;
    } else if (node.type === 'list') {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) break;
      steps.push({ segment: index, node: node.items[index]! });
      node = node.items[index]!;
    } else break;
  }
  return { steps, onKey };
}

/** The index of the user a location is in (`users[i]...`), if any. */
export function userIndexOf(steps: PathStep[]): number | undefined {
  return steps[0]?.segment === 'users' && typeof steps[1]?.segment === 'number' ? steps[1].segment : undefined;
}
