// `properties` against the Users dataset's schema: every key a field in camelCase, every value
// of its field's type, every field that is not nullable present, categorical values without an
// empty category, and no user id repeated inside. Located on the key or value inside the string.
//
// Numbers written as strings ("45", as AWS's own PutUsers example writes them) fit a numeric
// field when they are a number of that type, and "true"/"false" fit a boolean: the service reads
// `properties` against the schema's types, and its documented example uses strings. Not verified
// against the live service (no AWS account here); a string that is no number never fits.
import { type Node as JsonNode, parseTree } from 'jsonc-parser';
import { type DatasetSchema, type SchemaField, textMisfit } from '../dataset-schema';
import { USERS_SCHEMA } from '../model';
import { nearestName, sameName } from '../nearest';
import type { DictNode, StrNode } from '../tree';
import type { RawFinding } from './finding';
import { decodedToSource } from './string-offsets';

/** The checks of one user; `properties` is the user's `properties` string, when it has one. */
export function schemaFindings(
  user: DictNode,
  properties: StrNode | undefined,
  userIndex: number,
  text: string,
  schema: DatasetSchema,
  out: RawFinding[],
): void {
  const name = `users[${userIndex}].properties`;
  if (!properties) {
    const missing = schema.fields.filter((f) => !f.nullable);
    if (missing.length > 0)
      out.push({
        start: user.head?.start ?? user.start,
        end: user.head?.end ?? user.start + 1,
        severity: 'error',
        code: 'schema/missing-field',
        message: `users[${userIndex}] has no properties, and the dataset's schema requires ${list(missing)}.`,
      });
    return;
  }
  const tree = parseTree(properties.value);
  if (tree?.type !== 'object') return; // not a JSON object: the service rules say so
  const at = (node: JsonNode) => decodedToSource(text, properties, node.offset, node.offset + node.length);
  const present = new Set<string>();
  for (const prop of tree.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const field = schema.byKey.get(key) ?? misnamedField(key, keyNode, schema, name, at, out);
    if (!field) continue;
    present.add(field.key);
    checkValue(field, valueNode, properties.value, at, out);
  }
  const missing = schema.fields.filter((f) => !f.nullable && !present.has(f.key));
  if (missing.length > 0)
    out.push({
      start: properties.start,
      end: properties.end,
      severity: 'error',
      code: 'schema/missing-field',
      message: `${name} lacks ${list(missing)}: the dataset's schema requires ${missing.length === 1 ? 'it' : 'them'} (only a union with "null" may be left out).`,
    });
}

/** A key that is not a field's camelCase form: the field it means (reported), or an unknown key. */
function misnamedField(
  key: string,
  keyNode: JsonNode,
  schema: DatasetSchema,
  name: string,
  at: (node: JsonNode) => { start: number; end: number },
  out: RawFinding[],
): SchemaField | undefined {
  if (key === 'userId' || key === USERS_SCHEMA.userIdField) {
    out.push({
      ...at(keyNode),
      severity: 'error',
      code: 'schema/user-id-in-properties',
      message: `${name} holds "${key}": the user's id is userId, beside properties; USER_ID is no metadata field.`,
    });
    return undefined;
  }
  const byName = schema.fields.find((f) => sameName(f.key, key));
  if (byName) {
    out.push({
      ...at(keyNode),
      severity: 'error',
      code: 'schema/key-not-camel-case',
      message: `"${key}" is the field ${byName.name}: properties names it "${byName.key}" (its name in camelCase), and the service finds no field "${key}".`,
    });
    return byName;
  }
  const near = nearestName(
    schema.fields.map((f) => f.key),
    key,
  );
  out.push({
    ...at(keyNode),
    severity: 'error',
    code: 'schema/unknown-key',
    message:
      `"${key}" is no field of the dataset's schema` +
      (near ? ` (did you mean "${near}"?).` : `: its keys are ${schema.fields.map((f) => f.key).join(', ')}.`),
  });
  return undefined;
}

function checkValue(
  field: SchemaField,
  value: JsonNode,
  decoded: string,
  at: (node: JsonNode) => { start: number; end: number },
  out: RawFinding[],
): void {
  if (value.type === 'null') {
    if (!field.nullable)
      out.push({
        ...at(value),
        severity: 'error',
        code: 'schema/missing-field',
        message: `${field.key} is null, and the field ${field.name} is "${field.type}", not a union with "null".`,
      });
    return;
  }
  if (value.type === 'object' || value.type === 'array') return; // the service rules report nested values
  const raw = decoded.slice(value.offset, value.offset + value.length);
  const problem = misfit(field, value, raw);
  if (problem)
    out.push({
      ...at(value),
      severity: 'error',
      code: 'schema/wrong-type',
      message: `${field.key} is ${problem}: the field ${field.name} is "${field.type}".`,
    });
  else if (
    field.categorical &&
    value.type === 'string' &&
    String(value.value)
      .split('|')
      .some((c) => c === '')
  )
    out.push({
      ...at(value),
      severity: 'error',
      code: 'schema/empty-category',
      message: `${field.key} has an empty category ("${String(value.value).slice(0, 60)}"): separate categories with one "|", with none at either end.`,
    });
}

/** Why a JSON value does not fit the field's type, or undefined when it does. */
function misfit(field: SchemaField, value: JsonNode, raw: string): string | undefined {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  if (field.type === 'string')
    return value.type === 'string'
      ? undefined
      : `${value.type === 'number' ? 'a number' : 'a boolean'} (${shown}), not a string`;
  // A JSON boolean is no number, nor a JSON number a boolean; a string may hold either (see the top).
  if ((value.type === 'boolean') !== (field.type === 'boolean') && value.type !== 'string')
    return `${shown}, not ${field.type === 'boolean' ? 'true or false' : `a number of type ${field.type}`}`;
  const why = textMisfit(field, value.type === 'string' ? String(value.value) : raw);
  return why && `${shown}, ${why}`;
}

const list = (fields: SchemaField[]) => fields.map((f) => `"${f.key}"`).join(', ');
