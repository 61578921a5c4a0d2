// What the service says when it rejects a PutUsers body. The decision is the core's (validate():
// any error finding); the words are the service's: AWS's model validation ("1 validation error
// detected: Value ... at 'users.1.member.userId' failed to satisfy constraint: ..."), derived
// from the model's constraints, and "Error parsing properties json" for a `properties` that is
// no JSON object. Sensitive members are named, never quoted (as AWS does for sensitive values).
import {
  type DatasetSchema,
  type Finding,
  type FindingCode,
  fullPattern,
  plural,
  type ListShape,
  PUT_USERS_REQUEST,
  type Shape,
  type StructureShape,
  validate,
} from '../core';

/** Findings the service does not act on: an unknown member is ignored by AWS's JSON services. */
const IGNORED_BY_THE_SERVICE = new Set<FindingCode>(['cli/unknown-member']);

/** The error findings the service would reject this body for (empty: it accepts it); against the dataset's schema when it has one. */
export function serviceErrors(body: string, datasetSchema?: DatasetSchema): Finding[] {
  return validate(body, 'json', { datasetSchema }).filter(
    (f) => f.severity === 'error' && !IGNORED_BY_THE_SERVICE.has(f.code),
  );
}

/** The message of the service's InvalidInputException for a body with these error findings. */
export function invalidInputMessage(body: string, errors: readonly Finding[]): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'Request body is not valid JSON.';
  }
  const violations: string[] = [];
  walk(parsed, PUT_USERS_REQUEST, '', violations);
  if (violations.length > 0) {
    return `${plural(violations.length, 'validation error')} detected: ${violations.join('; ')}`;
  }
  if (errors.some((f) => f.code === 'service/properties-not-json' || f.code === 'service/properties-not-object'))
    return 'Error parsing properties json';
  // What the service says of properties that do not fit the schema is not known here (no AWS
  // account; docs/emulator.md): the emulator names the rule, never the keys' values.
  const misfits = errors.filter((f) => f.code.startsWith('schema/'));
  if (misfits.length > 0)
    return `properties do not fit the dataset's schema (${[...new Set(misfits.map((f) => f.code))].join(', ')})`;
  return errors.map((f) => f.message).join(' ');
}

function walk(value: unknown, shape: Shape, path: string, out: string[], sensitive = false): void {
  switch (shape.kind) {
    case 'structure':
      return structure(value, shape, path, out);
    case 'list':
      return list(value, shape, path, out);
    case 'string': {
      if (typeof value !== 'string') return;
      const quoted = shape.sensitive || sensitive ? `Value at '${path}'` : `Value '${value}' at '${path}'`;
      if (shape.min !== undefined && value.length < shape.min)
        out.push(
          `${quoted} failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`,
        );
      if (shape.max !== undefined && value.length > shape.max)
        out.push(`${quoted} failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !new RegExp(fullPattern(shape.pattern)).test(value)) {
        out.push(
          `${quoted} failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`,
        );
      }
      return;
    }
  }
}

function structure(value: unknown, shape: StructureShape, path: string, out: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  for (const m of shape.members) {
    const at = path ? `${path}.${m.name}` : m.name;
    if (record[m.name] === undefined || record[m.name] === null) {
      if (m.required) out.push(`Value null at '${at}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    walk(record[m.name], m.shape, at, out);
  }
}

function list(value: unknown, shape: ListShape, path: string, out: string[]): void {
  if (!Array.isArray(value)) return;
  if (shape.min !== undefined && value.length < shape.min)
    out.push(
      `Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`,
    );
  if (shape.max !== undefined && value.length > shape.max)
    out.push(
      `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`,
    );
  value.forEach((item, i) => walk(item, shape.member, `${path}.${i + 1}.member`, out));
}
