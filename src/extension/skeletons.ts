// "PutUsers: Generate Skeleton": the AWS CLI's skeletons (`--generate-cli-skeleton`), byte for byte.
import * as vscode from 'vscode';
import { SKELETON_KINDS, type SkeletonKind, skeleton } from '../core';

/** Into the current editor when it is empty, else into a new untitled editor of the right language. */
export async function generateSkeleton(kind?: SkeletonKind): Promise<vscode.TextEditor | undefined> {
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
