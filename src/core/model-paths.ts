// From a location in a document to the model member it is about, and a member's documentation
// (hovers, completions and quick fixes share them).
import type { PathStep } from './locate';
import { type Member, memberOf, PUT_USERS_REQUEST, type StructureShape, USER } from './model';

/** The structure a mapping at `path` (segments from the root) must match, if any. */
export function structureAt(path: readonly (string | number)[]): StructureShape | undefined {
  if (path.length === 0) return PUT_USERS_REQUEST;
  if (path.length === 2 && path[0] === 'users' && typeof path[1] === 'number') return USER;
  return undefined;
}

/** The member a location's last step names (`datasetArn`, `users[3].userId`, ...). */
export function memberAt(steps: readonly PathStep[]): Member | undefined {
  const last = steps[steps.length - 1];
  if (!last || typeof last.segment !== 'string') return undefined;
  const shape = structureAt(steps.slice(0, -1).map((s) => s.segment));
  return shape && memberOf(shape, last.segment);
}

/** Markdown documentation of a member, as hovers and completion items show it. */
export function memberDoc(m: Member): string {
  const constraints: string[] = [m.required ? 'required' : 'optional'];
  const shape = m.shape;
  if (shape.kind === 'string') {
    constraints.push('string');
    if (shape.min !== undefined || shape.max !== undefined)
      constraints.push(`${shape.min ?? 0} to ${shape.max ?? '∞'} characters`);
    if (shape.jsonValue) constraints.push('a JSON object in a string');
    if (shape.sensitive) constraints.push('sensitive');
  } else if (shape.kind === 'list') {
    constraints.push(`list of ${shape.member.name}`, `${shape.min ?? 0} to ${shape.max ?? '∞'} items`);
  }
  return `**${m.name}** (${constraints.join(', ')})\n\n${m.doc}`;
}
