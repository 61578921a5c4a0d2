// `putusers validate [--format text|json] [--dataset-schema SCHEMA] FILE...`
import { formatOfPath, validate } from '../core';
import { parseCommandLine } from '../program/command-line';
import { type Io, UsageError } from './io';
import { readSchemaOption } from './dataset-schema-option';
import { type FileFinding, textLine } from './file-finding';
import { readInputFile } from './read-input';

export function runValidate(args: string[], io: Io): number {
  const { values, positionals: files } = parseCommandLine(args, {
    format: { type: 'string' },
    'dataset-schema': { type: 'string' },
  });
  const output = values.format ?? 'text';
  if (output !== 'text' && output !== 'json') throw new UsageError(`--format takes text or json, not "${output}"`);
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');

  // A schema the service would not take is reported on its own file; the inputs are then checked without it.
  const schemaOption = readSchemaOption(values['dataset-schema'], io);
  if (schemaOption === 'unreadable') return 2;
  const { schema: datasetSchema } = schemaOption;
  const all: FileFinding[] = [...schemaOption.findings];
  let unreadable = false;
  for (const file of files) {
    const text = readInputFile(file, io, { stdin: true });
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    all.push(...validate(text, formatOfPath(file), { datasetSchema }).map((f) => ({ file, ...f })));
  }
  if (output === 'json') {
    io.stdout.write(JSON.stringify(all.map(toJsonRecord), null, 2) + '\n');
  } else {
    for (const f of all) io.stdout.write(textLine(f) + '\n');
  }
  if (unreadable) return 2;
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}

function toJsonRecord(f: FileFinding) {
  const { file, range, severity, code, message, awsCli } = f;
  return awsCli === undefined
    ? { file, range, severity, code, message }
    : { file, range, severity, code, message, awsCli };
}
