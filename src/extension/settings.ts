// Every setting the extension reads, typed, in one place (the manifest declares them).
import * as vscode from 'vscode';

export const SECTION = 'putUsers';

export const settings = {
  /** Globs of files that are PutUsers inputs whatever their content. */
  files(): string[] {
    return vscode.workspace.getConfiguration(SECTION).get<string[]>('files', ['**/*.putusers.json', '**/*.putusers.yaml', '**/*.putusers.yml']);
  },
  /** Also treat JSON/YAML whose top level has `datasetArn` or `users` as inputs. */
  detectByContent(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('detectByContent', true);
  },
  /** Milliseconds between the last keystroke and validation. */
  validationDelay(): number {
    return Math.max(0, vscode.workspace.getConfiguration(SECTION).get<number>('validationDelay', 150));
  },
};

/** Settings whose change means every open document must be classified and validated again. */
export const RECLASSIFY_ON = [`${SECTION}.files`, `${SECTION}.detectByContent`];
