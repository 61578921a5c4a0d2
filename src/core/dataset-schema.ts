// A Users dataset's schema, read from the Avro JSON that CreateSchema takes (a schema file, or
// DescribeSchema's answer): its metadata fields with their camelCase `properties` keys, types,
// nullability and whether categorical. A schema the service would not take for a Users dataset
// gets located findings on the schema's text, and no schema: the input is then checked without.
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type SchemaFieldType, USERS_SCHEMA } from './model';
import { lineIndex } from './positions';
import { camelCase } from './camel-case';
import { decodedToSource } from './rules/string-offsets';
import type { StrNode } from './tree';
import type { Finding } from './types';

/**
 * A dataset schema's file names, Avro's `.avsc` first. `.schema.json` is still read, but VS Code
 * takes every `*.schema.json` for a JSON Schema and checks it against JSON Schema's meta-schema.
 */
export const SCHEMA_FILE = {
  /** The schema of every input in its folder and below. */
  folderNames: ['users.avsc', 'users.schema.json'],
  extensions: ['.avsc', '.schema.json'],
  /** What a legacy name becomes: `users.schema.json` → `users.avsc`. */
  renamed: (name: string): string => name.replace(/\.schema\.json$/i, '.avsc'),
  isLegacy: (name: string): boolean => /\.schema\.json$/i.test(name),
} as const;

/**
 * The schema files beside an input (or a CSV to import), in the order they are looked for:
 * `people.putusers.json` → `people.putusers.avsc`, `people.avsc`, then the same with `.schema.json`.
 */
export function siblingSchemaNames(fileName: string): string[] {
  const name = fileName.replace(/\.(json|ya?ml|csv)$/i, '');
  const stems = [...new Set([name, name.replace(/\.putusers$/i, '')])];
  return SCHEMA_FILE.extensions.flatMap((extension) => stems.map((stem) => `${stem}${extension}`));
}

export interface SchemaField {
  /** As the schema names it: `NUMBER_OF_VIDEOS_WATCHED`. */
  name: string;
  /** As `properties` names it: `numberOfVideosWatched`. */
  key: string;
  type: SchemaFieldType;
  /** A union with "null": the key may be absent or null. */
  nullable: boolean;
  categorical: boolean;
}

export interface DatasetSchema {
  /** The metadata fields (not USER_ID), in the schema's order. */
  fields: SchemaField[];
  byKey: ReadonlyMap<string, SchemaField>;
}

export interface SchemaReading {
  /** Undefined when the schema cannot be used (the findings say why). */
  schema?: DatasetSchema;
  /** Located on the schema's own text, code `schema/invalid-schema`. */
  findings: Finding[];
}

interface Problem {
  start: number;
  end: number;
  message: string;
}

export function readDatasetSchema(text: string): SchemaReading {
  const problems: Problem[] = [];
  const schema = fieldsOf(text, problems);
  const lines = lineIndex(text);
  const findings = problems.map((p): Finding => ({
    range: lines.rangeOf(p.start, Math.max(p.end, p.start)),
    severity: 'error',
    code: 'schema/invalid-schema',
    message: p.message,
  }));
  return problems.length === 0 && schema ? { schema, findings } : { findings };
}

const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER_LIMIT = { int: 2n ** 31n, long: 2n ** 63n } as const;
const FLOAT_MAX = 3.4028234663852886e38;

/**
 * A value written as text (a CSV cell, a number or boolean inside a JSON string) as the JSON
 * literal of the field's type, or undefined when it is none: integers in their range, exactly
 * (beyond 2^53 too); floats and doubles in theirs; `true`/`false` in any case; any string.
 */
export function fieldLiteral(field: SchemaField, text: string): string | undefined {
  switch (field.type) {
    case 'string':
      return JSON.stringify(text);
    case 'boolean':
      return /^(?:true|false)$/i.test(text) ? text.toLowerCase() : undefined;
    case 'int':
    case 'long': {
      if (!INTEGER.test(text)) return undefined;
      const n = BigInt(text);
      return n < -INTEGER_LIMIT[field.type] || n >= INTEGER_LIMIT[field.type] ? undefined : text;
    }
    case 'float':
    case 'double': {
      if (!NUMBER.test(text)) return undefined;
      const n = Math.abs(Number(text));
      if (!Number.isFinite(n) || (field.type === 'float' && n > FLOAT_MAX)) return undefined;
      // JSON wants a digit on each side of the point: `1.` and `.5` are written as JavaScript prints them.
      return JSON_NUMBER.test(text) ? text : String(Number(text));
    }
  }
}

/** Why a value written as text does not fit the field's type (`not an integer`, `out of range for int`), or undefined when it does. */
export function textMisfit(field: SchemaField, text: string): string | undefined {
  if (fieldLiteral(field, text) !== undefined) return undefined;
  switch (field.type) {
    case 'string':
      return undefined;
    case 'boolean':
      return 'not true or false';
    case 'int':
    case 'long':
      return INTEGER.test(text) ? `out of range for ${field.type}` : 'not an integer';
    case 'float':
    case 'double':
      return NUMBER.test(text) ? `out of range for a ${field.type}` : 'not a number';
  }
}

/** A schema from fields already known (tests, DescribeSchema answers already read). */
export function datasetSchemaOf(fields: SchemaField[]): DatasetSchema {
  return { fields, byKey: new Map(fields.map((f) => [f.key, f])) };
}

function fieldsOf(text: string, problems: Problem[]): DatasetSchema | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    problems.push({
      start: e?.offset ?? 0,
      end: (e?.offset ?? 0) + (e?.length ?? 0),
      message: `The schema is not JSON (${e ? printParseErrorCode(e.error) : 'empty'}): CreateSchema takes an Avro schema as JSON.`,
    });
    return undefined;
  }
  const whole = { start: root.offset, end: root.offset + root.length };
  if (root.type !== 'object') {
    problems.push({ ...whole, message: 'The schema must be an Avro record: a JSON object with "type": "record".' });
    return undefined;
  }
  const type = property(root, 'type');
  if (type?.value !== 'record')
    problems.push({ ...spanOf(type ?? root), message: 'The schema\'s "type" must be "record".' });
  const fieldsNode = property(root, 'fields');
  if (fieldsNode?.type !== 'array') {
    problems.push({ ...spanOf(fieldsNode ?? root), message: 'The schema needs "fields": a list of fields.' });
    return undefined;
  }
  const fields: SchemaField[] = [];
  let userId = false;
  const seen = new Map<string, string>();
  for (const node of fieldsNode.children ?? []) {
    const field = fieldOf(node, problems);
    if (!field) continue;
    if (field.name === USERS_SCHEMA.userIdField) {
      userId = true;
      if (field.type !== 'string' || field.nullable)
        problems.push({ ...spanOf(node), message: `${USERS_SCHEMA.userIdField} must be of type "string".` });
      continue;
    }
    const other = seen.get(field.key);
    if (other !== undefined)
      problems.push({
        ...spanOf(node),
        message: `${field.name} and ${other} are both "${field.key}" in properties: field names must differ in camelCase.`,
      });
    seen.set(field.key, field.name);
    fields.push(field);
  }
  if (!userId)
    problems.push({
      ...spanOf(fieldsNode),
      message: `Not a Users schema: it has no ${USERS_SCHEMA.userIdField} field (a string).`,
    });
  if (fields.length < USERS_SCHEMA.minMetadataFields || fields.length > USERS_SCHEMA.maxMetadataFields)
    problems.push({
      ...spanOf(fieldsNode),
      message: `A Users schema has ${USERS_SCHEMA.minMetadataFields} to ${USERS_SCHEMA.maxMetadataFields} metadata fields besides ${USERS_SCHEMA.userIdField}; this one has ${fields.length}.`,
    });
  return datasetSchemaOf(fields);
}

function fieldOf(node: JsonNode, problems: Problem[]): SchemaField | undefined {
  const name = property(node, 'name')?.value;
  if (node.type !== 'object' || typeof name !== 'string' || name === '') {
    problems.push({ ...spanOf(node), message: 'A field needs a "name" (a string) and a "type".' });
    return undefined;
  }
  const typeNode = property(node, 'type');
  const type = typeOf(typeNode);
  if (!type) {
    problems.push({
      ...spanOf(typeNode ?? node),
      message: `${name}: the service takes ${USERS_SCHEMA.fieldTypes.map((t) => `"${t}"`).join(', ')} or a union of one with "null" as a field's type.`,
    });
    return undefined;
  }
  const categorical = property(node, 'categorical');
  if (categorical?.value === true && type.type !== 'string')
    problems.push({
      ...spanOf(categorical.parent ?? categorical),
      message: `${name}: only a string field can be "categorical"; this one is "${type.type}".`,
    });
  return { name, key: camelCase(name), ...type, categorical: categorical?.value === true };
}

function typeOf(node: JsonNode | undefined): { type: SchemaFieldType; nullable: boolean } | undefined {
  const primitive = (n: JsonNode | undefined) =>
    (USERS_SCHEMA.fieldTypes as readonly unknown[]).includes(n?.value) ? (n!.value as SchemaFieldType) : undefined;
  if (node?.type === 'string') {
    const type = primitive(node);
    return type && { type, nullable: false };
  }
  if (node?.type !== 'array' || node.children?.length !== 2) return undefined;
  const [a, b] = node.children;
  const nullFirst = a?.value === 'null';
  const type = primitive(nullFirst ? b : a);
  return type && (nullFirst || b?.value === 'null') ? { type, nullable: true } : undefined;
}

const property = (node: JsonNode, key: string): JsonNode | undefined =>
  node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;

const spanOf = (node: JsonNode) => ({ start: node.offset, end: node.offset + node.length });

/** The `properties` key whose source (inside the string as written) covers `offset`, if any. */
export function propertyKeyAt(text: string, properties: StrNode, offset: number): string | undefined {
  const tree = parseTree(properties.value);
  for (const prop of tree?.type === 'object' ? (tree.children ?? []) : []) {
    const key = prop.children?.[0];
    if (!key) continue;
    const { start, end } = decodedToSource(text, properties, key.offset, key.offset + key.length);
    // A value whose source could not be aligned maps to the whole of it: no key can be told apart there.
    if (start === properties.start && end === properties.end) return undefined;
    if (offset >= start && offset <= end) return String(key.value);
  }
  return undefined;
}
