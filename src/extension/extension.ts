// The VS Code layer: wires the core's validation, completions, hovers, quick fixes and commands
// to the editor, and sending (send/), and returns. Nothing heavy here: no parse, no file scan,
// no AWS SDK (it loads with dist/send.js when a file is first sent).
//
// Why no `jsonValidation` schema contribution: the JSON language service would then report the
// same constraints (required members, maxItems, lengths) a second time, in other words and
// without the CLI's YAML/Python semantics. The core is the one source of diagnostics; the schema
// in schemas/ is for other tools.
import * as vscode from 'vscode';
import { trackActiveInput } from './active-input';
import { CODE_ACTION_KINDS, codeActionProvider } from './code-actions';
import { commandTable } from './commands';
import { completionProvider } from './completions';
import { registerDiagnostics } from './diagnostics';
import { hoverProvider } from './hovers';
import { PROPERTIES_SCHEME, PropertiesFileSystem } from './properties-editor';
import { registerSending } from './send/register';
import { forgetDatasetArns } from './workspace-arns';

const SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }, { language: 'yaml' }];

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('PutUsers', { log: true });
  context.subscriptions.push(log);
  registerDiagnostics(context, log);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(SELECTOR, completionProvider, '"', ':', ' ', '\\'),
    vscode.languages.registerHoverProvider(SELECTOR, hoverProvider),
    vscode.languages.registerCodeActionsProvider(SELECTOR, codeActionProvider, {
      providedCodeActionKinds: CODE_ACTION_KINDS,
    }),
    vscode.workspace.onDidSaveTextDocument(forgetDatasetArns),
    vscode.workspace.registerFileSystemProvider(PROPERTIES_SCHEME, new PropertiesFileSystem()),
  );
  for (const [id, run] of Object.entries(commandTable(log)))
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  registerSending(context, log, trackActiveInput(context), SELECTOR);
  log.info('PutUsers activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
