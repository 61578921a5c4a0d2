// Small helpers for the core's unit tests.
import * as assert from 'node:assert/strict';
import { type Finding, type Format, parseDocument, pyStr, type StrNode, validate } from '../../../src/core';
import { ARN, rangeText } from '../../support/values';

/** The findings of `text` as `code @line:char-line:char` plus message and awsCli, easy to compare. */
export function findings(text: string, format: Format = 'json'): Finding[] {
  return validate(text, format);
}

export const at = (f: Finding) => rangeText(f.range);

/** The text a finding's range covers. */
export function covered(text: string, f: Finding): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (f.range.start.line === f.range.end.line)
    return lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character);
  return lines[f.range.start.line]!.slice(f.range.start.character) + '\n…';
}

export const awsLines = (text: string, format: Format = 'json') =>
  findings(text, format)
    .filter((f) => f.code.startsWith('cli/'))
    .map((f) => f.awsCli);

export { ARN };

/** A JSON input with the given users (each a JSON text). */
export const jsonInput = (...users: string[]) =>
  `{\n  "datasetArn": "${ARN}",\n  "users": [\n    ${users.join(',\n    ')}\n  ]\n}\n`;

/** The first user's `properties` string node (the text must parse). */
export function propertiesNode(text: string, format: Format): StrNode {
  const { root, error } = parseDocument(text, format);
  assert.equal(error, undefined, `parses: ${text}`);
  assert.ok(root?.type === 'dict');
  const users = root.entries.find((e) => pyStr(e.key) === 'users')!.value;
  assert.ok(users.type === 'list' && users.items[0]!.type === 'dict');
  const properties = users.items[0].entries.find((e) => pyStr(e.key) === 'properties')!.value;
  assert.ok(properties.type === 'str');
  return properties;
}
