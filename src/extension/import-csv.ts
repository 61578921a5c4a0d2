// "PutUsers: Import Users from CSV": a bulk-import users CSV becomes input files of at most 10
// users beside it (src/import, as `putusers import` does), typed by the dataset schema found for
// it (`<name>.schema.json` beside it, or a users.schema.json up to its workspace folder). The
// rows it cannot take are listed in a read-only document (ctx.reports), each linked to its place
// in the CSV; not logged: they quote cell values.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { datasetSchemaOf, type Format, validate } from '../core';
import { importUsersCsv, type RejectedRow } from '../import';
import type { Ctx } from './context';

export interface ImportCsvOptions {
  /** Skips the prompt (tests, other commands). */
  datasetArn?: string;
  format?: Format;
}

export interface ImportCsvResult {
  usersWritten: number;
  files: vscode.Uri[];
  rejected: RejectedRow[];
  headerProblem?: RejectedRow;
  /** The rejected rows (or the header's problem) as a read-only document: what Show Rejected Rows opens. */
  rejectedRows?: string;
}

export async function importCsv(
  ctx: Ctx,
  resource: unknown,
  options: ImportCsvOptions = {},
): Promise<ImportCsvResult | undefined> {
  const csv = resource instanceof vscode.Uri ? resource : await pickCsv();
  if (!csv) return undefined;
  if (csv.scheme !== 'file') {
    void vscode.window.showErrorMessage('PutUsers imports CSV files on this machine only.');
    return undefined;
  }
  const datasetArn = options.datasetArn ?? (await askDatasetArn(ctx));
  if (!datasetArn) return undefined;
  const schema = await ctx.schemas.forResource(csv);
  const dir = path.dirname(csv.fsPath);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${path.basename(csv.fsPath)}…` },
    () =>
      importUsersCsv(createReadStream(csv.fsPath), {
        datasetArn,
        schema: schema?.fields && datasetSchemaOf(schema.fields),
        format: options.format ?? 'json',
        baseName: path.basename(csv.fsPath).replace(/\.csv$/i, ''),
        write: (name, text) => writeFile(path.join(dir, name), text),
      }),
  );
  const problems = report.headerProblem ? [report.headerProblem] : report.rejected;
  const rejectedRows = problems.length ? rejectedRowsDocument(ctx, csv, problems) : undefined;
  const result: ImportCsvResult = {
    ...report,
    files: report.files.map((name) => vscode.Uri.file(path.join(dir, name))),
    ...(rejectedRows ? { rejectedRows: rejectedRows.toString() } : {}),
  };
  void showOutcome(
    ctx,
    csv,
    result,
    rejectedRows,
    schema?.fields ? vscode.workspace.asRelativePath(schema.uri, false) : undefined,
  );
  return result;
}

/** `people.csv:LINE:COLUMN: message` for each row, each place a link into the CSV. */
function rejectedRowsDocument(ctx: Ctx, csv: vscode.Uri, rows: readonly RejectedRow[]): vscode.Uri {
  const name = path.basename(csv.fsPath);
  const lines = rows.map((row) => `${name}:${row.line}:${row.column}: ${row.message}`);
  return ctx.reports.add(`${name} — rejected rows`, lines, [
    {
      pattern: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'gm'),
      place: (m) => ({ uri: csv, line: Number(m[1]) - 1, character: Number(m[2]) - 1 }),
      tooltip: (m) => `Go to line ${m[1]}, column ${m[2]} of ${vscode.workspace.asRelativePath(csv)}`,
    },
  ]);
}

async function pickCsv(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { 'CSV files': ['csv'] },
    openLabel: 'Import Users',
  });
  return picked?.[0];
}

/** The Users dataset's ARN, offered from the workspace's inputs, checked as the files will be. */
async function askDatasetArn(ctx: Ctx): Promise<string | undefined> {
  const known = await ctx.datasetArns.known();
  return vscode.window.showInputBox({
    title: 'Import Users from CSV',
    prompt: 'The ARN of the Users dataset the users are for',
    value: known[0] ?? 'arn:aws:personalize:REGION:ACCOUNT:dataset/DATASET_GROUP/USERS',
    ignoreFocusOut: true,
    validateInput: (arn) =>
      validate(JSON.stringify({ datasetArn: arn, users: [{ userId: 'u' }] }), 'json').find(
        (f) => f.severity === 'error',
      )?.message,
  });
}

async function showOutcome(
  ctx: Ctx,
  csv: vscode.Uri,
  result: ImportCsvResult,
  rejectedRows: vscode.Uri | undefined,
  schema: string | undefined,
): Promise<void> {
  const name = path.basename(csv.fsPath);
  const summary = result.headerProblem
    ? `${name}: ${result.headerProblem.message}; nothing was imported.`
    : `Imported ${result.usersWritten} users from ${name} into ${result.files.length} files beside it` +
      `${schema ? `, typed by ${schema}` : ' (no dataset schema: every value is a string)'}` +
      `${result.rejected.length ? `; ${result.rejected.length} rows rejected.` : '.'}`;
  const actions = [
    ...(rejectedRows ? ['Show Rejected Rows'] : []),
    ...(result.files.length ? ['Open First File'] : []),
  ];
  const show = rejectedRows ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const chosen = await show(summary, ...actions);
  if (chosen === 'Open First File') await vscode.window.showTextDocument(result.files[0]!);
  if (chosen === 'Show Rejected Rows' && rejectedRows) await ctx.reports.show(rejectedRows);
}
