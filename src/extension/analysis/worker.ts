// The analysis worker's thread: parses and checks input documents off the extension host's event
// loop, where a 10,000-user file would hold every other extension for ~70 ms a keystroke.
// It keeps its own copy of each document, opened with the whole text and then kept by the edits
// alone: the host's `getText()` of a megabyte document costs it ~40 ms a call.
// VS Code-free (the core alone).
import { parentPort } from 'node:worker_threads';
import type { Outline } from '../../core';
import { type AnalysisRequest, analyzeInStepsForEditor, type EditorFindings } from './analyze';

/** An edit as VS Code reports it: `length` characters at `offset` replaced by `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

export type WorkerMessage =
  | { kind: 'open'; doc: number; version: number; text: string }
  | { kind: 'change'; doc: number; version: number; changes: TextChange[] }
  | { kind: 'close'; doc: number }
  | ({ kind: 'analyze'; id: number; doc: number } & AnalysisRequest);

/**
 * Two replies to an analysis: its findings as soon as they are known (what a keystroke waits
 * for), then its outline, which ends the request; or an error.
 */
export type AnalysisReply =
  | { id: number; version: number; findings: EditorFindings }
  | { id: number; version: number; outline: Outline }
  | { id: number; error: string };

const documents = new Map<number, { version: number; text: string }>();

function receive(message: WorkerMessage, reply: (r: AnalysisReply) => void): void {
  switch (message.kind) {
    case 'open':
      documents.set(message.doc, { version: message.version, text: message.text });
      return;
    case 'change': {
      const document = documents.get(message.doc);
      if (!document) return;
      // In order, each against the text the one before left (as VS Code applies them).
      for (const { offset, length, text } of message.changes)
        document.text = document.text.slice(0, offset) + text + document.text.slice(offset + length);
      document.version = message.version;
      return;
    }
    case 'close':
      documents.delete(message.doc);
      return;
    case 'analyze': {
      const document = documents.get(message.doc);
      if (!document) return reply({ id: message.id, error: 'the document is not open in the analysis worker' });
      const { id } = message;
      const { version } = document;
      const { findings, outline } = analyzeInStepsForEditor(document.text, message);
      reply({ id, version, findings });
      reply({ id, version, outline: outline() });
      return;
    }
  }
}

parentPort?.on('message', (message: WorkerMessage) => {
  const reply = (r: AnalysisReply) => parentPort!.postMessage(r);
  try {
    receive(message, reply);
  } catch (e) {
    // The fuzzing says the core does not throw; if it ever does, the editor says so rather than hangs.
    if ('id' in message) reply({ id: message.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
