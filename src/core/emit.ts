// Writing values back as JSON or YAML text that the AWS CLI reads with the same meaning:
// used by conversions, quick fixes and the failed-users file.
import { LONE_SURROGATE, reprFloat } from './python-format';
import type { Node } from './tree';
import type { Format } from './types';

/** Deeper than the CLI can read: only a YAML alias of a collection inside itself gets here. */
const MAX_EMIT_DEPTH = 1000;

export class RecursiveValueError extends Error {
  constructor() {
    super('The document refers to itself (an alias inside its own anchor): it cannot be written out.');
  }
}

/** A string literal for `format`: JSON's double quotes; in YAML single quotes when they need no escapes. */
export function quoteString(value: string, format: Format): string {
  if (format === 'json') return JSON.stringify(value);
  if (value.length > 0 && !YAML_NEEDS_ESCAPES.test(value)) return "'" + value.replace(/'/g, "''") + "'";
  // JSON's escapes are YAML's too; JSON leaves these raw, and a YAML reader would fold or refuse them.
  return JSON.stringify(value).replace(YAML_RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * What a YAML file cannot hold as it is: characters outside YAML's printable set (C0 and C1
 * controls, DEL, U+FFFE/U+FFFF, a lone surrogate), the line breaks a single-quoted scalar would
 * fold (LF, CR, NEL, LS, PS) and the byte-order mark. Such a value is double-quoted, with escapes.
 */
const YAML_NEEDS_ESCAPES = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff]|${LONE_SURROGATE}`);
/** Of those, what JSON.stringify writes raw. */
const YAML_RAW_IN_JSON = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A scalar in its JSON (Python json) or YAML 1.2 (ruamel) spelling; dates become strings in JSON. */
export function scalarText(node: Node, format: Format): string {
  switch (node.type) {
    case 'str':
      return quoteString(node.value, format);
    case 'int':
      return node.value.toString();
    case 'float':
      if (Number.isNaN(node.value)) return format === 'json' ? 'NaN' : '.nan';
      if (!Number.isFinite(node.value)) return (node.value < 0 ? '-' : '') + (format === 'json' ? 'Infinity' : '.inf');
      return reprFloat(node.value);
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'none':
      return 'null';
    case 'date':
    case 'datetime': {
      const v = node.value;
      const p = (n: number, w = 2) => String(n).padStart(w, '0');
      let s = `${p(v.year, 4)}-${p(v.month)}-${p(v.day)}`;
      if ('hour' in v)
        s += `T${p(v.hour)}:${p(v.minute)}:${p(v.second)}${v.microsecond ? '.' + p(v.microsecond, 6) : ''}Z`;
      return format === 'json' ? JSON.stringify(s) : s;
    }
    case 'bytes':
      return format === 'json'
        ? JSON.stringify(Buffer.from(node.value).toString('base64'))
        : `!!binary ${Buffer.from(node.value).toString('base64')}`;
    case 'dict':
    case 'list':
      throw new Error('not a scalar');
  }
}

/** JSON text of a node; `indent` 0 gives the compact form `{"a": 1, "b": [1, 2]}` (Python's json.dumps style). */
export function toJsonText(node: Node, indent = 4, depth = 0): string {
  if (depth > MAX_EMIT_DEPTH) throw new RecursiveValueError();
  const pad = (d: number) => (indent ? '\n' + ' '.repeat(indent * d) : '');
  const sep = indent ? ',' : ', ';
  if (node.type === 'dict') {
    if (node.entries.length === 0) return '{}';
    const body = node.entries.map(
      (e) => pad(depth + 1) + JSON.stringify(keyString(e.key)) + ': ' + toJsonText(e.value, indent, depth + 1),
    );
    return '{' + body.join(sep) + pad(depth) + '}';
  }
  if (node.type === 'list') {
    if (node.items.length === 0) return '[]';
    return '[' + node.items.map((i) => pad(depth + 1) + toJsonText(i, indent, depth + 1)).join(sep) + pad(depth) + ']';
  }
  return scalarText(node, 'json');
}

/** YAML text of a node in block style (two-space indent, list items at their key's indent, as the CLI's skeleton). */
export function toYamlText(node: Node): string {
  return yamlBlock(node, '').replace(/^\n/, '') + '\n';
}

function yamlBlock(node: Node, indent: string): string {
  if (indent.length > 2 * MAX_EMIT_DEPTH) throw new RecursiveValueError();
  if (node.type === 'dict') {
    if (node.entries.length === 0) return ' {}';
    return node.entries
      .map((e) => {
        const key = e.key.type === 'str' ? yamlKey(e.key.value) : scalarText(e.key, 'yaml');
        const child =
          e.value.type === 'dict'
            ? yamlBlock(e.value, indent + '  ')
            : e.value.type === 'list'
              ? yamlBlock(e.value, indent)
              : ' ' + scalarText(e.value, 'yaml');
        return '\n' + indent + key + ':' + child;
      })
      .join('');
  }
  if (node.type === 'list') {
    if (node.items.length === 0) return ' []';
    return node.items
      .map((item) => {
        if (item.type === 'dict' && item.entries.length)
          return '\n' + indent + '- ' + yamlBlock(item, indent + '  ').replace(/^\n\s*/, '');
        if (item.type === 'list' && item.items.length)
          return '\n' + indent + '-' + yamlBlock(item, indent + '  ').replace(/^\n\s*/, ' ');
        return (
          '\n' +
          indent +
          '-' +
          (item.type === 'dict' || item.type === 'list' ? yamlBlock(item, indent) : ' ' + scalarText(item, 'yaml'))
        );
      })
      .join('');
  }
  return ' ' + scalarText(node, 'yaml');
}

const yamlKey = (k: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(k) ? k : quoteString(k, 'yaml');

function keyString(key: Node): string {
  if (key.type === 'str') return key.value;
  if (key.type === 'none') return 'null';
  if (key.type === 'bool') return key.value ? 'true' : 'false';
  return scalarText(key, 'yaml');
}

export function toText(node: Node, format: Format): string {
  return format === 'json' ? toJsonText(node) + '\n' : toYamlText(node);
}
