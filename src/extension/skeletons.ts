// "PutUsers: Generate Skeleton": the AWS CLI's input skeletons (`--generate-cli-skeleton input`
// and `yaml-input`), byte for byte, inserted as a snippet whose tab stops walk the values to fill
// in. The `output` skeleton is not offered: for PutUsers the AWS CLI prints nothing.
import * as vscode from 'vscode';
import { type SkeletonKind, skeleton, skeletonSnippet } from '../core';

type InputSkeleton = 'input' | 'yaml-input';

const CHOICES: { kind: InputSkeleton; description: string; language: string }[] = [
  { kind: 'input', description: 'JSON, for --cli-input-json', language: 'json' },
  { kind: 'yaml-input', description: 'YAML, for --cli-input-yaml', language: 'yaml' },
];

/**
 * Into the current editor when it is empty, else into a new untitled editor of the right
 * language. `kind` (a keybinding's or another extension's argument) skips the picker; `output`
 * inserts what the CLI prints for it, nothing.
 */
export async function generateSkeleton(kind?: SkeletonKind): Promise<vscode.TextEditor | undefined> {
  const chosen = kind && (kind === 'output' || CHOICES.some((c) => c.kind === kind)) ? kind : await pickKind();
  if (!chosen) return undefined;
  const language = chosen === 'yaml-input' ? 'yaml' : 'json';
  const active = vscode.window.activeTextEditor;
  const editor =
    active &&
    active.document.getText().trim() === '' &&
    ['json', 'jsonc', 'yaml', 'plaintext'].includes(active.document.languageId)
      ? active
      : await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content: '' }));
  if (editor.document.languageId !== language)
    await vscode.languages.setTextDocumentLanguage(editor.document, language);
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  if (chosen === 'output') await editor.edit((e) => e.replace(whole, skeleton('output')));
  else {
    // The editor re-indents a snippet's lines with tabs when it indents with tabs: the skeleton's
    // are spaces (YAML allows nothing else), so this editor indents with spaces.
    if (editor.options.insertSpaces === false) editor.options = { ...editor.options, insertSpaces: true };
    await editor.insertSnippet(new vscode.SnippetString(skeletonSnippet(chosen)), whole);
  }
  return editor;
}

/** The format of the active editor first: a YAML file gets the YAML skeleton offered first. */
async function pickKind(): Promise<InputSkeleton | undefined> {
  const yamlFirst = vscode.window.activeTextEditor?.document.languageId === 'yaml';
  const choices = yamlFirst ? [...CHOICES].reverse() : CHOICES;
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.kind, description: c.description, skeleton: c.kind })),
    { title: 'PutUsers: Generate Skeleton', placeHolder: 'The AWS CLI input skeleton to insert' },
  );
  return picked?.skeleton;
}
