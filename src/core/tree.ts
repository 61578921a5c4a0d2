// The parsed document: the values Python would build from the file (the CLI is Python),
// each with its source span, so rules can both reproduce the CLI's words and locate them.

export interface Span {
  /** Offset of the node's first character. */
  start: number;
  /** Offset just after the node. */
  end: number;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export interface DateTimeParts extends DateParts {
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

export type ScalarValue =
  | { type: 'str'; value: string }
  /** Python ints are exact at any size. */
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'none' }
  | { type: 'date'; value: DateParts }
  | { type: 'datetime'; value: DateTimeParts }
  | { type: 'bytes'; value: Uint8Array };

export interface Entry {
  key: Node;
  value: Node;
}

export type Node = Span &
  (
    | ScalarValue
    | {
        type: 'dict';
        entries: Entry[];
        /** Where a "missing member" finding points, when not the opening `{`: a YAML block mapping's first key. */
        head?: Span;
        /** ruamel's `!!set` (a Python set of the keys) or `!!omap` (an ordereddict, still a dict to botocore). */
        pythonType?: 'set' | 'omap';
      }
    | {
        type: 'list';
        items: Node[];
        /** A YAML sequence used as a key: ruamel makes it a Python tuple. */ tuple?: true;
      }
  );

export type DictNode = Extract<Node, { type: 'dict' }>;
export type ListNode = Extract<Node, { type: 'list' }>;
export type StrNode = Extract<Node, { type: 'str' }>;

/** A parse failure: the CLI prints one line for any of them; we say where and why. */
export interface ParseError {
  start: number;
  end: number;
  message: string;
  /** What the CLI prints when it is not its usual "Invalid JSON/YAML received." (a crash). */
  awsCli?: string;
  /** A document the CLI never finishes reading (no message of its own). */
  tooLarge?: true;
}

export type ParseResult = { root: Node | null; error?: undefined } | { root?: undefined; error: ParseError };

/** A key that compares as Python's dict does for the scalars we meet (1 == 1.0 == True). */
export function dictKey(node: Node): string {
  switch (node.type) {
    case 'str':
      return 's' + node.value;
    case 'int':
      return 'n' + node.value.toString();
    case 'float':
      return Number.isInteger(node.value) ? 'n' + BigInt(node.value).toString() : 'f' + String(node.value);
    case 'bool':
      return node.value ? 'n1' : 'n0';
    case 'none':
      return 'none';
    case 'list':
      return '(' + node.items.map(dictKey).join(',') + ')';
    default:
      return node.type + ':' + node.start;
  }
}

/** The value of the member `name` of a dict (the last one wins, as in Python). */
export function member(node: DictNode, name: string): Entry | undefined {
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const e = node.entries[i]!;
    if (e.key.type === 'str' && e.key.value === name) return e;
  }
  return undefined;
}

/** The `users` list of a parsed document, when its top level is a mapping that has one. */
export function usersList(root: Node | null | undefined): ListNode | undefined {
  const users = root?.type === 'dict' ? member(root, 'users')?.value : undefined;
  return users?.type === 'list' ? users : undefined;
}

/** Where a "missing member" finding on a mapping points: its `{`, or a YAML block mapping's first key. */
export function headOf(node: DictNode): Span {
  return node.head ?? { start: node.start, end: node.start + 1 };
}
