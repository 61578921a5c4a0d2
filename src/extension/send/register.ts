// Wires sending into VS Code: the Send and Cancel commands, the status-bar target, CodeLenses.
// The engine (and the AWS SDK) loads only when a file is sent.
import * as vscode from 'vscode';
import { COMMAND } from '../command-ids';
import type { ActiveInput } from '../active-input';
import { sendCodeLensProvider } from './code-lens';
import { cancelSending, type SendFileOptions, sendFile } from './send-file';
import { createTargetStatus } from './target-status';

export function registerSending(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  activeInput: ActiveInput,
  selector: vscode.DocumentSelector,
): void {
  const target = createTargetStatus(context, activeInput);
  const lenses = sendCodeLensProvider(target);
  context.subscriptions.push(
    lenses,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.commands.registerCommand(COMMAND.sendFile, (resource?: unknown, options?: SendFileOptions) =>
      sendFile(log, target, resource, options),
    ),
    vscode.commands.registerCommand(COMMAND.cancelSending, () => cancelSending()),
  );
}
