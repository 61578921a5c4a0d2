// Runs the core's analysis in a worker thread (./worker.ts, bundled as dist/analysis-worker.js):
// started on the first request, one analysis at a time, restarted after a crash. The worker keeps
// a copy of each document it analyzed, kept by the edits alone, so a keystroke sends the worker a
// few characters, not the document. A request that runs past ANALYSIS_TIMEOUT_MS ends the worker
// (a file the core cannot finish must not keep a thread busy), and the worker's heap is capped so
// that a hostile file costs it, not the host.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { type AnalysisRequest, analyzeInStepsForEditor, type EditorAnalysis, type EditorFindings } from './analyze';
import type { AnalysisReply, TextChange, WorkerMessage } from './worker';

/** The AWS CLI answers the most hostile inputs within a few seconds; the core is faster. */
export const ANALYSIS_TIMEOUT_MS = 30_000;
/**
 * The worker's heap. Measured with analyzeDocument in plain Node (JSON, 10-user-per-KB layout):
 * an 8.7 MB input peaks at 153 MB RSS, an 87 MB one at 624 MB; 2 GB leaves room for what is
 * stranger than users, and stops what is hostile before the host's memory.
 */
const WORKER_HEAP_MB = 2048;

/** A document as the worker needs it: its whole text is read only when the worker has no copy of this version. */
export interface AnalysisSource extends AnalysisRequest {
  id: number;
  version(): number;
  text(): string;
  /** Called with the findings as soon as they are known, before the outline ends the analysis. */
  onFindings?(early: { version: number; findings: EditorFindings }): void;
}

export interface AnalysisResult {
  /** The version analyzed: the latest the worker had when it began. */
  version: number;
  analysis: EditorAnalysis;
}

export interface AnalysisWorker extends vscode.Disposable {
  analyze(source: AnalysisSource): Promise<AnalysisResult>;
  /** An edit of a document: passed on when the worker holds the version before it, else its copy is dropped. */
  change(id: number, version: number, changes: readonly TextChange[]): void;
  close(id: number): void;
}

interface Job {
  source: AnalysisSource;
  resolve(result: AnalysisResult): void;
  reject(error: Error): void;
}

export function createAnalysisWorker(
  log: Pick<vscode.LogOutputChannel, 'warn' | 'error'>,
  { script = workerScript(), timeoutMs = ANALYSIS_TIMEOUT_MS } = {},
): AnalysisWorker {
  let worker: Worker | undefined;
  let workersUnavailable = false;
  /** The version of each document the current worker holds. */
  const held = new Map<number, number>();
  let running: { job: Job; id: number; timer: NodeJS.Timeout; findings?: EditorFindings } | undefined;
  const queue: Job[] = [];
  let nextId = 1;

  const post = (message: WorkerMessage) => worker!.postMessage(message);
  const finish = (outcome: AnalysisResult | { error: Error }) => {
    if (!running) return;
    clearTimeout(running.timer);
    const { job } = running;
    running = undefined;
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome);
    runNext();
  };
  const endWorker = (reason: string) => {
    const ended = worker;
    worker = undefined;
    held.clear();
    void ended?.terminate();
    finish({ error: new Error(reason) });
  };
  const start = (): Worker | undefined => {
    if (worker || workersUnavailable) return worker;
    try {
      if (!existsSync(script)) throw new Error(`${script} is missing`);
      const started = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      started.on('message', (reply: AnalysisReply) => {
        if (reply.id !== running?.id) return;
        if ('error' in reply) return finish({ error: new Error(reply.error) });
        if ('findings' in reply) {
          running.findings = reply.findings;
          return running.job.source.onFindings?.({ version: reply.version, findings: reply.findings });
        }
        if (running.findings) finish({ version: reply.version, analysis: { ...running.findings, ...reply.outline } });
        else finish({ error: new Error('the analysis worker sent an outline before the findings') });
      });
      // Out of memory, or a bug: the request in hand fails with the reason; the next starts a new worker.
      started.on('error', (e) => {
        log.error(`analysis worker failed: ${e.name}${'code' in e ? ` (${String(e.code)})` : ''}`);
        if (worker === started) endWorker(describeWorkerError(e));
      });
      started.on('exit', () => worker === started && endWorker('the analysis worker stopped'));
      started.unref(); // never what keeps a process alive (tests, the host's shutdown)
      return (worker = started);
    } catch (e) {
      // Without workers the analysis runs here, as before there was a worker: slower keystrokes, same results.
      workersUnavailable = true;
      log.warn(`analysis worker unavailable, checking on the extension host: ${(e as Error).message}`);
      return undefined;
    }
  };
  const runNext = () => {
    if (running) return;
    const job = queue.shift();
    if (!job) return;
    const { source } = job;
    if (!start()) {
      try {
        const version = source.version();
        const { findings, outline } = analyzeInStepsForEditor(source.text(), source);
        source.onFindings?.({ version, findings });
        job.resolve({ version, analysis: { ...findings, ...outline() } });
      } catch (e) {
        job.reject(e as Error);
      }
      return runNext();
    }
    const version = source.version();
    if (held.get(source.id) !== version) {
      post({ kind: 'open', doc: source.id, version, text: source.text() });
      held.set(source.id, version);
    }
    const id = nextId++;
    const timer = setTimeout(
      () => endWorker(`checking took more than ${timeoutMs / 1000} s and was stopped`),
      timeoutMs,
    );
    running = { job, id, timer };
    post({
      kind: 'analyze',
      id,
      doc: source.id,
      format: source.format,
      byteOrderMark: source.byteOrderMark,
      schema: source.schema,
      jsonLanguage: source.jsonLanguage,
    });
  };

  return {
    analyze: (source) =>
      new Promise((resolve, reject) => {
        queue.push({ source, resolve, reject });
        runNext();
      }),
    change(id, version, changes) {
      if (!worker || !held.has(id)) return;
      if (held.get(id) === version - 1) {
        post({ kind: 'change', doc: id, version, changes: [...changes] });
        held.set(id, version);
      } else {
        // An edit missed: the next analysis sends the whole text again.
        post({ kind: 'close', doc: id });
        held.delete(id);
      }
    },
    close(id) {
      if (worker && held.delete(id)) post({ kind: 'close', doc: id });
    },
    dispose() {
      queue.splice(0).forEach((job) => job.reject(new Error('the extension is deactivating')));
      endWorker('the extension is deactivating');
    },
  };
}

/** Beside the extension's bundle (dist/); the tests run the same bundle. */
function workerScript(): string {
  return path.join(__dirname, 'analysis-worker.js');
}

function describeWorkerError(e: Error): string {
  return (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? `checking needed more than ${WORKER_HEAP_MB} MB of memory and was stopped`
    : `checking failed: ${e.message}`;
}
