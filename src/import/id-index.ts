// The user ids an import has seen, each with the line it was first on, in flat typed arrays:
// with a JavaScript Map of a million ids the import's heap ended at 167 MB, with this index at
// 81 MB (docs/benchmarks.md), and its memory must stay within 200 MB for a million rows.
// Exact: ids are compared in full.

export interface IdIndex {
  /** The line the id was first seen on, if it was. */
  get(id: string): number | undefined;
  /** Records an id not seen before. */
  add(id: string, line: number): void;
}

const EMPTY = -1;

export function createIdIndex(): IdIndex {
  let chars = new Uint16Array(1 << 16); // every id's UTF-16 code units, one after another
  let used = 0;
  let starts = new Uint32Array(1 << 10);
  let lengths = new Uint16Array(1 << 10); // a user id has at most 256 characters
  let lines = new Uint32Array(1 << 10);
  let count = 0;
  let slots = new Int32Array(1 << 11).fill(EMPTY); // open addressing: an entry's index, or EMPTY

  /** FNV-1a over `length` UTF-16 code units. */
  const fnv = (length: number, codeAt: (i: number) => number) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ codeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hash = (id: string) => fnv(id.length, (i) => id.charCodeAt(i));
  const equals = (entry: number, id: string) => {
    if (lengths[entry] !== id.length) return false;
    const start = starts[entry]!;
    for (let i = 0; i < id.length; i++) if (chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  };
  /** The slot holding the id, or the empty slot where it would go. */
  const slotOf = (id: string, table: Int32Array) => {
    const mask = table.length - 1;
    let slot = hash(id) & mask;
    while (table[slot] !== EMPTY && !equals(table[slot]!, id)) slot = (slot + 1) & mask;
    return slot;
  };
  const grow = <T extends Uint16Array | Uint32Array>(array: T, needed: number): T => {
    if (needed <= array.length) return array;
    const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
    bigger.set(array);
    return bigger;
  };
  const rehash = () => {
    const table = new Int32Array(slots.length * 2).fill(EMPTY);
    const mask = table.length - 1;
    for (let entry = 0; entry < count; entry++) {
      const start = starts[entry]!;
      let slot = fnv(lengths[entry]!, (i) => chars[start + i]!) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    slots = table;
  };

  return {
    get(id) {
      const entry = slots[slotOf(id, slots)]!;
      return entry === EMPTY ? undefined : lines[entry];
    },
    add(id, line) {
      if ((count + 1) * 2 > slots.length) rehash(); // at most half full: probes stay short
      chars = grow(chars, used + id.length);
      for (let i = 0; i < id.length; i++) chars[used + i] = id.charCodeAt(i);
      [starts, lengths, lines] = [grow(starts, count + 1), grow(lengths, count + 1), grow(lines, count + 1)];
      starts[count] = used;
      lengths[count] = id.length;
      lines[count] = line;
      slots[slotOf(id, slots)] = count;
      used += id.length;
      count++;
    },
  };
}
