// Every command (category "PutUsers" in the manifest): one factory each, given the extension's
// state. The type makes a command of command-ids.ts without a factory a compile error.
import * as vscode from 'vscode';
import { copyAsCliCommand, type CopyCommandOptions } from './aws-command/copy-command';
import { pasteCliCommand, type PasteCommandOptions, registerPastedCommands } from './aws-command/paste-command';
import { COMMAND, CONTEXT_KEY } from './command-ids';
import type { CommandFactory } from './context';
import { convertActiveDocument, type ConvertOptions } from './convert';
import { importCsv, type ImportCsvOptions } from './import-csv';
import { editPropertiesAtCursor } from './properties-editor';
import { refreshDatasetSchema } from './refresh-schema';
import { chooseProfile } from './send/choose-profile';
import { startLocalEmulator, stopLocalEmulator } from './send/local-emulator';
import { createSampleFile } from './sample-file';
import { type SendFileOptions, sendFile } from './send/send-file';
import { sendFolder } from './send/send-folder';
import { markAsInput } from './settings';
import { generateSkeleton } from './skeletons';
import { splitFileAndOpen } from './split-file';
import type { SkeletonKind } from '../core';

export const COMMANDS: Record<keyof typeof COMMAND, CommandFactory> = {
  generateSkeleton: () => (kind?: unknown) => generateSkeleton(kind as SkeletonKind | undefined),
  convert: (ctx) => (options?: unknown) => convertActiveDocument(ctx.log, options as ConvertOptions | undefined),
  markAsInput: () => (uri?: unknown) => markAsInput(resourceOrActive(uri)),
  editProperties: (ctx) => () => editPropertiesAtCursor(ctx.documents),
  splitFile: (ctx) => (uri?: unknown) => splitFileAndOpen(ctx.documents, ctx.log, resourceOrActive(uri)),
  sendFile: (ctx) => async (resource?: unknown, options?: unknown) => {
    const result = await sendFile(ctx, resource, options as SendFileOptions | undefined);
    // The walkthrough's step is done when users got in, not when Send was pressed (onCommand would be).
    if (result.status === 'sent' && result.report.accepted > 0) done(CONTEXT_KEY.usersSent);
    return result;
  },
  sendFolder: (ctx) => (resource?: unknown, options?: unknown) =>
    sendFolder(ctx, resource, options as SendFileOptions | undefined),
  cancelSending: (ctx) => () => ctx.sends.cancelAll(),
  chooseProfile: (ctx) => (profile?: unknown) =>
    chooseProfile(ctx.target, typeof profile === 'string' ? profile : undefined),
  startLocalEmulator: (ctx) => () => startLocalEmulator(ctx.localEmulator),
  stopLocalEmulator: (ctx) => () => stopLocalEmulator(ctx.localEmulator),
  createSampleFile: () => async () => {
    const editor = await createSampleFile();
    done(CONTEXT_KEY.sampleCreated);
    return editor;
  },
  importCsv: (ctx) => (resource?: unknown, options?: unknown) =>
    importCsv(ctx, resource, options as ImportCsvOptions | undefined),
  refreshDatasetSchema: (ctx) => () => refreshDatasetSchema(ctx),
  pasteCliCommand: (ctx) => {
    const pasted = registerPastedCommands(ctx.subscriptions);
    return (options?: unknown) => pasteCliCommand(pasted, options as PasteCommandOptions | undefined);
  },
  copyAsCliCommand: (ctx) => (resource?: unknown, options?: unknown) =>
    copyAsCliCommand(ctx, resource, options as CopyCommandOptions | undefined),
  validateFile: (ctx) => () => {
    const document = vscode.window.activeTextEditor?.document;
    return document && ctx.validation.validateNow(document);
  },
};

/**
 * Ticks a walkthrough step whose completionEvents is `onContext:KEY`, by a pulse of the key: true,
 * then false. VS Code's walkthrough service counts a key already true when it starts (it starts
 * when a walkthrough is first shown) as an event of the past, and then never ticks its step.
 */
function done(key: string): void {
  void vscode.commands
    .executeCommand('setContext', key, true)
    .then(() => vscode.commands.executeCommand('setContext', key, false));
}

/** The Explorer's or the editor title's resource, else the active editor's document. */
function resourceOrActive(uri: unknown): vscode.Uri | undefined {
  return uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
}
