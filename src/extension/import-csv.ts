// "PutUsers: Import Users from CSV": a bulk-import users CSV becomes input files of at most 10
// users beside it (src/import, as `putusers import` does), typed by the dataset schema found for
// it (`<name>.avsc` beside it, or a users.avsc up to its workspace folder). The rows it cannot
// take are listed in a read-only document (ctx.reports), each linked to its place in the CSV;
// not logged: they quote cell values.
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as vscode from 'vscode';
import { datasetSchemaOf, type Format, plural, validate } from '../core';
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
  /** What the notification says. */
  summary: string;
  /** The rejected rows (or the header's problem) as a read-only document: what Show Rejected Rows opens. */
  rejectedRows?: string;
}

export async function importCsv(
  ctx: Ctx,
  resource: unknown,
  options: ImportCsvOptions = {},
): Promise<ImportCsvResult | undefined> {
  const csv = resource instanceof vscode.Uri ? resource : (activeCsv() ?? (await pickCsv()));
  if (!csv) return undefined;
  const datasetArn = options.datasetArn ?? (await askDatasetArn(ctx));
  if (!datasetArn) return undefined;
  const schema = await ctx.schemas.forResource(csv);
  const name = path.posix.basename(csv.path);
  const dir = vscode.Uri.joinPath(csv, '..');
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${name}…` },
    async () =>
      importUsersCsv(await csvStream(csv), {
        datasetArn,
        schema: schema?.fields && datasetSchemaOf(schema.fields),
        format: options.format ?? 'json',
        baseName: name.replace(/\.csv$/i, ''),
        write: async (file, text) => {
          await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, file), new TextEncoder().encode(text));
        },
      }),
  );
  const files = report.files.map((file) => vscode.Uri.joinPath(dir, file));
  const problems = report.headerProblem ? [report.headerProblem] : report.rejected;
  const rejectedRows = problems.length ? rejectedRowsDocument(ctx, csv, problems) : undefined;
  const result: ImportCsvResult = {
    ...report,
    files,
    ...(rejectedRows ? { rejectedRows: rejectedRows.toString() } : {}),
    summary: summaryOf(
      name,
      { ...report, files },
      schema?.fields ? vscode.workspace.asRelativePath(schema.uri, false) : undefined,
    ),
  };
  void showOutcome(ctx, result, rejectedRows);
  return result;
}

/** The CSV in the active editor, when it is one saved somewhere (the imported files go beside it). */
function activeCsv(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && !document.isUntitled && /\.csv$/i.test(document.uri.path) ? document.uri : undefined;
}

/**
 * The CSV's text: as its editor holds it when that has unsaved changes; else streamed from a file
 * on this machine, or read through VS Code's file system (a virtual workspace's).
 */
async function csvStream(csv: vscode.Uri): Promise<Readable> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === csv.toString());
  if (open?.isDirty) return Readable.from([Buffer.from(open.getText())]);
  if (csv.scheme === 'file') return createReadStream(csv.fsPath);
  return Readable.from([Buffer.from(await vscode.workspace.fs.readFile(csv))]);
}

/** `people.csv:LINE:COLUMN: message` for each row, each place a link into the CSV. */
function rejectedRowsDocument(ctx: Ctx, csv: vscode.Uri, rows: readonly RejectedRow[]): vscode.Uri {
  const name = path.posix.basename(csv.path);
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

function summaryOf(name: string, result: Omit<ImportCsvResult, 'summary'>, schema: string | undefined): string {
  return result.headerProblem
    ? `${name}: ${result.headerProblem.message}; nothing was imported.`
    : `Imported ${plural(result.usersWritten, 'user')} from ${name} into ${plural(result.files.length, 'file')} beside it` +
        `${schema ? `, typed by ${schema}` : ' (no dataset schema: every value is a string)'}` +
        `${result.rejected.length ? `; ${plural(result.rejected.length, 'row')} rejected.` : '.'}`;
}

async function showOutcome(ctx: Ctx, result: ImportCsvResult, rejectedRows: vscode.Uri | undefined): Promise<void> {
  const actions = [
    ...(rejectedRows ? ['Show Rejected Rows'] : []),
    ...(result.files.length ? ['Open First File'] : []),
  ];
  const show = rejectedRows ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const chosen = await show(result.summary, ...actions);
  if (chosen === 'Open First File') await vscode.window.showTextDocument(result.files[0]!);
  if (chosen === 'Show Rejected Rows' && rejectedRows) await ctx.reports.show(rejectedRows);
}
