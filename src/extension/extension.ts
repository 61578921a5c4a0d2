// The VS Code layer: creates the extension's state (context.ts), wires the core's validation,
// completions, hovers, quick fixes and the commands to the editor, and returns. Nothing heavy
// here: no parse, no file scan, no AWS SDK (it loads with dist/send.js when a file is first sent).
//
// Why the `jsonValidation` contribution (package.json) is a schema that constrains nothing: the
// input schema would make the JSON language service report the same constraints (required
// members, maxItems, lengths) a second time, in other words and without the CLI's YAML/Python
// semantics; no schema at all would make it propose the keys of sibling objects next to ours.
// The core is the one source of diagnostics and proposals; schemas/putusers-input.schema.json is
// for other tools.
import * as vscode from 'vscode';
import { CODE_ACTION_KINDS, codeActionProvider } from './code-actions';
import { COMMAND } from './command-ids';
import { COMMANDS } from './commands';
import { completionProvider, prepareCompletions } from './completions';
import { createCtx, registerCommand } from './context';
import { SELECTOR } from './documents';
import { hoverProvider } from './hovers';
import { PROPERTIES_SCHEME, PropertiesFileSystem } from './properties-editor';
import { createSchemaStatus } from './schema-status';
import { sendCodeLensProvider } from './send/code-lens';
import { symbolProvider } from './symbols';
import { foldingProvider } from './folding';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const ctx = createCtx(context);
  // A large JSON input's first validation also records where completions' scans can resume.
  ctx.validation.onDidValidate((document) => prepareCompletions(ctx.documents, document), null, ctx.subscriptions);
  createSchemaStatus(ctx.subscriptions, ctx);
  const lenses = sendCodeLensProvider(ctx);
  ctx.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(SELECTOR, completionProvider(ctx), '"', ':', ' ', '\\'),
    vscode.languages.registerHoverProvider(SELECTOR, hoverProvider(ctx)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, codeActionProvider(ctx.documents, ctx.analyses), {
      providedCodeActionKinds: CODE_ACTION_KINDS,
    }),
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.workspace.registerFileSystemProvider(PROPERTIES_SCHEME, new PropertiesFileSystem(ctx.documents)),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, symbolProvider(ctx.documents, ctx.analyses), {
      label: 'PutUsers',
    }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, foldingProvider(ctx.documents, ctx.analyses)),
  );
  for (const [name, factory] of Object.entries(COMMANDS))
    registerCommand(ctx, COMMAND[name as keyof typeof COMMAND], factory);
  ctx.log.info(`PutUsers activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
