import type { ParseResult } from '../tree';
import type { Format } from '../types';
import { parseJson } from './json';
import { parseYaml } from './yaml';

/** The document as the AWS CLI would read it for `--cli-input-json` / `--cli-input-yaml`. */
export function parseDocument(text: string, format: Format): ParseResult {
  return format === 'yaml' ? parseYaml(text) : parseJson(text);
}

export { parseJson, parseYaml };
export { ALIAS_EXPANSION_LIMIT } from './yaml';
