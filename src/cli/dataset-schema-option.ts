// `--dataset-schema FILE`, as validate and import read it: the schema, and its own problems
// located on its file; 'unreadable' after saying on stderr why it cannot be read.
import { type DatasetSchema, readDatasetSchema } from '../core';
import type { Io } from './io';
import { readInputFile } from './read-input';
import type { FileFinding } from './file-finding';

export function readSchemaOption(
  file: string | undefined,
  io: Io,
): { schema?: DatasetSchema; findings: FileFinding[] } | 'unreadable' {
  if (file === undefined) return { findings: [] };
  const text = readInputFile(file, io);
  if (text === undefined) return 'unreadable';
  const { schema, findings } = readDatasetSchema(text);
  return { schema, findings: findings.map((f) => ({ file, ...f })) };
}
