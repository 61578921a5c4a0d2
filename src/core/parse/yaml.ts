// YAML as the AWS CLI reads it (ruamel.yaml, safe loader): js-yaml 5's event stream gives the
// structure and offsets; scalars are resolved with ruamel's rules (yaml-scalars.ts); a second
// document, a duplicated key, an unknown tag or an unhashable key is "Invalid YAML received".
import {
  CHOMPING_MODE,
  EVENT_ID,
  type Event,
  type MappingEvent,
  getScalarValue,
  parseEvents,
  type ScalarEvent,
  SCALAR_STYLE,
} from 'js-yaml';
import type { Entry, Node, ParseError, ParseResult } from '../tree';
import { dictKey } from '../tree';
import { constructScalar, resolvePlain, YAML_TAG, type YamlVersion } from './yaml-scalars';

class YamlError extends Error {
  constructor(readonly error: ParseError) {
    super(error.message);
  }
}

export function parseYaml(text: string): ParseResult {
  const read = readEvents(text);
  if ('error' in read) return { error: read.error };
  const { source, events, original } = read;
  try {
    const root = new YamlBuilder(source, events).document();
    if (original) mapSpans(root, original);
    return { root };
  } catch (e) {
    if (!(e instanceof YamlError)) throw e;
    if (original) Object.assign(e.error, { start: original(e.error.start), end: original(e.error.end) });
    return { error: e.error };
  }
}

/**
 * How many times the reader mends what ruamel reads and js-yaml refuses (each mend parses the
 * text again) before it reports js-yaml's error: a few per real file; and at most ~20 MB parsed
 * again in all, so that a large file with many such lines stays within a second or two.
 */
const maxMends = (text: string) => Math.min(200, Math.floor(20e6 / Math.max(text.length, 1)));

/**
 * js-yaml's events for the text, after mending what ruamel reads and js-yaml refuses (at the
 * place js-yaml stops, so nothing that parses changes):
 * - a comment glued to a closing quote, flow bracket or comma (`"u1"# note`, `[a]#c`): ruamel
 *   takes a `#` after a token as a comment; js-yaml wants a space first. The comment is blanked.
 * - a line of a flow collection or a quoted scalar indented less than its key (JSON pasted into
 *   YAML at column 0): ruamel does not check their indentation; js-yaml does. Spaces are put in
 *   front of the line (whitespace there means nothing in either), and `original` maps offsets back.
 */
function readEvents(
  text: string,
): { source: string; events: Event[]; original?: (offset: number) => number } | { error: ParseError } {
  let source = text;
  const inserted: { at: number; count: number }[] = [];
  const original = (offset: number) =>
    inserted.reduceRight((o, { at, count }) => (o <= at ? o : Math.max(at, o - count)), offset);
  for (let mends = 0; ; mends++) {
    try {
      // Deeper than the CLI reads, so the builder meets the level where the CLI crashes; shallow
      // enough for js-yaml's recursive parser to stay far from the stack's end.
      const events = parseEvents(source, { maxDepth: 2 * CLI_YAML_MAX_DEPTH });
      return { source, events, original: inserted.length > 0 ? original : undefined };
    } catch (e) {
      const mend = mends < maxMends(text) ? ruamelReadsOn(source, e) : undefined;
      if (!mend) {
        const error = fromJsYamlError(e, source);
        return { error: { ...error, start: original(error.start), end: original(error.end) } };
      }
      if (mend.indent) inserted.push({ at: mend.at, count: mend.indent });
      source =
        source.slice(0, mend.at) +
        (mend.indent ? ' '.repeat(mend.indent) : ' '.repeat(mend.blank)) +
        source.slice(mend.at + mend.blank);
    }
  }
}

/** Where and how to mend the text so js-yaml reads on as ruamel does, if this error is one ruamel does not make. */
function ruamelReadsOn(source: string, e: unknown): { at: number; blank: number; indent: number } | undefined {
  const err = e as { reason?: string; mark?: { position?: number } };
  const at = err.mark?.position;
  if (at === undefined || at <= 0 || at > source.length) return undefined;
  if (source[at] === '#' && `"']},`.includes(source[at - 1]!)) {
    const end = source.slice(at).search(/[\r\n]|$/) + at;
    return { at, blank: end - at, indent: 0 };
  }
  if (err.reason === 'deficient indentation') {
    const lineStart = Math.max(source.lastIndexOf('\n', at - 1), source.lastIndexOf('\r', at - 1)) + 1;
    // At column 0, `---` and `...` end the document for ruamel too.
    if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(source.slice(lineStart, lineStart + 4))) return undefined;
    return { at: lineStart, blank: 0, indent: deepestIndentBefore(source, lineStart) + 1 };
  }
  return undefined;
}

/** The indentation of the most indented line before this offset: enough for any node open there. */
function deepestIndentBefore(source: string, offset: number): number {
  let deepest = 0;
  for (const m of source.slice(0, offset).matchAll(/^ */gm)) deepest = Math.max(deepest, m[0].length);
  return deepest;
}

/** Every span of the tree, from the mended text's offsets to the file's (a node an alias shares, once). */
function mapSpans(root: Node | null, original: (offset: number) => number): void {
  const seen = new Set<Node>();
  const visit = (node: Node) => {
    if (seen.has(node)) return;
    seen.add(node);
    node.start = original(node.start);
    node.end = original(node.end);
    if (node.type === 'dict') {
      if (node.head) node.head = { start: original(node.head.start), end: original(node.head.end) };
      node.entries.forEach((entry) => {
        visit(entry.key);
        visit(entry.value);
      });
    } else if (node.type === 'list') node.items.forEach(visit);
  };
  if (root) visit(root);
}

function fromJsYamlError(e: unknown, text: string): ParseError {
  const err = e as { reason?: string; message?: string; mark?: { position?: number } };
  const at = Math.min(err.mark?.position ?? 0, text.length);
  const reason = err.reason ?? err.message ?? 'invalid YAML';
  if (/^nesting exceeded maxDepth/.test(reason)) return tooDeep(at, text);
  return { start: at, end: Math.min(at + 1, text.length), message: `Invalid YAML: ${reason}.` };
}

/**
 * The deepest nesting of collections (the top mapping counts) the AWS CLI reads: ruamel builds
 * nodes recursively and Python stops at its recursion limit. Measured with awscli 2.9.19 under
 * `users:`: 485 nested sequences load, 486 crash with "maximum recursion depth exceeded". Nested
 * mappings cost it a little more: 479 load, 480 crash (test/fixtures/cli/OBSERVATIONS.md).
 */
export const CLI_YAML_MAX_DEPTH = 486;

function tooDeep(at: number, text: string): ParseError {
  return {
    start: at,
    end: Math.min(at + 1, text.length),
    message: `Nested more than ${CLI_YAML_MAX_DEPTH} levels deep: the AWS CLI's YAML reader gives up here and crashes ("maximum recursion depth exceeded").`,
    awsCli: 'maximum recursion depth exceeded',
  };
}

/**
 * How many values aliases may add to a document. The AWS CLI (ruamel) reads an alias as a
 * reference, but botocore walks and serializes the request value by value: nine levels of nine
 * aliases ("billion laughs", 387 million values from 200 bytes) keep it busy for minutes and
 * gigabytes, then kill it. A real input repeats a few `properties` strings; 100,000 values is
 * far beyond that, and small enough to validate in well under a second.
 */
export const ALIAS_EXPANSION_LIMIT = 100_000;

class YamlBuilder {
  private i = 0;
  /** Each container's size as the AWS CLI expands it (values, itself included); 1 when absent. */
  private readonly sizes = new WeakMap<Node, number>();
  /** Values added by aliases so far. */
  private aliasValues = 0;
  /** Collections open around the node being read. */
  private depth = 0;
  /** Sizes matter only when something is an alias (a WeakMap entry per container is not free). */
  private readonly hasAliases: boolean;
  private version: YamlVersion = '1.2';
  private readonly anchors = new Map<string, Node>();
  /** `%TAG` handles of the document, besides the standard `!!`. */
  private readonly tagHandles = new Map<string, string>([['!!', YAML_TAG]]);
  /** Spans of quoted and block scalars: the only places ruamel lets a tab stand outside comments. */
  private readonly tabSafeSpans: [number, number][] = [];
  /** Whether the text has a tab at all (asked for every quoted scalar: searched once). */
  private readonly hasTabs: boolean;

  constructor(
    private readonly text: string,
    private readonly events: Event[],
  ) {
    this.hasTabs = text.includes('\t');
    this.hasAliases = events.some((e) => e.type === EVENT_ID.ALIAS);
  }

  document(): Node | null {
    const documents = this.events.filter((e) => e.type === EVENT_ID.DOCUMENT);
    if (documents.length === 0) {
      // Nothing but comments and a document end marker: ruamel wants a document start first.
      const end = /^\.\.\.(?=[ \t\r\n]|$)/m.exec(this.text);
      if (end)
        this.fail(
          end.index,
          end.index + 3,
          'A document end marker (`...`) with no document before it: the AWS CLI cannot read it.',
        );
      return null;
    }
    const doc = this.events[this.i++];
    if (doc?.type === EVENT_ID.DOCUMENT) {
      for (const d of doc.directives) {
        if (d.kind === 'yaml') this.checkVersion(d.version);
        if (d.kind === 'tag') this.tagHandles.set(d.handle, d.prefix);
      }
    }
    const root = this.node();
    this.checkTabs();
    this.i++; // the document's POP
    if (documents.length > 1) {
      const at = this.secondDocumentOffset(root?.end ?? 0);
      this.fail(at, at + 3, 'A second YAML document (`---`): the AWS CLI reads exactly one document.');
    }
    return root;
  }

  /** ruamel reads 1.1 and 1.2; it crashes on a later 1.x (printing the version tuple) and refuses 2.x. */
  private checkVersion(version: string): void {
    const [major, minor] = version.split('.').map(Number) as [number, number];
    const at = this.text.indexOf('%YAML');
    if (major !== 1) this.fail(at, at + 5, `YAML ${version}: the AWS CLI reads YAML 1.x only.`);
    if (minor > 2)
      throw new YamlError({
        start: at,
        end: at + 5,
        message: `YAML ${version}: the AWS CLI crashes on a version after 1.2.`,
        awsCli: `(${major}, ${minor})`,
      });
    if (minor === 1) this.version = '1.1';
  }

  private secondDocumentOffset(after: number): number {
    const re = /^(---|\.\.\.)/gm;
    re.lastIndex = after;
    const m = re.exec(this.text);
    return m ? m.index : after;
  }

  private node(): Node {
    const e = this.events[this.i++]!;
    switch (e.type) {
      case EVENT_ID.SCALAR:
        return this.remember(e, this.scalar(e));
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(e.anchorStart, e.anchorEnd);
        const target = this.anchors.get(name);
        if (!target) this.fail(e.anchorStart, e.anchorEnd, `The alias \`*${name}\` refers to no anchor.`);
        const copy = { ...target, start: e.anchorStart - 1, end: e.anchorEnd } as Node;
        this.countAlias(copy, name, this.sizeOf(target));
        return copy;
      }
      case EVENT_ID.SEQUENCE: {
        this.enter(e.start);
        const tag = this.collectionTag(e, ['seq', 'omap', 'pairs']);
        const items: Node[] = [];
        const list: Extract<Node, { type: 'list' }> = { type: 'list', items, start: e.start, end: e.start + 1 };
        // Anchored before its items are read, so an alias inside may refer to it (ruamel prints that as [...]).
        if (tag === 'seq') this.remember(e, list);
        while (this.events[this.i]!.type !== EVENT_ID.POP) items.push(this.node());
        this.i++;
        this.depth--;
        list.end = this.closingEnd(items.length ? items[items.length - 1]!.end : e.start + 1, ']');
        return tag === 'seq' ? this.measure(list) : this.remember(e, this.measure(this.orderedPairs(list, tag)));
      }
      case EVENT_ID.MAPPING: {
        this.enter(e.start);
        const tag = this.collectionTag(e, ['map', 'set']);
        const node = this.measure(this.mapping(e));
        this.depth--;
        if (tag === 'set' && node.type === 'dict') node.pythonType = 'set';
        return this.remember(e, node);
      }
      default:
        return this.fail(0, 1, 'Unexpected YAML structure.');
    }
  }

  private enter(at: number): void {
    if (++this.depth > CLI_YAML_MAX_DEPTH) throw new YamlError(tooDeep(at, this.text));
  }

  private sizeOf(node: Node): number {
    return this.sizes.get(node) ?? 1;
  }

  /** Records a container's expanded size, from its children's (each counted once, when it was built). */
  private measure(node: Node): Node {
    if (!this.hasAliases) return node;
    let size = 1;
    if (node.type === 'list') for (const item of node.items) size += this.sizeOf(item);
    else if (node.type === 'dict')
      for (const { key, value } of node.entries) size += this.sizeOf(key) + this.sizeOf(value);
    this.sizes.set(node, size);
    return node;
  }

  /** Stops at the alias that takes the document past ALIAS_EXPANSION_LIMIT, before anything walks it. */
  private countAlias(copy: Node, name: string, size: number): void {
    this.sizes.set(copy, size);
    this.aliasValues += size;
    if (this.aliasValues <= ALIAS_EXPANSION_LIMIT) return;
    throw new YamlError({
      start: copy.start,
      end: copy.end,
      tooLarge: true,
      message: `The aliases of this file expand to more than ${ALIAS_EXPANSION_LIMIT.toLocaleString('en-US')} values (\`*${name}\` alone to ${size.toLocaleString('en-US')}): the AWS CLI would expand them all while checking and sending the request, and not finish. Write the values out, or use fewer aliases.`,
    });
  }

  private remember(e: { anchorStart: number; anchorEnd: number }, node: Node): Node {
    if (e.anchorStart >= 0) this.anchors.set(this.text.slice(e.anchorStart, e.anchorEnd), node);
    return node;
  }

  /** A flow collection ends at its closing bracket; include it in the span. */
  private closingEnd(end: number, bracket: string): number {
    const m = /^[ \t]*(?:\r?\n[ \t]*)*/.exec(this.text.slice(end, end + 200));
    const at = end + (m ? m[0].length : 0);
    return this.text[at] === bracket ? at + 1 : end;
  }

  private mapping(e: MappingEvent): Node {
    const explicit: Entry[] = [];
    const merged: Entry[] = [];
    // Keys seen, as dictKey strings: built only for a mapping past a few keys (a user has two).
    let seen: Set<string> | undefined;
    while (this.events[this.i]!.type !== EVENT_ID.POP) {
      const keyEvent = this.events[this.i]!;
      if (keyEvent.type === EVENT_ID.SCALAR && this.isMergeKey(keyEvent)) {
        this.i++;
        merged.push(...this.mergeSources(this.node()));
        continue;
      }
      if (explicit.length === 0 && merged.length === 0) this.checkNoEmptyPairKey(e, keyEvent);
      let key = this.node();
      if (this.text[e.start] === '{') this.checkFlowKeyOnOneLine(key);
      const value = this.node();
      // ruamel turns a sequence key into a tuple; a mapping (or a list inside one) cannot be a key.
      if (key.type === 'list' && key.items.every((i) => i.type !== 'dict' && i.type !== 'list'))
        key = { ...key, tuple: true };
      else if (key.type === 'dict' || key.type === 'list') {
        this.fail(
          key.start,
          key.end,
          'A mapping key must be a scalar: the AWS CLI cannot use a mapping or nested list as a key.',
        );
      }
      if (explicit.length >= 8) seen ??= new Set(explicit.map((entry) => dictKey(entry.key)));
      const repeated = seen ? seen.has(dictKey(key)) : explicit.some((entry) => sameKey(entry.key, key));
      if (repeated) {
        this.fail(
          key.start,
          key.end,
          `Duplicate key \`${this.text.slice(key.start, key.end)}\`: the AWS CLI rejects a YAML mapping with a repeated key.`,
        );
      }
      seen?.add(dictKey(key));
      explicit.push({ key, value });
    }
    this.i++;
    const entries = merged.length === 0 ? explicit : flattenMerges(merged, explicit);
    const last = explicit[explicit.length - 1] ?? merged[merged.length - 1];
    const end = last ? Math.max(last.value.end, last.key.end) : e.start + 1;
    const first = explicit[0]?.key;
    const flow = this.text[e.start] === '{';
    const node: Node = { type: 'dict', entries, start: e.start, end: flow ? this.closingEnd(end, '}') : end };
    if (!flow && first) node.head = { start: first.start, end: first.end };
    return node;
  }

  /** `[ : x ]`: a pair with no key inside a flow sequence, which ruamel refuses and js-yaml reads. */
  private checkNoEmptyPairKey(e: MappingEvent, keyEvent: Event): void {
    if (this.text[e.start] !== ':' || keyEvent.type !== EVENT_ID.SCALAR) return;
    if (keyEvent.valueStart >= 0 || keyEvent.tagStart >= 0 || keyEvent.anchorStart >= 0) return;
    const before = this.text.slice(0, e.start).trimEnd().at(-1);
    if (before === '[' || before === ',')
      this.fail(e.start, e.start + 1, 'A pair with no key (`[ : x ]`) in a flow sequence: the AWS CLI cannot read it.');
  }

  /**
   * ruamel reads an implicit key of a flow mapping only when its `:` is on the line the key
   * starts on (a multi-line key, or `"foo"` / `: bar`, is invalid); js-yaml reads them.
   */
  private checkFlowKeyOnOneLine(key: Node): void {
    if (/\?\s*$/.test(this.text.slice(Math.max(0, key.start - 20), key.start))) return; // `? key`: explicit
    const between = /^(?:\s|#[^\r\n]*)*/.exec(this.text.slice(key.end, key.end + 1000))![0];
    const colon = key.end + between.length;
    if (this.text[colon] !== ':' || !/[\r\n]/.test(this.text.slice(key.start, colon))) return;
    this.fail(
      key.start,
      colon + 1,
      'A key of a flow mapping (`{...}`) and its `:` must be on one line: the AWS CLI cannot read a key that spans lines.',
    );
  }

  private isMergeKey(e: ScalarEvent): boolean {
    return e.style === SCALAR_STYLE.PLAIN && e.tagStart < 0 && this.text.slice(e.valueStart, e.valueEnd) === '<<';
  }

  /** `<<: *a` or `<<: [*a, *b]` (the earlier mapping wins). */
  private mergeSources(value: Node): Entry[] {
    const sources = value.type === 'list' ? value.items : [value];
    const out: Entry[] = [];
    const seen = new Set<string>();
    for (const source of sources) {
      if (source.type !== 'dict')
        this.fail(source.start, source.end, 'A merge key `<<` needs a mapping or a list of mappings.');
      for (const entry of source.entries) {
        const k = dictKey(entry.key);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(entry);
        }
      }
    }
    return out;
  }

  /** The collection's tag (`seq`, `map`, or one of ruamel's `omap`, `pairs`, `set`); others are an error. */
  private collectionTag(e: { tagStart: number; tagEnd: number }, allowed: string[]): string {
    if (e.tagStart < 0) return allowed[0]!;
    const tag = this.tagName(e.tagStart, e.tagEnd);
    if (tag === '!') return allowed[0]!;
    const name = tag.startsWith(YAML_TAG) ? tag.slice(YAML_TAG.length) : '';
    if (!allowed.includes(name)) {
      this.fail(
        e.tagStart,
        e.tagEnd,
        `The YAML tag \`${this.text.slice(e.tagStart, e.tagEnd)}\` has no meaning to the AWS CLI's YAML loader here.`,
      );
    }
    return name;
  }

  /** `!!omap` / `!!pairs`: a sequence of one-entry mappings, which ruamel makes an ordereddict / a list of tuples. */
  private orderedPairs(list: Extract<Node, { type: 'list' }>, tag: string): Node {
    const pairs: { key: Node; value: Node }[] = [];
    for (const item of list.items) {
      if (item.type !== 'dict' || item.entries.length !== 1)
        this.fail(item.start, item.end, `Each item of a !!${tag} must be a mapping with a single entry.`);
      pairs.push(item.entries[0]!);
    }
    if (tag === 'pairs') {
      const items = pairs.map(({ key, value }): Node => ({
        type: 'list',
        tuple: true,
        items: [key, value],
        start: key.start,
        end: value.end,
      }));
      return { type: 'list', items, start: list.start, end: list.end };
    }
    const seen = new Set<string>();
    for (const { key } of pairs) {
      // ruamel asserts an !!omap has no repeated key (the CLI crashes on it).
      if (seen.has(dictKey(key))) {
        throw new YamlError({
          start: key.start,
          end: key.end,
          message: 'Duplicate key in an !!omap: the AWS CLI crashes on it (with an empty message).',
          awsCli: '',
        });
      }
      seen.add(dictKey(key));
    }
    return { type: 'dict', entries: pairs, pythonType: 'omap', start: list.start, end: list.end };
  }

  private tagName(start: number, end: number): string {
    const raw = this.text.slice(start, end);
    if (raw.startsWith('!<') && raw.endsWith('>')) return raw.slice(2, -1);
    const handle = /^!(?:[\w-]*!)?/.exec(raw)![0];
    const prefix = this.tagHandles.get(handle);
    return prefix !== undefined ? prefix + decodeURIComponent(raw.slice(handle.length)) : raw;
  }

  /**
   * ruamel's scanner (PyYAML's) skips only spaces between tokens: a tab after `key:`, before a
   * comment, inside or after a plain scalar is "Invalid YAML" there, though YAML 1.2 and js-yaml
   * allow it. Tabs inside quoted or block scalars and inside comments are fine.
   */
  private checkTabs(): void {
    const text = this.text;
    for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', tab + 1)) {
      if (this.inTabSafeSpan(tab)) continue;
      const lineStart = text.lastIndexOf('\n', tab - 1) + 1;
      if (this.commentStartsBefore(lineStart, tab)) continue;
      this.fail(
        tab,
        tab + 1,
        "A tab here: the AWS CLI's YAML reader accepts only spaces between tokens (tabs only inside quotes or comments).",
      );
    }
  }

  /** Binary search: the spans come in document order (scalars are read in it), and a file may have thousands. */
  private inTabSafeSpan(offset: number): boolean {
    const spans = this.tabSafeSpans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end] = spans[mid]!;
      if (offset < start) hi = mid - 1;
      else if (offset >= end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /**
   * A block scalar whose last line holds content and ends the file without a line break: ruamel
   * adds no line break after it (the file has none), js-yaml adds one. A last line of spaces no
   * deeper than the block's indentation is no content, and both read it alike.
   */
  private blockValueAtEndOfFile(e: ScalarEvent, value: string): string {
    if (e.style !== SCALAR_STYLE.LITERAL_BLOCK && e.style !== SCALAR_STYLE.FOLDED_BLOCK) return value;
    if (e.chomping === CHOMPING_MODE.STRIP || e.valueEnd < this.text.length || !value.endsWith('\n')) return value;
    const body = this.text.slice(e.valueStart, e.valueEnd);
    const lastLine = body.slice(Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1);
    if (lastLine.length === 0) return value;
    const indent = /^( *)\S/m.exec(body)?.[1]!.length ?? 0;
    return /\S/.test(lastLine) || lastLine.length > indent ? value.slice(0, -1) : value;
  }

  private commentStartsBefore(lineStart: number, at: number): boolean {
    for (let i = lineStart; i < at; i++) {
      if (this.text[i] !== '#' || this.inTabSafeSpan(i)) continue;
      if (i === lineStart || this.text[i - 1] === ' ') return true;
    }
    return false;
  }

  /**
   * ruamel treats a NEL (U+0085) written in a flow scalar as a line break and folds it to a space;
   * js-yaml keeps it. Only a NEL in the source folds, not one an escape (`\N`, `\x85`, `\u0085`)
   * makes: each raw one is swapped for a character the scalar lacks (the offsets stay), the scalar
   * decoded, and that character folded. Undefined when the scalar has no raw NEL.
   */
  private flowValueWithNelFolded(e: ScalarEvent): string | undefined {
    if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) return undefined;
    const body = this.text.slice(e.valueStart, e.valueEnd);
    if (!body.includes('\x85')) return undefined;
    let mark = 0xe000; // the private use area: a character no file is likely to hold
    while (body.includes(String.fromCharCode(mark))) mark++;
    const swap = String.fromCharCode(mark);
    const text = this.text.slice(0, e.valueStart) + body.replaceAll('\x85', swap) + this.text.slice(e.valueEnd);
    return getScalarValue(text, e).replace(new RegExp(`[ \\t]*${swap}[ \\t]*`, 'g'), ' ');
  }

  private scalar(e: ScalarEvent): Node {
    const value = this.blockValueAtEndOfFile(e, this.flowValueWithNelFolded(e) ?? getScalarValue(this.text, e));
    const quoted = e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
    // Spans cover the quotes too, so a finding underlines what the user wrote.
    const start = quoted ? e.valueStart - 1 : e.valueStart;
    const end = quoted ? e.valueEnd + 1 : e.valueEnd;
    if (e.style !== SCALAR_STYLE.PLAIN && this.hasTabs) this.tabSafeSpans.push([start, end]);
    // The common case, a quoted or block string without a tag: no resolution to do.
    if (e.tagStart < 0 && e.style !== SCALAR_STYLE.PLAIN) return { type: 'str', value, start, end };
    let tag: string;
    if (e.tagStart >= 0) {
      tag = this.tagName(e.tagStart, e.tagEnd);
      // The non-specific tag makes a value a string; alone, ruamel builds None.
      if (tag === '!') tag = YAML_TAG + (e.valueStart < 0 ? 'null' : 'str');
    } else tag = e.style === SCALAR_STYLE.PLAIN ? resolvePlain(value, this.version) : YAML_TAG + 'str';
    const constructed = constructScalar(tag, value, this.version);
    if (typeof constructed === 'string') {
      this.fail(e.tagStart >= 0 ? e.tagStart : start, Math.max(end, start + 1), constructed);
    }
    if ('crash' in constructed) {
      throw new YamlError({
        start: e.tagStart >= 0 ? e.tagStart : start,
        end: Math.max(end, start + 1),
        message: constructed.why,
        awsCli: constructed.crash,
      });
    }
    // The constructed value becomes the node itself (no copy: this runs for every scalar).
    const node = constructed as Node;
    node.start = start;
    node.end = end;
    return node;
  }

  private fail(start: number, end: number, message: string): never {
    throw new YamlError({ start, end: Math.min(Math.max(end, start), this.text.length), message });
  }
}

/** As ruamel flattens merges: merged keys first, explicit keys (unique already) override their values. */
function flattenMerges(merged: Entry[], explicit: Entry[]): Entry[] {
  const entries: Entry[] = [];
  const index = new Map<string, number>();
  const isExplicit = new Set(explicit);
  for (const entry of [...merged, ...explicit]) {
    const k = dictKey(entry.key);
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, entries.length);
      entries.push(entry);
    } else if (isExplicit.has(entry)) entries[at] = entry;
  }
  return entries;
}

/** Whether two keys are one to Python (dictKey's equality, without building its strings for text keys). */
function sameKey(a: Node, b: Node): boolean {
  if (a.type === 'str' && b.type === 'str') return a.value === b.value;
  if (a.type === 'str' || b.type === 'str') return false;
  return dictKey(a) === dictKey(b);
}
