// A bulk-import users CSV (header `USER_ID,AGE,GENDER,...`) becomes PutUsers input files of at
// most 10 users each, in row order, streaming: a million rows never sit in memory. Each other
// column becomes a `properties` key in camelCase, typed by the dataset's schema when one is given
// (without one every value is a string); an empty cell leaves its key out. Every row is
// accounted for: written, or rejected with its line and column.
import { type InfoRecord, type Options, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { createIdIndex, type IdIndex } from './id-index';
import {
  camelCase,
  type DatasetSchema,
  fieldLiteral,
  type Format,
  MAX_USERS_PER_REQUEST,
  plural,
  type SchemaField,
  USER,
  USERS_SCHEMA,
  writeInput,
} from '../core';

const USER_ID_MAX = (USER.members[0]!.shape as { max: number }).max;
const PROPERTIES_MAX = (USER.members[1]!.shape as { max: number }).max;

export interface CsvImportOptions {
  datasetArn: string;
  schema?: DatasetSchema;
  format: Format;
  /** Output files are `<baseName>-0001.putusers.json` (or `.yaml`), and so on. */
  baseName: string;
  /** Writes one output file (its name, not its path); awaited before the next. */
  write(name: string, text: string): Promise<void>;
}

/** A row left out: its line in the CSV (1-based, the header is 1) and the column (1-based). */
export interface RejectedRow {
  line: number;
  column: number;
  message: string;
}

export interface CsvImportReport {
  usersWritten: number;
  files: string[];
  rejected: RejectedRow[];
  /** A problem of the header: nothing was read past it. */
  headerProblem?: RejectedRow;
}

interface Column {
  key: string;
  field?: SchemaField;
}

export async function importUsersCsv(input: Readable, options: CsvImportOptions): Promise<CsvImportReport> {
  const report: CsvImportReport = { usersWritten: 0, files: [], rejected: [] };
  let lastLine = 0;
  let lastEmptyLines = 0;
  // Each record comes with its first line (csv-parse's types know no record of another shape).
  const parserOptions: Options<{ record: string[]; line: number }, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // The record's first line: after the one before, and after the empty lines skipped since.
    // (Counted here, as each record is made: `info: true` would copy the parser's state for every row.)
    on_record: (record: string[], { lines, empty_lines }: InfoRecord) => {
      const line = lastLine + 1 + (empty_lines - lastEmptyLines);
      [lastLine, lastEmptyLines] = [lines, empty_lines];
      return { record, line };
    },
  };
  const parser = input.pipe(parse(parserOptions as unknown as Options));
  // Records the CSV reader could not make (an unclosed quote, text after a closing quote).
  parser.on('skip', (e: Error & { lines?: number }) =>
    report.rejected.push({ line: e.lines ?? 0, column: 1, message: `not valid CSV: ${e.message}` }),
  );
  let columns: Column[] | undefined;
  let userIdColumn = -1;
  const firstLineOf = createIdIndex();
  let batch: { userId: string; properties?: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const name = `${options.baseName}-${String(report.files.length + 1).padStart(4, '0')}.putusers.${options.format}`;
    await options.write(name, writeInput({ datasetArn: options.datasetArn, users: batch }, options.format));
    report.files.push(name);
    report.usersWritten += batch.length;
    batch = [];
  };

  for await (const { record, line } of parser as AsyncIterable<{ record: string[]; line: number }>) {
    if (!columns) {
      const header = headerOf(record, options.schema);
      if ('problem' in header) {
        report.headerProblem = header.problem;
        input.destroy();
        return report;
      }
      ({ columns, userIdColumn } = header);
      continue;
    }
    const user = userOf(record, line, columns, userIdColumn, firstLineOf);
    if ('problem' in user) {
      report.rejected.push(user.problem);
      continue;
    }
    firstLineOf.add(user.userId, line);
    batch.push(user.properties === undefined ? { userId: user.userId } : user);
    if (batch.length === MAX_USERS_PER_REQUEST) await flush();
  }
  await flush();
  if (!columns)
    report.headerProblem = {
      line: 1,
      column: 1,
      message: `the CSV is empty: it needs a header with ${USERS_SCHEMA.userIdField}`,
    };
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

function headerOf(
  record: string[],
  schema: DatasetSchema | undefined,
): { columns: Column[]; userIdColumn: number } | { problem: RejectedRow } {
  const userIdColumn = record.indexOf(USERS_SCHEMA.userIdField);
  if (userIdColumn < 0)
    return { problem: { line: 1, column: 1, message: `the header has no ${USERS_SCHEMA.userIdField} column` } };
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < record.length; i++) {
    const name = record[i]!;
    if (i === userIdColumn) {
      columns.push({ key: '' });
      continue;
    }
    const field = schema?.fields.find((f) => f.name === name || f.key === camelCase(name));
    if (schema && !field)
      return {
        problem: {
          line: 1,
          column: i + 1,
          message: `the column ${name} is no field of the dataset's schema (its fields: ${schema.fields.map((f) => f.name).join(', ')})`,
        },
      };
    const key = field?.key ?? camelCase(name);
    if (name === '' || seen.has(key))
      return {
        problem: {
          line: 1,
          column: i + 1,
          message:
            name === ''
              ? 'a column without a name'
              : `the columns ${seen.get(key)! + 1} and ${i + 1} are both "${key}"`,
        },
      };
    seen.set(key, i);
    columns.push({ key, field });
  }
  return { columns, userIdColumn };
}

function userOf(
  record: string[],
  line: number,
  columns: Column[],
  userIdColumn: number,
  firstLineOf: Pick<IdIndex, 'get'>,
): { userId: string; properties?: string } | { problem: RejectedRow } {
  const problem = (column: number, message: string) => ({ problem: { line, column: column + 1, message } });
  if (record.length !== columns.length)
    return problem(0, `${plural(record.length, 'field')} where the header has ${columns.length}`);
  const userId = record[userIdColumn]!;
  if (userId === '') return problem(userIdColumn, `an empty ${USERS_SCHEMA.userIdField}`);
  if (userId.length > USER_ID_MAX)
    return problem(
      userIdColumn,
      `a ${USERS_SCHEMA.userIdField} of ${userId.length} characters (at most ${USER_ID_MAX})`,
    );
  const first = firstLineOf.get(userId);
  if (first !== undefined)
    return problem(userIdColumn, `the ${USERS_SCHEMA.userIdField} of line ${first} again (the first one is kept)`);
  const members: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const cell = record[i]!;
    if (i === userIdColumn || cell === '') continue;
    const { key, field } = columns[i]!;
    const value = field ? fieldLiteral(field, cell) : JSON.stringify(cell);
    if (value === undefined)
      return problem(i, `"${cell.slice(0, 40)}" is no ${field!.type} (the field ${field!.name})`);
    members.push(`${JSON.stringify(key)}: ${value}`);
  }
  if (members.length === 0) return { userId };
  const properties = `{${members.join(', ')}}`;
  if (properties.length > PROPERTIES_MAX)
    return problem(0, `properties of ${properties.length} characters (at most ${PROPERTIES_MAX})`);
  return { userId, properties };
}
