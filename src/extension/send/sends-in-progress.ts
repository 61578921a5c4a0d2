// The sends in progress, one per file (a second send of a file could send a user twice), and the
// `putUsers.sending` context key that offers Cancel Sending while there are any.
import * as vscode from 'vscode';
import { CONTEXT_KEY } from '../command-ids';

export interface SendsInProgress {
  /** Claims the file for one send: its abort controller, or undefined when it is being sent already. */
  claim(document: vscode.TextDocument): AbortController | undefined;
  release(document: vscode.TextDocument): void;
  /** Aborts every send in progress; how many there were. */
  cancelAll(): number;
}

export function createSendsInProgress(): SendsInProgress {
  const sending = new Map<string, AbortController>();
  const update = () => void vscode.commands.executeCommand('setContext', CONTEXT_KEY.sending, sending.size > 0);
  return {
    claim(document) {
      const key = document.uri.toString();
      if (sending.has(key)) return undefined;
      const controller = new AbortController();
      sending.set(key, controller);
      update();
      return controller;
    },
    release(document) {
      sending.delete(document.uri.toString());
      update();
    },
    cancelAll() {
      sending.forEach((controller) => controller.abort());
      return sending.size;
    },
  };
}
