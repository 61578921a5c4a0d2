// The commands (category "PutUsers" in the manifest), one small function each.
import * as vscode from 'vscode';
import { COMMAND } from './command-ids';
import { convertDocument, SKELETON_KINDS, type SkeletonKind, skeleton } from '../core';
import { splitFile } from './split-file';
import { formatOf } from './documents';
import { editPropertiesAtCursor } from './properties-editor';
import { SECTION, settings } from './settings';

type Command = (...args: unknown[]) => unknown;

export function commandTable(log: vscode.LogOutputChannel): Record<string, Command> {
  return {
    [COMMAND.generateSkeleton]: (kind?: unknown) => generateSkeleton(kind as SkeletonKind | undefined),
    [COMMAND.convert]: () => convertActiveDocument(log),
    [COMMAND.markAsInput]: (uri?: unknown) =>
      markAsInput(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri),
    [COMMAND.editProperties]: () => editPropertiesAtCursor(),
    [COMMAND.splitFile]: async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) return [];
      try {
        const parts = await splitFile(target);
        log.info(`split ${vscode.workspace.asRelativePath(target)} into ${parts.length} files`);
        await vscode.window.showTextDocument(parts[0]!, { preview: false });
        return parts;
      } catch (e) {
        void vscode.window.showErrorMessage(`PutUsers: ${(e as Error).message}`);
        return [];
      }
    },
  };
}

/** Into the current editor when it is empty, else into a new untitled editor of the right language. */
async function generateSkeleton(kind?: SkeletonKind): Promise<vscode.TextEditor | undefined> {
  const chosen =
    kind && SKELETON_KINDS.includes(kind)
      ? kind
      : ((
          await vscode.window.showQuickPick(
            SKELETON_KINDS.map((k) => ({
              label: k,
              description:
                k === 'input'
                  ? '--cli-input-json'
                  : k === 'yaml-input'
                    ? '--cli-input-yaml'
                    : 'what the CLI prints (nothing for PutUsers)',
            })),
            { title: 'PutUsers: Generate Skeleton' },
          )
        )?.label as SkeletonKind | undefined);
  if (!chosen) return undefined;
  const text = skeleton(chosen);
  const language = chosen === 'yaml-input' ? 'yaml' : 'json';
  const active = vscode.window.activeTextEditor;
  if (
    active &&
    active.document.getText().trim() === '' &&
    ['json', 'jsonc', 'yaml', 'plaintext'].includes(active.document.languageId)
  ) {
    if (active.document.languageId !== language)
      await vscode.languages.setTextDocumentLanguage(active.document, language);
    await active.edit((e) => e.replace(new vscode.Range(0, 0, active.document.lineCount, 0), text));
    return active;
  }
  const document = await vscode.workspace.openTextDocument({ language, content: text });
  return vscode.window.showTextDocument(document);
}

/** JSON ⇄ YAML, into a new untitled editor: the original stays as it is. */
async function convertActiveDocument(log: vscode.LogOutputChannel): Promise<vscode.TextEditor | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const from = formatOf(document);
  const to = from === 'json' ? 'yaml' : 'json';
  const result = convertDocument(document.getText(), from, to);
  if ('error' in result) {
    log.warn(`convert ${document.uri.toString(true)}: ${result.error.message}`);
    void vscode.window.showErrorMessage(`${result.error.message} (line ${result.error.range.start.line + 1})`);
    return undefined;
  }
  const converted = await vscode.workspace.openTextDocument({ language: to, content: result.text });
  return vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside });
}

/** Adds the file to `putUsers.files` (workspace settings), so it is an input whatever its content. */
async function markAsInput(uri: vscode.Uri | undefined): Promise<void> {
  if (!uri) return;
  const relative = vscode.workspace.asRelativePath(uri, false);
  const files = settings.files();
  if (files.includes(relative)) return;
  const target = vscode.workspace.workspaceFolders
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('files', [...files, relative], target);
}
