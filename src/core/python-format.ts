// Python's str(), repr() and type() of the values the CLI builds, because botocore prints
// them verbatim in "Invalid type ..." lines (e.g. `value: {'a': True}, type: <class 'dict'>`).
import type { DateParts, DateTimeParts, Node } from './tree';

/** Python 3.11 refuses to convert decimal integers of more than 4300 digits (json and ruamel raise ValueError). */
export const PYTHON_MAX_INT_DIGITS = 4300;

const PY_TYPE_NAMES: Record<Node['type'], string> = {
  str: 'str',
  int: 'int',
  float: 'float',
  bool: 'bool',
  none: 'NoneType',
  date: 'datetime.date',
  datetime: 'datetime.datetime',
  bytes: 'bytes',
  dict: 'dict',
  list: 'list',
};

/**
 * Python's whitespace for str (`\s`, isspace(), strip()), as a regular expression class's body:
 * Unicode whitespace, the file separators \x1c-\x1f included; not JavaScript's `\s`.
 */
export const PY_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** A UTF-16 surrogate without its other half, as a regular expression's source. */
export const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

/** Python writes the CLI's messages with errors='backslashreplace': a lone surrogate prints as `\ud800`. */
export function asPrinted(line: string): string {
  return line.replace(new RegExp(LONE_SURROGATE, 'g'), (c) => '\\u' + c.charCodeAt(0).toString(16));
}

/** `type(x)` as Python prints it: `<class 'int'>`. */
export function pyType(node: Node): string {
  if (node.type === 'list' && node.tuple) return "<class 'tuple'>";
  if (node.type === 'dict' && node.pythonType === 'set') return "<class 'set'>";
  if (node.type === 'dict' && node.pythonType === 'omap') return "<class 'ruamel.yaml.compat.ordereddict'>";
  return `<class '${PY_TYPE_NAMES[node.type]}'>`;
}

/** `str(x)`: what botocore's `value: {}` shows at the top of a message. */
export function pyStr(node: Node): string {
  switch (node.type) {
    case 'str':
      return node.value;
    case 'date':
      return dateStr(node.value);
    case 'datetime':
      return dateTimeStr(node.value);
    default:
      return pyRepr(node);
  }
}

/** `repr(x)`: how values print inside containers (a container inside itself prints as `[...]`). */
export function pyRepr(node: Node, open: Set<unknown> = new Set()): string {
  if (node.type !== 'list' && node.type !== 'dict') return reprValue(node, open);
  // An alias copies the node but shares its children: the children array is the identity.
  const identity = node.type === 'list' ? node.items : node.entries;
  if (open.has(identity)) return node.type === 'list' ? '[...]' : '{...}';
  open.add(identity);
  const text = reprValue(node, open);
  open.delete(identity);
  return text;
}

function reprValue(node: Node, open: Set<unknown>): string {
  const repr = (n: Node) => pyRepr(n, open);
  switch (node.type) {
    case 'str':
      return reprStr(node.value);
    case 'int':
      return node.value.toString();
    case 'float':
      return reprFloat(node.value);
    case 'bool':
      return node.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'date':
      return `datetime.date(${node.value.year}, ${node.value.month}, ${node.value.day})`;
    case 'datetime':
      return reprDateTime(node.value);
    case 'bytes':
      return reprBytes(node.value);
    case 'list':
      if (node.tuple) return '(' + node.items.map(repr).join(', ') + (node.items.length === 1 ? ',)' : ')');
      return '[' + node.items.map(repr).join(', ') + ']';
    case 'dict':
      if (node.pythonType === 'set')
        return node.entries.length ? '{' + node.entries.map((e) => repr(e.key)).join(', ') + '}' : 'set()';
      if (node.pythonType === 'omap')
        return 'ordereddict([' + node.entries.map((e) => `(${repr(e.key)}, ${repr(e.value)})`).join(', ') + '])';
      return '{' + node.entries.map((e) => repr(e.key) + ': ' + repr(e.value)).join(', ') + '}';
  }
}

/** Python's float repr: the shortest round-trip digits, fixed notation for exponents -4..15. */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = x < 0 ? '-' : '';
  const decimalPoint = exp + 1; // digits before the decimal point
  if (decimalPoint > -4 && decimalPoint <= 16) {
    if (decimalPoint <= 0) return sign + '0.' + '0'.repeat(-decimalPoint) + digits;
    if (decimalPoint >= digits.length) return sign + digits + '0'.repeat(decimalPoint - digits.length) + '.0';
    return sign + digits.slice(0, decimalPoint) + '.' + digits.slice(decimalPoint);
  }
  const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
}

// Characters str.isprintable() rejects (besides the ASCII space, which is printable).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && (cp < 0x20 || cp === 0x7f || NOT_PRINTABLE.test(ch))) out += escapeCodePoint(cp);
    else out += ch;
  }
  return out + quote;
}

function escapeCodePoint(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

function reprBytes(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (b === 10) out += '\\n';
    else if (b === 13) out += '\\r';
    else if (b === 9) out += '\\t';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function dateStr(d: DateParts): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

function dateTimeStr(d: DateTimeParts): string {
  const base = `${dateStr(d)} ${pad2(d.hour)}:${pad2(d.minute)}:${pad2(d.second)}`;
  return d.microsecond ? base + '.' + String(d.microsecond).padStart(6, '0') : base;
}

function reprDateTime(d: DateTimeParts): string {
  const parts = [d.year, d.month, d.day, d.hour, d.minute];
  if (d.second || d.microsecond) parts.push(d.second);
  if (d.microsecond) parts.push(d.microsecond);
  return `datetime.datetime(${parts.join(', ')})`;
}
