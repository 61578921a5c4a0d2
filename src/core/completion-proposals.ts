// What to propose at a completion context, as text edits: snippets (VS Code's syntax: `$1`,
// `${1:default}`) over exact offsets. The editor wraps them into items; tests expand and apply
// them at every offset of a file and check the file still parses.
import type { CompletionContext } from './completion-context';
import type { SchemaField } from './dataset-schema';
import type { Member, SchemaFieldType } from './model';
import { structureAt } from './model-paths';
import { encodeInner, innerQuote } from './properties-cursor';
import { escapeSnippet } from './snippets';
import type { Format } from './types';

export interface CompletionProposal {
  label: string;
  kind: 'member' | 'arn-template' | 'arn' | 'property-key';
  /** The text to insert, in snippet syntax. */
  snippet: string;
  /** Offsets of the text it replaces. */
  start: number;
  end: number;
  /** What the editor matches the typed text against (it starts at `start`: a quote, in JSON). */
  filterText?: string;
  /** For members: the model's member (its docs, whether it is required). */
  member?: Member;
  /** For property keys from the dataset's schema: its field. */
  field?: SchemaField;
}

/** What the proposals draw on beyond the text: ARNs the workspace uses, other users' property keys. */
export interface ProposalSources {
  datasetArns: readonly string[];
  propertyKeys: readonly string[];
  /** The dataset schema's fields, when known: then they are the keys proposed, with typed values. */
  schemaFields?: readonly SchemaField[];
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
  const quote = (s: string) => (format === 'json' ? `"${s}"` : s);
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
      snippet: prefix + quote(ARN_TEMPLATE),
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
  return keys.map(({ key, type, field }) => {
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
