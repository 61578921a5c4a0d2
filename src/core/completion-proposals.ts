// What to propose at a completion context, as text edits: snippets (VS Code's syntax: `$1`,
// `${1:default}`) over exact offsets. The editor wraps them into items; tests expand and apply
// them at every offset of a file and check the file still parses.
import type { CompletionContext } from './completion-context';
import { fieldLiteral, type SchemaField, textMisfit } from './dataset-schema';
import type { Member, SchemaFieldType } from './model';
import { structureAt } from './model-paths';
import { encodeInner, encodeJson, innerQuote } from './properties-cursor';
import { escapeSnippet } from './snippets';
import type { Format } from './types';

export interface CompletionProposal {
  label: string;
  kind: 'member' | 'arn-template' | 'arn' | 'property-key' | 'property-value' | 'input-snippet' | 'user-snippet';
  /** The text to insert, in snippet syntax. */
  snippet: string;
  /** Offsets of the text it replaces. */
  start: number;
  end: number;
  /** What the editor matches the typed text against (it starts at `start`: a quote, in JSON). */
  filterText?: string;
  /** A comma to insert at this offset too (before `start`: after the element a user follows). */
  commaAt?: number;
  /** For members: the model's member (its docs, whether it is required). */
  member?: Member;
  /** For property keys and values when the dataset's schema has the key: its field. */
  field?: SchemaField;
  /** For property values: how many users in the workspace have it for the key (none: a boolean offered). */
  uses?: number;
}

/** A value other users have for a key: its inner JSON literal (`"gold"`, `30`, `true`) and how many have it. */
export interface UsedValue {
  literal: string;
  uses: number;
}

/** What the proposals draw on beyond the text: ARNs the workspace uses, other users' property keys. */
export interface ProposalSources {
  datasetArns: readonly string[];
  propertyKeys: readonly string[];
  /** The dataset schema's fields, when known: then they are the keys proposed, with typed values. */
  schemaFields?: readonly SchemaField[];
  /** At a value inside properties: the values used for its key, most used first. */
  usedValues?: readonly UsedValue[];
}

const ARN_TEMPLATE = 'arn:aws:personalize:${1:region}:${2:account}:dataset/${3:group}/USERS';

export function completionProposals(
  context: CompletionContext,
  format: Format,
  sources: ProposalSources,
): CompletionProposal[] {
  switch (context.kind) {
    case 'key':
      return memberProposals(context, format);
    case 'value':
      return context.path.length === 1 && context.path[0] === 'datasetArn'
        ? arnProposals(context, format, sources.datasetArns)
        : [];
    case 'properties':
      if (context.cursor.kind === 'value') return propertyValueProposals(context, sources);
      return propertyKeyProposals(
        context,
        sources.schemaFields?.map((field) => ({ key: field.key, type: field.type, field })) ??
          sources.propertyKeys.map((key) => ({ key, type: 'string' as const })),
      );
  }
}

function memberProposals(context: Extract<CompletionContext, { kind: 'key' }>, format: Format): CompletionProposal[] {
  return (structureAt(context.path)?.members ?? [])
    .filter((m) => !context.present.includes(m.name))
    .map((m) => {
      const key = format === 'json' ? JSON.stringify(m.name) : m.name;
      const snippet = context.keyOnly ? key : memberSnippet(m, format) + (context.memberAfter ? ',' : '');
      return {
        label: m.name,
        kind: 'member',
        snippet,
        start: context.start,
        end: context.end,
        filterText: key,
        member: m,
      };
    });
}

function memberSnippet(m: Member, format: Format): string {
  const key = format === 'json' ? `"${m.name}": ` : `${m.name}: `;
  if (m.shape.kind === 'list')
    return format === 'json' ? `${key}[\n\t{\n\t\t"userId": "$1"\n\t}\n]` : `${key}\n- userId: $1`;
  if (m.name === 'datasetArn') return format === 'json' ? `${key}"${ARN_TEMPLATE}"` : `${key}${ARN_TEMPLATE}`;
  if (m.name === 'properties')
    return format === 'json'
      ? `${key}"{\\\\"\${1:key}\\\\": \\\\"\${2:value}\\\\"}"`
      : `${key}'{"\${1:key}": "\${2:value}"}'`;
  return format === 'json' ? `${key}"$1"` : `${key}$1`;
}

function arnProposals(
  context: Extract<CompletionContext, { kind: 'value' }>,
  format: Format,
  known: readonly string[],
): CompletionProposal[] {
  // Inside quotes, the quote's escapes; else JSON's quotes, or YAML's plain scalar (an ARN needs no quotes).
  const quote = (s: string) =>
    context.quote === "'"
      ? s.replace(/'/g, "''")
      : context.quote === '"'
        ? JSON.stringify(s).slice(1, -1)
        : format === 'json'
          ? JSON.stringify(s)
          : s;
  const prefix = context.spaceBefore ? ' ' : '';
  const { start, end } = context;
  return [
    ...known.map((arn): CompletionProposal => ({
      label: arn,
      kind: 'arn',
      snippet: prefix + escapeSnippet(quote(arn)),
      start,
      end,
      filterText: quote(arn),
    })),
    {
      label: 'arn:aws:personalize:…:dataset/…/USERS',
      kind: 'arn-template',
      snippet: prefix + (context.quote || format === 'yaml' ? ARN_TEMPLATE : `"${ARN_TEMPLATE}"`),
      start,
      end,
      filterText: quote('arn:aws:personalize:'),
    },
  ];
}

/**
 * Keys inside a `properties` string, written with the quotes and escapes of its literal, each
 * with a value of its field's type to fill in (a string when the type is not known).
 */
function propertyKeyProposals(
  { cursor, encoding, newLiteral, spaceBefore }: Extract<CompletionContext, { kind: 'properties' }>,
  keys: readonly { key: string; type: SchemaFieldType; field?: SchemaField }[],
): CompletionProposal[] {
  const q = innerQuote(encoding);
  // A key the object has already would be a duplicate (rules/service.ts flags one).
  const present = new Set(cursor.present);
  return keys
    .filter(({ key }) => !present.has(key))
    .map(({ key, type, field }) => {
      const name = escapeSnippet(encodeInner(key, encoding));
      const proposal = { label: key, kind: 'property-key' as const, start: cursor.start, end: cursor.end, field };
      if (cursor.kind === 'in-key') return { ...proposal, snippet: name, filterText: encodeInner(key, encoding) };
      const value =
        type === 'string'
          ? `${q}$1${q}`
          : type === 'boolean'
            ? '${1|true,false|}'
            : type === 'int' || type === 'long'
              ? '${1:0}'
              : '${1:0.0}';
      const member = `${q}${name}${q}: ${value}`;
      if (cursor.kind === 'key')
        return {
          ...proposal,
          snippet: member + (cursor.memberAfter ? ', ' : ''),
          filterText: encodeInner(key, encoding),
        };
      // A whole object; in a literal of its own when the YAML value was empty.
      const literal = newLiteral ? "'" : '';
      return { ...proposal, snippet: `${spaceBefore ? ' ' : ''}${literal}{${member}}${literal}` };
    });
}

/**
 * Values inside a `properties` string, for the key before the cursor: `true` and `false` for a
 * boolean field, then the values used for the key that fit its field (all of them without a
 * schema), and each category of a categorical field's values. Strings quoted, numbers and
 * booleans bare, written as the literal's encoding needs.
 */
function propertyValueProposals(
  { cursor, encoding }: Extract<CompletionContext, { kind: 'properties' }>,
  { schemaFields, usedValues = [] }: ProposalSources,
): CompletionProposal[] {
  const field = schemaFields?.find((f) => f.key === cursor.key);
  const offered = new Map<string, number | undefined>();
  if (field?.type === 'boolean') for (const literal of ['true', 'false']) offered.set(literal, undefined);
  for (const { literal, uses } of usedValues) {
    if (field && !fits(field, literal)) continue;
    if (!offered.has(literal)) offered.set(literal, uses);
    if (field?.categorical)
      for (const category of (JSON.parse(literal) as string).split('|')) {
        const single = JSON.stringify(category);
        if (category !== '' && !offered.has(single)) offered.set(single, uses);
      }
  }
  return [...offered].map(([literal, uses]): CompletionProposal => {
    const value: unknown = JSON.parse(literal);
    const text = encodeJson(literal, encoding);
    return {
      label: typeof value === 'string' ? value : literal,
      kind: 'property-value',
      snippet: (cursor.lead ?? '') + escapeSnippet(text),
      start: cursor.start,
      end: cursor.end,
      filterText: (cursor.lead ?? '') + text,
      ...(field ? { field } : {}),
      ...(uses === undefined ? {} : { uses }),
    };
  });
}

/** Whether a used value's literal fits the field: numbers and booleans as such, or written as strings. */
function fits(field: SchemaField, literal: string): boolean {
  const value: unknown = JSON.parse(literal);
  if (typeof value === 'string')
    return field.type === 'string' || (field.type !== 'boolean' && textMisfit(field, value) === undefined);
  if (typeof value === 'number')
    return field.type !== 'string' && field.type !== 'boolean' && fieldLiteral(field, literal) !== undefined;
  return typeof value === 'boolean' && field.type === 'boolean';
}
