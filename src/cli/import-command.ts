// `putusers import USERS.csv --dataset-arn ARN [--dataset-schema SCHEMA] [--out DIR] [--format json|yaml]`
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { plural, validate } from '../core';
import { parseCommandLine } from '../program/command-line';
import { importUsersCsv, type RejectedRow } from '../import';
import { type Io, UsageError } from './io';
import { readSchemaOption } from './dataset-schema-option';
import { textLine } from './file-finding';

export async function runImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    'dataset-arn': { type: 'string' },
    'dataset-schema': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('import takes one CSV file');
  const csv = positionals[0]!;
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'yaml') throw new UsageError(`--format takes json or yaml, not "${format}"`);
  const datasetArn = values['dataset-arn'];
  if (datasetArn === undefined)
    throw new UsageError('import needs --dataset-arn ARN (the Users dataset the files are for)');
  checkDatasetArn(datasetArn, io);

  // Files typed by a schema the service would not take would be wrong: stop there.
  const schemaOption = readSchemaOption(values['dataset-schema'], io);
  if (schemaOption === 'unreadable') return 2;
  for (const f of schemaOption.findings) io.stdout.write(`${textLine(f)}\n`);
  const { schema } = schemaOption;
  if (values['dataset-schema'] !== undefined && !schema) {
    io.stderr.write('putusers: the dataset schema cannot be used (above); nothing was imported\n');
    return 2;
  }

  const out = values.out ?? path.dirname(csv);
  const input = createReadStream(csv);
  const opened = await new Promise<Error | undefined>((resolve) => {
    input.once('readable', () => resolve(undefined));
    input.once('error', resolve);
  });
  if (opened) {
    io.stderr.write(
      `putusers: cannot read ${csv}: ${(opened as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : opened.message}\n`,
    );
    return 2;
  }
  await mkdir(out, { recursive: true });
  const report = await importUsersCsv(input, {
    datasetArn,
    schema,
    format,
    baseName: path.basename(csv).replace(/\.csv$/i, ''),
    write: (name, text) => writeFile(path.join(out, name), text),
  });
  const problems = report.headerProblem ? [report.headerProblem] : report.rejected;
  for (const row of problems) io.stdout.write(`${rowLine(csv, row)}\n`);
  io.stdout.write(
    `putusers import: ${plural(report.usersWritten, 'user')} written to ${plural(report.files.length, 'file')} in ${out}; ` +
      (report.headerProblem ? 'the header cannot be used\n' : `${plural(report.rejected.length, 'row')} rejected\n`),
  );
  return problems.length > 0 ? 1 : 0;
}

const rowLine = (csv: string, row: RejectedRow) => `${csv}:${row.line}:${row.column}: error: ${row.message}`;

/** An ARN the files would fail on is a usage error; a warning (a placeholder, another dataset type) is said and the import goes on. */
function checkDatasetArn(datasetArn: string, io: Io): void {
  const findings = validate(JSON.stringify({ datasetArn, users: [{ userId: 'u' }] }), 'json');
  const error = findings.find((f) => f.severity === 'error');
  if (error) throw new UsageError(`--dataset-arn: ${error.message}`);
  for (const f of findings) io.stderr.write(`putusers: warning: --dataset-arn: ${f.message}\n`);
}
