// The checks the AWS CLI (botocore's ParamValidator) makes before sending, in its order and
// with its words: a type check first, then missing required members, unknown members, and
// minimum lengths. Maximum lengths, the 10-user limit and the ARN pattern are the service's.
import type { ListShape, Shape, StructureShape } from '../model';
import { memberOf, PUT_USERS_REQUEST, suggestMember } from '../model';
import { plural } from '../plural';
import { pyStr, pyType } from '../python-format';
import type { DictNode, ListNode, Node } from '../tree';
import { headOf, member } from '../tree';
import { type RawFinding, spanOf } from './finding';

const VALID_TYPES: Record<Shape['kind'], { python: string; said: string; nodeType: Node['type'] }> = {
  string: { python: "<class 'str'>", said: 'a string', nodeType: 'str' },
  list: { python: "<class 'list'>, <class 'tuple'>", said: 'a list', nodeType: 'list' },
  structure: { python: "<class 'dict'>", said: 'an object', nodeType: 'dict' },
};

/** The AWS CLI's own findings for a document whose top level is a mapping. */
export function awsCliFindings(root: DictNode): RawFinding[] {
  const validator = new ParamValidator();
  validator.validate(root, PUT_USERS_REQUEST, undefined);
  return validator.out;
}

/**
 * Walks the document as botocore does. The parameter path is a stack of segments turned into
 * botocore's name (`users[0].userId`, or `input` at the top) only when a finding needs it,
 * so a clean 10,000-user document allocates no names.
 */
class ParamValidator {
  readonly out: RawFinding[] = [];
  private readonly path: (string | number)[] = [];

  private name(): string {
    let name = '';
    for (const segment of this.path)
      name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
    return name || 'input';
  }

  validate(node: Node, shape: Shape, key: Node | undefined): void {
    const valid = VALID_TYPES[shape.kind];
    // A set is no dict to botocore; ruamel's ordereddict (!!omap) is one.
    if (node.type !== valid.nodeType || (node.type === 'dict' && node.pythonType === 'set'))
      return this.invalidType(node, shape, key);
    switch (shape.kind) {
      case 'structure':
        return this.structure(node as DictNode, shape);
      case 'list':
        return this.list(node as ListNode, shape, key);
      case 'string':
        return this.minLength(node, (node as Extract<Node, { type: 'str' }>).value.length, shape.min, key);
    }
  }

  private invalidType(node: Node, shape: Shape, key: Node | undefined): void {
    const valid = VALID_TYPES[shape.kind];
    const param = this.name();
    const quoteIt = shape.kind === 'string' && node.type !== 'dict' && node.type !== 'list';
    this.out.push({
      ...spanOf(node, key),
      severity: 'error',
      code: 'cli/invalid-type',
      message: `${param} must be ${valid.said}, not ${describe(node)}${quoteIt ? ' (quote it)' : ''}.`,
      awsCli: `Invalid type for parameter ${param}, value: ${pyStr(node)}, type: ${pyType(node)}, valid types: ${valid.python}`,
    });
  }

  private structure(node: DictNode, shape: StructureShape): void {
    const entries = node.entries;
    for (const m of shape.members) {
      if (m.required && !member(node, m.name)) {
        const where = this.name();
        this.out.push({
          ...headOf(node),
          severity: 'error',
          code: 'cli/missing-member',
          message: `Missing required member "${m.name}"${where === 'input' ? '' : ` in ${where}`}: ${m.overview}`,
          awsCli: `Missing required parameter in ${where}: "${m.name}"`,
        });
      }
    }
    // botocore reports every unknown member before it descends into the known ones.
    for (let i = 0; i < entries.length; i++) {
      const key = entries[i]!.key;
      if (key.type !== 'str' || !memberOf(shape, key.value)) this.out.push(unknownMember(key, shape, this.name()));
    }
    for (let i = 0; i < entries.length; i++) {
      const { key, value } = entries[i]!;
      const m = key.type === 'str' ? memberOf(shape, key.value) : undefined;
      if (!m) continue;
      this.path.push(m.name);
      this.validate(value, m.shape, key);
      this.path.pop();
    }
  }

  private list(node: ListNode, shape: ListShape, key: Node | undefined): void {
    this.minLength(node, node.items.length, shape.min, key);
    for (let i = 0; i < node.items.length; i++) {
      this.path.push(i);
      this.validate(node.items[i]!, shape.member, undefined);
      this.path.pop();
    }
  }

  private minLength(node: Node, length: number, min: number | undefined, key: Node | undefined): void {
    if (min === undefined || length >= min) return;
    const param = this.name();
    const unit = node.type === 'list' ? 'item' : 'character';
    this.out.push({
      ...spanOf(node, key),
      severity: 'error',
      code: 'cli/too-short',
      message: `${param} is empty: it needs at least ${plural(min, unit)}.`,
      awsCli: `Invalid length for parameter ${param}, value: ${length}, valid min length: ${min}`,
    });
  }
}

function unknownMember(key: Node, shape: StructureShape, where: string): RawFinding {
  const keyText = pyStr(key);
  const names = shape.members.map((m) => m.name).join(', ');
  const suggestion = suggestMember(shape, keyText);
  return {
    start: key.start,
    end: key.end,
    severity: 'error',
    code: 'cli/unknown-member',
    message:
      `Unknown member "${keyText}"${where === 'input' ? '' : ` in ${where}`}: ` +
      (suggestion ? `did you mean "${suggestion}"? ` : '') +
      `The AWS CLI accepts only ${names}.`,
    awsCli: `Unknown parameter in ${where}: "${keyText}", must be one of: ${names}`,
  };
}

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
    // The user's value named as written (a date's form is fixed); a timestamp's forms vary: none named.
    case 'date':
      return `a date (YAML reads the unquoted ${pyStr(node)} as one)`;
    case 'datetime':
      return 'a timestamp (YAML reads this unquoted value as one)';
    case 'bytes':
      return 'binary data';
    case 'dict':
      return 'an object';
    case 'list':
      return 'a list';
  }
}
