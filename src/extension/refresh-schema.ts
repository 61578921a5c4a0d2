// "PutUsers: Refresh Dataset Schema": fetches the schema of the active input's dataset from AWS
// again (DescribeDataset, DescribeSchema), and the inputs are checked against it. Offers to turn
// the AWS route on where it is off; refused in Restricted Mode, where nothing goes to AWS.
import * as vscode from 'vscode';
import { datasetArnProblems } from '../core';
import type { AwsSchema } from './aws-schemas';
import type { Ctx } from './context';
import { isPutUsersDocument } from './documents';
import { refusedUntrusted } from './refusals';
import { SECTION, settings } from './settings';

export async function refreshDatasetSchema(ctx: Ctx): Promise<AwsSchema | undefined> {
  if (
    refusedUntrusted(
      "fetching a dataset's schema from AWS is disabled in Restricted Mode. Trust this workspace to use it.",
    )
  )
    return undefined;
  const editor = vscode.window.activeTextEditor?.document;
  const document = editor && isPutUsersDocument(editor) ? editor : ctx.activeInput.recent;
  const { analysis, schema } = document ? await ctx.analyses.of(document) : { analysis: undefined, schema: undefined };
  const datasetArn = analysis?.sendLens?.datasetArn;
  if (!document || !datasetArn || datasetArnProblems(datasetArn).length > 0) {
    void vscode.window.showErrorMessage(
      `PutUsers: ${document ? `${vscode.workspace.asRelativePath(document.uri)} has no valid datasetArn` : 'open a PutUsers input file'}: the schema fetched is that of the input's dataset.`,
    );
    return undefined;
  }
  if (!settings.datasetSchemaFromAws(document) && !(await turnOn(document))) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `PutUsers: fetching the schema of ${datasetArn}` },
    () => ctx.awsSchemas.refresh(datasetArn),
  );
  if (result.state === 'failed') {
    void vscode.window.showErrorMessage(`PutUsers: could not fetch the schema of ${datasetArn}: ${result.message}`);
    return result;
  }
  const local =
    schema?.origin === 'file'
      ? ` ${vscode.workspace.asRelativePath(document.uri)} is checked against ${schema.label} all the same: a local schema file comes first.`
      : '';
  const open = 'Open Schema';
  void vscode.window
    .showInformationMessage(
      `PutUsers: fetched ${result.state === 'fetched' ? result.schemaName : 'the schema'}, the schema of ${datasetArn}.${local}`,
      open,
    )
    .then((choice) => choice && vscode.commands.executeCommand('vscode.open', ctx.awsSchemas.uriOf(datasetArn)));
  return result;
}

/** Asks to turn putUsers.datasetSchemaFromAws on for this workspace; true when it is on now. */
async function turnOn(document: vscode.TextDocument): Promise<boolean> {
  const yes = 'Turn On for This Workspace';
  const choice = await vscode.window.showInformationMessage(
    "PutUsers: checking inputs against their dataset's schema from AWS is off in this workspace (putUsers.datasetSchemaFromAws). Turn it on? The schema is fetched with the profile and region Send uses.",
    { modal: true },
    yes,
  );
  if (choice !== yes) return false;
  await vscode.workspace
    .getConfiguration(SECTION, document)
    .update(
      'datasetSchemaFromAws',
      true,
      vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global,
    );
  return true;
}
