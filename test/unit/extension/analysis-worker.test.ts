// The analysis worker thread, in plain Node (it is VS Code-free): the same analysis as in-process,
// and what happens when the worker is missing, crashes, or does not finish in time.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeDocument, type Format, syntaxSlips } from '../../../src/core';
import { analyzeForEditor } from '../../../src/extension/analysis/analyze';
import { createAnalysisWorker } from '../../../src/extension/analysis/worker-client';
import { ARN } from '../../support/values';

const WORKER = path.resolve(__dirname, '../../../../dist/analysis-worker.js');
const INPUT = `datasetArn: ${ARN}\nusers:\n- userID: u1\n  properties: '{"age": "30"}'\n`;

let nextId = 1;
/** A document of one version whose whole text is read on demand: `reads` counts the reads. */
function source(text: string, format: Format = 'yaml', byteOrderMark = false) {
  const doc = { id: nextId++, version: () => 1, reads: 0, format, byteOrderMark, text: () => (doc.reads++, text) };
  return doc;
}

/** What the worker should answer: the same analysis in this thread. */
const expected = (text: string, format: Format = 'yaml', byteOrderMark = false) => ({
  version: 1,
  analysis: analyzeForEditor(text, { format, byteOrderMark }),
});

function recordingLog() {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(`warn: ${m}`), error: (m: string) => lines.push(`error: ${m}`) };
}

/** A worker script that crashes on the text "crash", loops forever on "hang", and is the real worker otherwise. */
function misbehavingWorker(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'putusers-worker-')), 'worker.js');
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ text }) => { if (text === 'crash') process.exit(3); if (text === 'hang') for (;;); });
require(${JSON.stringify(WORKER)});\n`,
  );
  return file;
}

describe('extension: the analysis worker thread', function () {
  this.timeout(20_000);

  it('gives what the same analysis gives in-process, for JSON and YAML, with and without a byte-order mark', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: WORKER });
    try {
      const json = JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties: '{"a": 1}' }] }, null, 2);
      for (const [text, format, mark] of [
        [INPUT, 'yaml', false],
        [json, 'json', false],
        [json, 'json', true],
      ] as const)
        assert.deepEqual(await worker.analyze(source(text, format, mark)), expected(text, format, mark));
    } finally {
      worker.dispose();
    }
  });

  it('says of JSON the AWS CLI cannot read whether the JSON service finds the error too, and its slips', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: WORKER });
    const onThread = createAnalysisWorker(recordingLog(), { script: path.join(tmpdir(), 'no-such-worker.js') });
    try {
      const valid = JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties: '{"a": 1}' }] }, null, 2);
      const trailingComma = `{"datasetArn": "${ARN}", "users": [{"userId": "u1",}]}`;
      const commentOnly = `// a comment\n${valid}`;
      const cases = [
        // [text, the document's language, the JSON service finds an error]
        [trailingComma, 'json', true],
        [trailingComma, 'jsonc', true],
        [commentOnly, 'json', true],
        // jsonc allows comments; Python's json does not.
        [commentOnly, 'jsonc', false],
        // Not read by the JSON service (another language id).
        [commentOnly, undefined, false],
      ] as const;
      for (const [text, jsonLanguage, jsonServiceError] of cases)
        for (const analyzer of [worker, onThread]) {
          const { analysis } = await analyzer.analyze({ ...source(text, 'json'), jsonLanguage });
          assert.ok(analysis.findings.some((f) => f.code === 'cli/invalid-json'));
          assert.deepEqual(analysis.syntax, { jsonServiceError, slips: syntaxSlips(text) }, `${jsonLanguage}: ${text}`);
        }
      assert.deepEqual(
        [trailingComma, commentOnly].map((t) => syntaxSlips(t).map((s) => s.kind)),
        [['trailing-comma'], ['comment']],
      );
      // What the AWS CLI reads has no syntax facts: they are for the broken file's quick fixes.
      for (const [text, format] of [
        [valid, 'json'],
        [INPUT, 'yaml'],
      ] as const)
        assert.equal(
          (await worker.analyze({ ...source(text, format), jsonLanguage: 'json' })).analysis.syntax,
          undefined,
        );
    } finally {
      worker.dispose();
      onThread.dispose();
    }
  });

  it('gives the findings before the outline, in the worker and without it', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: WORKER });
    const onThread = createAnalysisWorker(recordingLog(), { script: path.join(tmpdir(), 'no-such-worker.js') });
    try {
      const broken = INPUT.replace('\'{"age": "30"}\'', "'{x}'");
      for (const analyzer of [worker, onThread])
        for (const text of [INPUT, broken]) {
          const events: string[] = [];
          const early: unknown[] = [];
          const result = analyzer
            .analyze({ ...source(text), onFindings: (e) => (events.push('findings'), early.push(e)) })
            .then((r) => (events.push('analysis'), r));
          const { version, analysis } = await result;
          assert.deepEqual(events, ['findings', 'analysis']);
          assert.deepEqual(early, [{ version, findings: { findings: analysis.findings } }]);
          assert.deepEqual(analysis, expected(text).analysis);
        }
      assert.ok(expected(broken).analysis.findings.some((f) => f.code === 'service/properties-not-json'));
    } finally {
      worker.dispose();
      onThread.dispose();
    }
  });

  it('answers requests in order, each with its own text', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: WORKER });
    try {
      const texts = Array.from({ length: 20 }, (_, i) => INPUT.replace('userID: u1', `userId: user-${i}`));
      const results = await Promise.all(texts.map((t) => worker.analyze(source(t))));
      assert.deepEqual(
        results.map((r) => r.analysis.symbols[1]!.children[0]!.name),
        texts.map((_, i) => `user-${i}`),
      );
    } finally {
      worker.dispose();
    }
  });

  it('keeps its copy of a document by the edits alone, and reads the whole text again after a missed edit', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: WORKER });
    try {
      let text = INPUT;
      let version = 1;
      const doc = { ...source(INPUT), version: () => version, text: () => (doc.reads++, text) };
      assert.deepEqual((await worker.analyze(doc)).analysis, analyzeDocument(text, 'yaml'));
      // Two edits in one event, as VS Code reports a multi-cursor edit: the later position first.
      const edits = [
        { offset: text.indexOf('u1') + 2, length: 0, text: '-b' },
        { offset: text.indexOf('userID'), length: 'userID'.length, text: 'userId' },
      ];
      for (const e of edits) text = text.slice(0, e.offset) + e.text + text.slice(e.offset + e.length);
      worker.change(doc.id, ++version, edits);
      const edited = await worker.analyze(doc);
      assert.deepEqual(edited, { version: 2, analysis: analyzeDocument(text, 'yaml') });
      assert.equal(edited.analysis.symbols[1]!.children[0]!.name, 'u1-b');
      assert.equal(doc.reads, 1, 'the edit alone reached the worker');
      // Version 3 never reported: the worker's copy is dropped, and the next analysis reads the text.
      text = text.replace('u1-b', 'u1-c');
      version = 4;
      worker.change(doc.id, 4, [{ offset: 0, length: 0, text: '' }]);
      assert.deepEqual(await worker.analyze(doc), { version: 4, analysis: analyzeDocument(text, 'yaml') });
      assert.equal(doc.reads, 2);
    } finally {
      worker.dispose();
    }
  });

  it('checks on the calling thread when the worker script is missing, and says so once', async () => {
    const log = recordingLog();
    const worker = createAnalysisWorker(log, { script: path.join(tmpdir(), 'no-such-worker.js') });
    assert.deepEqual(await worker.analyze(source(INPUT)), expected(INPUT));
    assert.deepEqual(await worker.analyze(source(INPUT)), expected(INPUT));
    assert.equal(log.lines.length, 1);
    assert.match(log.lines[0]!, /^warn: analysis worker unavailable/);
    worker.dispose();
  });

  it('fails the request a crash interrupts, then starts a new worker for the next', async () => {
    const log = recordingLog();
    const worker = createAnalysisWorker(log, { script: misbehavingWorker() });
    try {
      const kept = source(INPUT);
      assert.deepEqual(await worker.analyze(kept), expected(INPUT));
      const crashed = worker.analyze(source('crash'));
      const next = worker.analyze(kept);
      await assert.rejects(crashed, /the analysis worker stopped/);
      assert.deepEqual(await next, expected(INPUT));
      assert.equal(kept.reads, 2, 'the new worker is sent the whole text again');
    } finally {
      worker.dispose();
    }
  });

  it('stops a request that runs past the time limit, and serves the ones queued behind it', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: misbehavingWorker(), timeoutMs: 500 });
    try {
      const hung = worker.analyze(source('hang'));
      const next = worker.analyze(source(INPUT));
      await assert.rejects(hung, /checking took more than 0.5 s and was stopped/);
      assert.deepEqual(await next, expected(INPUT));
    } finally {
      worker.dispose();
    }
  });

  it('rejects what is pending when disposed', async () => {
    const worker = createAnalysisWorker(recordingLog(), { script: misbehavingWorker(), timeoutMs: 10_000 });
    const hung = worker.analyze(source('hang'));
    const queued = worker.analyze(source(INPUT));
    worker.dispose();
    await assert.rejects(hung, /deactivating/);
    await assert.rejects(queued, /deactivating/);
  });
});
