// The JSON Schema (draft-07) of an input file, generated from the model (scripts/generate-schema.mjs
// writes schemas/putusers-input.schema.json; a test keeps the committed file fresh).
import type { Member, Shape, StructureShape } from './model';
import { fullPattern, OPERATION, PUT_USERS_REQUEST } from './model';

type JsonSchema = Record<string, unknown>;

export function inputJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://putusers.dev/schemas/putusers-input.schema.json',
    title: `${OPERATION.cliCommand} --cli-input-json`,
    description: `${OPERATION.doc} The input file of \`${OPERATION.cliCommand}\` (--cli-input-json or --cli-input-yaml).`,
    ...structureSchema(PUT_USERS_REQUEST),
  };
}

function structureSchema(shape: StructureShape): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(shape.members.map((m) => [m.name, memberSchema(m)])),
    required: shape.members.filter((m) => m.required).map((m) => m.name),
    additionalProperties: false,
  };
}

function memberSchema(m: Member): JsonSchema {
  const schema: JsonSchema = { description: m.doc, markdownDescription: m.doc, ...shapeSchema(m.shape) };
  if (m.example !== undefined) schema.examples = [m.example];
  return schema;
}

function shapeSchema(shape: Shape): JsonSchema {
  switch (shape.kind) {
    case 'string': {
      const s: JsonSchema = { type: 'string' };
      if (shape.min !== undefined) s.minLength = shape.min;
      if (shape.max !== undefined) s.maxLength = shape.max;
      if (shape.pattern !== undefined) s.pattern = fullPattern(shape.pattern);
      if (shape.jsonValue) s.contentMediaType = 'application/json';
      return s;
    }
    case 'list': {
      const s: JsonSchema = { type: 'array', items: structureSchema(shape.member) };
      if (shape.min !== undefined) s.minItems = shape.min;
      if (shape.max !== undefined) s.maxItems = shape.max;
      return s;
    }
    case 'structure':
      return structureSchema(shape);
  }
}
