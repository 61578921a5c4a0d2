// A status-bar item while an input is active: the Users dataset schema it is checked against (a
// click opens it), that the schema cannot be used or fetched, or that it has none (a click opens
// the settings); schema-presentation.ts words it. It follows each validation of the active input, which follows schema changes.
import * as vscode from 'vscode';
import type { ActiveInput } from './active-input';
import type { Analyses } from './analysis/analyses';
import type { Validation } from './diagnostics';
import { presentSchema } from './schema-presentation';

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
    const shown = presentSchema(schema);
    item.text = `$(${shown.icon}) ${shown.short}`;
    item.tooltip = shown.tooltip;
    item.command = shown.command;
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
