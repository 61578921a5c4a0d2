// The checks the AWS CLI (botocore's ParamValidator) makes before sending, in its order and
// with its words: a type check first, then missing required members, unknown members, and
// minimum lengths. Maximum lengths, the 10-user limit and the ARN pattern are the service's.
import type { ListShape, Shape, StructureShape } from '../model';
import { PUT_USERS_REQUEST, suggestMember } from '../model';
import { pyStr, pyType } from '../python-format';
import type { DictNode, Node } from '../tree';
import { type RawFinding, spanOf } from './finding';

const VALID_TYPES: Record<Shape['kind'], { python: string; said: string; accepts: (n: Node) => boolean }> = {
  string: { python: "<class 'str'>", said: 'a string', accepts: (n) => n.type === 'str' },
  list: { python: "<class 'list'>, <class 'tuple'>", said: 'a list', accepts: (n) => n.type === 'list' },
  structure: { python: "<class 'dict'>", said: 'an object', accepts: (n) => n.type === 'dict' },
};

/** The AWS CLI's own findings for a document whose top level is a mapping. */
export function cliFindings(root: DictNode): RawFinding[] {
  const out: RawFinding[] = [];
  validateNode(root, PUT_USERS_REQUEST, '', undefined, out);
  return out;
}

/** botocore's parameter name: '' is "input", members are joined with dots. */
const displayName = (name: string) => name.replace(/^\./, '') || 'input';

function validateNode(node: Node, shape: Shape, name: string, key: Node | undefined, out: RawFinding[]): void {
  const valid = VALID_TYPES[shape.kind];
  if (!valid.accepts(node)) {
    const param = displayName(name);
    out.push({
      ...spanOf(node, key),
      severity: 'error',
      code: 'cli/invalid-type',
      message: `${param} must be ${valid.said}, not ${describe(node)}${shape.kind === 'string' && isScalar(node) ? ' (quote it)' : ''}.`,
      awsCli: `Invalid type for parameter ${param}, value: ${pyStr(node)}, type: ${pyType(node)}, valid types: ${valid.python}`,
    });
    return;
  }
  switch (shape.kind) {
    case 'structure':
      return validateStructure(node as DictNode, shape, name, out);
    case 'list':
      return validateList(node as Extract<Node, { type: 'list' }>, shape, name, key, out);
    case 'string':
      return checkMinLength(node, (node as Extract<Node, { type: 'str' }>).value.length, shape.min, name, key, out);
  }
}

function validateStructure(node: DictNode, shape: StructureShape, name: string, out: RawFinding[]): void {
  const where = displayName(name);
  const present = new Set(node.entries.filter((e) => e.key.type === 'str').map((e) => (e.key as { value: string }).value));
  for (const m of shape.members) {
    if (m.required && !present.has(m.name)) {
      out.push({
        ...node.head,
        severity: 'error',
        code: 'cli/missing-member',
        message: `Missing required member "${m.name}"${where === 'input' ? '' : ` in ${where}`}: ${m.overview}`,
        awsCli: `Missing required parameter in ${where}: "${m.name}"`,
      });
    }
  }
  const names = shape.members.map((m) => m.name);
  const known: { key: Node; value: Node; shape: Shape; name: string }[] = [];
  for (const { key, value } of node.entries) {
    const keyText = pyStr(key);
    const member = key.type === 'str' ? shape.members.find((m) => m.name === key.value) : undefined;
    if (member) {
      known.push({ key, value, shape: member.shape, name: member.name });
      continue;
    }
    const suggestion = suggestMember(shape, keyText);
    out.push({
      start: key.start,
      end: key.end,
      severity: 'error',
      code: 'cli/unknown-member',
      message:
        `Unknown member "${keyText}"${where === 'input' ? '' : ` in ${where}`}: ` +
        (suggestion ? `did you mean "${suggestion}"? ` : '') +
        `The AWS CLI accepts only ${names.join(', ')}.`,
      awsCli: `Unknown parameter in ${where}: "${keyText}", must be one of: ${names.join(', ')}`,
    });
  }
  for (const k of known) validateNode(k.value, k.shape, `${name}.${k.name}`, k.key, out);
}

function validateList(node: Extract<Node, { type: 'list' }>, shape: ListShape, name: string, key: Node | undefined, out: RawFinding[]): void {
  checkMinLength(node, node.items.length, shape.min, name, key, out);
  node.items.forEach((item, i) => validateNode(item, shape.member, `${name}[${i}]`, undefined, out));
}

function checkMinLength(node: Node, length: number, min: number | undefined, name: string, key: Node | undefined, out: RawFinding[]): void {
  if (min === undefined || length >= min) return;
  const param = displayName(name);
  const what = node.type === 'list' ? `at least ${min} item${min === 1 ? '' : 's'}` : `at least ${min} character${min === 1 ? '' : 's'}`;
  out.push({
    ...spanOf(node, key),
    severity: 'error',
    code: 'cli/too-short',
    message: `${param} is empty: it needs ${what}.`,
    awsCli: `Invalid length for parameter ${param}, value: ${length}, valid min length: ${min}`,
  });
}

const isScalar = (n: Node) => n.type !== 'dict' && n.type !== 'list';

function describe(node: Node): string {
  switch (node.type) {
    case 'str':
      return 'a string';
    case 'int':
      return `the number ${node.value}`;
    case 'float':
      return `the number ${pyStr(node)}`;
    case 'bool':
      return `the boolean ${node.value}`;
    case 'none':
      return 'null';
    case 'date':
    case 'datetime':
      return `a ${node.type === 'date' ? 'date' : 'timestamp'} (YAML reads an unquoted ${node.type === 'date' ? '2024-01-02' : 'timestamp'} as one)`;
    case 'bytes':
      return 'binary data';
    case 'dict':
      return 'an object';
    case 'list':
      return 'a list';
  }
}
