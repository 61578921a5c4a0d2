// How the status bar item and the CodeLens say which dataset schema an input is checked against,
// in one place: a schema file, a schema from AWS (being fetched, fetched, or failed), a schema
// that cannot be used, or none, each with what a click does.
import * as vscode from 'vscode';
import type { VersionedAnalysis } from './analysis/analyses';
import { COMMAND } from './command-ids';
import { SCHEMA_FILE_NAME } from './dataset-schemas';

export interface SchemaPresentation {
  /** A codicon name. */
  icon: string;
  /** For the status bar: the schema's name, or "no schema". */
  short: string;
  /** For the lens. */
  long: string;
  tooltip: string;
  command: vscode.Command;
}

export function presentSchema(schema: VersionedAnalysis['schema']): SchemaPresentation {
  const refresh = { title: 'Refresh Dataset Schema', command: COMMAND.refreshDatasetSchema };
  if (!schema)
    return {
      icon: 'symbol-field',
      short: 'no schema',
      long: 'no dataset schema',
      tooltip: `properties are not checked against a Users dataset schema: put a ${SCHEMA_FILE_NAME} beside the file or in a parent folder, map files to a schema in putUsers.datasetSchemas, or turn on putUsers.datasetSchemaFromAws to use the dataset's schema from AWS (click)`,
      command: {
        title: 'Settings',
        command: 'workbench.action.openSettings',
        arguments: ['putUsers.datasetSchema'],
      },
    };
  if (schema.fetching)
    return {
      icon: 'sync~spin',
      short: 'schema from AWS',
      long: "fetching the dataset's schema from AWS",
      tooltip: `Fetching the schema of ${schema.datasetArn} (DescribeDataset, DescribeSchema): properties are checked against it once it is here`,
      command: refresh,
    };
  if (schema.problem !== undefined)
    return {
      icon: 'warning',
      short: 'schema from AWS',
      long: "the dataset's schema could not be fetched from AWS",
      tooltip: `Could not fetch the schema of ${schema.datasetArn}: ${schema.problem} Click to try again.`,
      command: refresh,
    };
  const open = { title: 'Open Schema', command: 'vscode.open', arguments: [schema.uri] };
  const where = schema.origin === 'aws' ? `the schema of ${schema.datasetArn}, fetched from AWS` : 'this schema file';
  return schema.usable
    ? {
        icon: 'symbol-field',
        short: schema.label,
        long: `schema: ${schema.label}`,
        tooltip: `properties are checked against ${where} (click to open it)`,
        command: open,
      }
    : {
        icon: 'warning',
        short: schema.label,
        long: `schema: ${schema.label} cannot be used`,
        tooltip: `${schema.label} is not a schema the service takes for a Users dataset (its problems are on it): properties are checked without it (click to see why)`,
        command: open,
      };
}
