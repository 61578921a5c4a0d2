// A status-bar item while an input is active: the Users dataset schema it is checked against (a
// click opens it), that the schema cannot be used, or that it has none (a click opens the
// setting). It follows each validation of the active input, which follows schema changes.
import * as vscode from 'vscode';
import type { ActiveInput } from './active-input';
import type { Analyses } from './analysis/analyses';
import type { Validation } from './diagnostics';
import { SCHEMA_FILE_NAME } from './dataset-schemas';

export function createSchemaStatus(
  subscriptions: vscode.Disposable[],
  { activeInput, analyses, validation }: { activeInput: ActiveInput; analyses: Analyses; validation: Validation },
): void {
  const item = vscode.window.createStatusBarItem('putUsers.datasetSchema', vscode.StatusBarAlignment.Right, 99);
  item.name = 'PutUsers: Dataset Schema';
  const render = async () => {
    const document = activeInput.document;
    if (!document) return item.hide();
    const { schema } = await analyses.recent(document);
    if (document !== activeInput.document) return; // another became active meanwhile
    const name = schema && vscode.workspace.asRelativePath(schema.uri, false);
    item.text = !schema ? '$(symbol-field) no schema' : `$(${schema.usable ? 'symbol-field' : 'warning'}) ${name}`;
    item.tooltip = !schema
      ? `properties are not checked against a Users dataset schema: put a ${SCHEMA_FILE_NAME} beside the file or in a parent folder, or set putUsers.datasetSchemas (click)`
      : schema.usable
        ? `properties are checked against this Users dataset schema (click to open it)`
        : `${name} is not a schema the service takes for a Users dataset: properties are checked without it (click to see why)`;
    item.command = schema
      ? { title: 'Open Schema', command: 'vscode.open', arguments: [schema.uri] }
      : { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['putUsers.datasetSchemas'] };
    item.show();
  };
  const show = () => void render().catch(() => item.hide());
  subscriptions.push(
    item,
    activeInput.onDidChange(show),
    validation.onDidValidate((d) => d === activeInput.document && show()),
  );
  show();
}
