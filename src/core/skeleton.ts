// The CLI's --generate-cli-skeleton outputs, derived from the model, byte for byte.
import type { Member, Shape, StructureShape } from './model';
import { PUT_USERS_REQUEST } from './model';
import { escapeSnippet } from './snippets';

export type SkeletonKind = 'input' | 'yaml-input' | 'output';
export const SKELETON_KINDS: readonly SkeletonKind[] = ['input', 'yaml-input', 'output'];

/**
 * An input skeleton as a snippet: the same text, with a tab stop in each empty value in order
 * (datasetArn, userId, properties). With nothing typed, it inserts the skeleton byte for byte.
 */
export function skeletonSnippet(kind: 'input' | 'yaml-input'): string {
  let stop = 0;
  const empty = kind === 'input' ? /(": )""/g : /(: )''/g;
  const quote = kind === 'input' ? '"' : "'";
  return escapeSnippet(skeleton(kind)).replace(empty, (_, before: string) => `${before}${quote}$${++stop}${quote}`);
}

export function skeleton(kind: SkeletonKind): string {
  switch (kind) {
    case 'input':
      return JSON.stringify(skeletonValue(PUT_USERS_REQUEST), null, 4) + '\n';
    case 'yaml-input':
      return yamlSkeleton(PUT_USERS_REQUEST, '', '');
    case 'output':
      return ''; // PutUsers has no output members: the CLI prints nothing.
  }
}

function skeletonValue(shape: Shape): unknown {
  switch (shape.kind) {
    case 'string':
      return '';
    case 'list':
      return [skeletonValue(shape.member)];
    case 'structure':
      return Object.fromEntries(shape.members.map((m) => [m.name, skeletonValue(m.shape)]));
  }
}

const comment = (m: Member) => (m.required ? '[REQUIRED] ' : '') + m.overview;

/**
 * ruamel.yaml's layout of the CLI's commented skeleton: a scalar's comment sits two spaces after
 * `''` when the comment column is reached, one space otherwise (the facts doc shows both).
 */
function yamlSkeleton(shape: StructureShape, indent: string, firstIndent: string): string {
  let out = '';
  shape.members.forEach((m, i) => {
    const lead = i === 0 ? firstIndent : indent;
    if (m.shape.kind === 'structure') {
      out += `${lead}${m.name}: # ${comment(m)}\n` + yamlSkeleton(m.shape, indent + '  ', indent + '  ');
    } else if (m.shape.kind === 'list') {
      out += `${lead}${m.name}: # ${comment(m)}\n` + yamlSkeleton(m.shape.member, indent + '  ', indent + '- ');
    } else {
      const last = i === shape.members.length - 1 && indent !== '';
      out += `${lead}${m.name}: ''${last ? ' ' : '  '}# ${comment(m)}\n`;
    }
  });
  return out;
}
