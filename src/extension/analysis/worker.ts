// The analysis worker's thread: parses and checks input documents off the extension host's event
// loop, where a 10,000-user file would hold every other extension for ~70 ms a keystroke.
// It keeps its own copy of each document, opened with the whole text and then kept by the edits
// alone: the host's `getText()` of a megabyte document costs it ~40 ms a call.
// VS Code-free (the core alone).
import { parentPort } from 'node:worker_threads';
import { type AnalysisRequest, analyzeForEditor, type EditorAnalysis } from './analyze';

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

export type AnalysisReply = { id: number; version: number; analysis: EditorAnalysis } | { id: number; error: string };

const documents = new Map<number, { version: number; text: string }>();

function receive(message: WorkerMessage): AnalysisReply | undefined {
  switch (message.kind) {
    case 'open':
      documents.set(message.doc, { version: message.version, text: message.text });
      return undefined;
    case 'change': {
      const document = documents.get(message.doc);
      if (!document) return undefined;
      // In order, each against the text the one before left (as VS Code applies them).
      for (const { offset, length, text } of message.changes)
        document.text = document.text.slice(0, offset) + text + document.text.slice(offset + length);
      document.version = message.version;
      return undefined;
    }
    case 'close':
      documents.delete(message.doc);
      return undefined;
    case 'analyze': {
      const document = documents.get(message.doc);
      if (!document) return { id: message.id, error: 'the document is not open in the analysis worker' };
      return { id: message.id, version: document.version, analysis: analyzeForEditor(document.text, message) };
    }
  }
}

parentPort?.on('message', (message: WorkerMessage) => {
  let reply: AnalysisReply | undefined;
  try {
    reply = receive(message);
  } catch (e) {
    // The fuzzing says the core does not throw; if it ever does, the editor says so rather than hangs.
    reply =
      'id' in message
        ? { id: message.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
        : undefined;
  }
  if (reply) parentPort!.postMessage(reply);
});
