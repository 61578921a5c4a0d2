// What the AWS CLI lets through and the service rejects or mangles: maximum lengths, more than
// 10 users, the ARN pattern, a `properties` that is not a JSON object, and the softer warnings.
import { type Node as JsonNode, parseTree } from 'jsonc-parser';
import type { Member, StringShape } from '../model';
import { fullPattern, MAX_CATEGORICAL_VALUE_LENGTH, PUT_USERS_REQUEST, USER, USER_LIST } from '../model';
import type { DictNode, Entry, StrNode } from '../tree';
import { member } from '../tree';
import type { RawFinding } from './finding';
import { decodedToSource } from './string-offsets';
import { innerKeys } from '../properties-cursor';
import { datasetArnProblems } from '../arn';
import { camelCase } from '../camel-case';
import type { DatasetSchema } from '../dataset-schema';
import { schemaFindings } from './dataset-schema';

const ARN = PUT_USERS_REQUEST.members[0]!;
const USER_ID = USER.members[0]!;
const PROPERTIES = USER.members[1]!;

export function serviceFindings(root: DictNode, text: string, schema?: DatasetSchema): RawFinding[] {
  const out: RawFinding[] = [];
  const arn = member(root, ARN.name);
  if (arn?.value.type === 'str' && checkString(arn.value, ARN, undefined, out)) {
    const { start, end } = arn.value;
    for (const problem of datasetArnProblems(arn.value.value))
      out.push({ start, end, severity: 'warning', ...problem });
  }
  const users = member(root, 'users');
  if (users?.value.type !== 'list') return out;
  const list = users.value;
  if (USER_LIST.max !== undefined && list.items.length > USER_LIST.max) {
    out.push({
      start: users.key.start,
      end: users.key.end,
      severity: 'error',
      code: 'service/too-many-users',
      message: `${list.items.length} users: one PutUsers request takes at most ${USER_LIST.max}. The AWS CLI sends it anyway and the service rejects it; split the file (or let Send split it).`,
    });
  }
  const firstIndexOfId = new Map<string, number>();
  for (let i = 0; i < list.items.length; i++) {
    const user = list.items[i]!;
    if (user.type !== 'dict') continue;
    const id = member(user, USER_ID.name);
    if (id?.value.type === 'str') {
      checkString(id.value, USER_ID, i, out);
      const first = firstIndexOfId.get(id.value.value);
      if (first === undefined) firstIndexOfId.set(id.value.value, i);
      else if (id.value.value.length > 0) {
        out.push({
          start: id.value.start,
          end: id.value.end,
          severity: 'warning',
          code: 'service/duplicate-user-id',
          message: `users[${i}] has the same userId as users[${first}]: the service keeps only one of them.`,
        });
      }
    }
    const props = member(user, PROPERTIES.name);
    if (props?.value.type === 'str') {
      checkString(props.value, PROPERTIES, i, out);
      if (props.value.value.length > 0) checkProperties(props, i, text, out, schema !== undefined);
    }
    if (schema && (!props || props.value.type === 'str'))
      schemaFindings(user, props?.value as StrNode | undefined, i, text, schema, out);
  }
  return out;
}

/** botocore's name for a member: `datasetArn`, or `users[3].userId` for a user's (built only for a finding). */
const paramName = (m: Member, userIndex?: number) =>
  userIndex === undefined ? m.name : `users[${userIndex}].${m.name}`;

/** Length and pattern; whether the string passed both. */
function checkString(node: StrNode, m: Member, userIndex: number | undefined, out: RawFinding[]): boolean {
  const shape = m.shape as StringShape;
  const before = out.length;
  if (shape.max !== undefined && node.value.length > shape.max) {
    out.push({
      start: node.start,
      end: node.end,
      severity: 'error',
      code: 'service/too-long',
      message: `${paramName(m, userIndex)} has ${node.value.length} characters; the service accepts at most ${shape.max}.`,
    });
  }
  if (shape.pattern && !new RegExp(fullPattern(shape.pattern)).test(node.value)) {
    out.push({
      start: node.start,
      end: node.end,
      severity: 'error',
      code: 'service/arn-pattern',
      message: `${paramName(m, userIndex)} is not a Personalize ARN (expected arn:aws:personalize:REGION:ACCOUNT:dataset/DATASET_GROUP/USERS).`,
    });
  }
  return out.length === before;
}

/** `properties` must hold a JSON object whose keys are camelCase and whose values are scalars. */
/** `keysBySchema`: a dataset schema checks the keys (rules/dataset-schema.ts), so no key-case warning here. */
function checkProperties(
  entry: Entry,
  userIndex: number,
  text: string,
  out: RawFinding[],
  keysBySchema: boolean,
): void {
  const node = entry.value as StrNode;
  const name = paramName(PROPERTIES, userIndex);
  const decoded = node.value;
  if (PLAINLY_FINE_PROPERTIES.test(decoded)) {
    // Its keys are the plain strings before a colon (its values hold no quotes): cheap to compare.
    const keys = [...decoded.matchAll(PLAIN_KEY)];
    if (new Set(keys.map((m) => m[1])).size !== keys.length) checkDuplicateKeys(node, name, text, out);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch (e) {
    const where = /position (\d+)/.exec(String((e as Error).message));
    const offset = where ? Number(where[1]) : 0;
    out.push({
      ...(where ? decodedToSource(text, node, offset, offset + 1) : { start: node.start, end: node.end }),
      severity: 'error',
      code: 'service/properties-not-json',
      message: `${name} is not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}): the service rejects it ("Error parsing properties json").`,
    });
    return;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    out.push({
      start: node.start,
      end: node.end,
      severity: 'error',
      code: 'service/properties-not-object',
      message: `${name} must hold a JSON object such as {"numberOfVideosWatched": "45"}, not ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}.`,
    });
    return;
  }
  checkDuplicateKeys(node, name, text, out);
  // Check the parsed object first (native and fast); locate with a tree only when something is wrong.
  let flagged = false;
  for (const key in parsed) {
    const value = (parsed as Record<string, unknown>)[key];
    if ((!keysBySchema && !CAMEL_CASE.test(key)) || isNested(value) || isLongCategorical(value)) flagged = true;
  }
  if (!flagged) return;
  const at = (from: number, to: number) => decodedToSource(text, node, from, to);
  const tree = parseTree(decoded);
  for (const prop of tree?.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!keysBySchema && !CAMEL_CASE.test(key)) {
      out.push({
        ...at(keyNode.offset, keyNode.offset + keyNode.length),
        severity: 'warning',
        code: 'service/properties-key-case',
        message:
          `Property key "${key}" is not camelCase: the service matches keys to the schema's fields in camelCase` +
          (camelCase(key) !== key ? ` (did you mean "${camelCase(key)}"?).` : '.'),
      });
    }
    checkPropertyValue(valueNode, key, at, out);
  }
}

const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const PLAIN_KEY = /"([a-z][a-zA-Z0-9]*)"[ \t\n\r]*:/g;

/**
 * A key twice in the object: JSON leaves open which value a reader keeps, so what the service
 * stores is not defined. Each repetition is flagged, on the key.
 */
function checkDuplicateKeys(node: StrNode, name: string, text: string, out: RawFinding[]): void {
  const seen = new Set<string>();
  for (const { key, start, end } of innerKeys(node.value, 0, node.value.length, 'block')) {
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    out.push({
      ...decodedToSource(text, node, start, end),
      severity: 'warning',
      code: 'service/properties-duplicate-key',
      message: `${name} has the key "${key}" more than once: JSON does not say which value counts, so which one the service keeps is not defined. Keep one.`,
    });
  }
}

/**
 * A fast, sound shortcut (3x faster than JSON.parse on 10,000 users): a flat JSON object whose
 * keys are camelCase and whose values are numbers, booleans, null or unescaped strings of at
 * most 1000 characters has nothing to report. Anything else takes the full check below.
 */
const WS = '[ \\t\\n\\r]*';
const SCALAR = `(?:"[^"\\\\\\x00-\\x1f]{0,${MAX_CATEGORICAL_VALUE_LENGTH}}"|-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)`;
const PLAINLY_FINE_PROPERTIES = new RegExp(
  `^\\{${WS}(?:"[a-z][a-zA-Z0-9]*"${WS}:${WS}${SCALAR}${WS}(?:,${WS}(?!\\})|(?=\\})))*\\}${WS}$`,
);
const isNested = (value: unknown) => value !== null && typeof value === 'object';
const isLongCategorical = (value: unknown) => typeof value === 'string' && value.length > MAX_CATEGORICAL_VALUE_LENGTH;

function checkPropertyValue(
  value: JsonNode,
  key: string,
  at: (from: number, to: number) => { start: number; end: number },
  out: RawFinding[],
): void {
  if (value.type === 'array' || value.type === 'object') {
    out.push({
      ...at(value.offset, value.offset + value.length),
      severity: 'warning',
      code: 'service/properties-nested-value',
      message: `Property "${key}" holds ${value.type === 'array' ? 'an array' : 'an object'}: schema fields are strings, numbers or booleans (separate categories with "|").`,
    });
  } else if (value.type === 'string' && String(value.value).length > MAX_CATEGORICAL_VALUE_LENGTH) {
    out.push({
      ...at(value.offset, value.offset + value.length),
      severity: 'warning',
      code: 'service/categorical-too-long',
      message: `Property "${key}" has ${String(value.value).length} characters: a categorical value may have at most ${MAX_CATEGORICAL_VALUE_LENGTH}.`,
    });
  }
}
