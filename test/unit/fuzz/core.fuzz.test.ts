// Property-based tests of the core (fast-check): random JSON and YAML documents, and real input
// files mutated as careless tools and bad merges do. `npm test` runs a fixed seed and a few
// hundred cases per property; `npm run fuzz` runs PUTUSERS_FUZZ_RUNS per property (100,000 in
// all) with a random seed, and prints the cases run, the slowest case and the peak memory.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  analyzeDocument,
  type Range,
  convertDocument,
  type Format,
  parseDocument,
  pyRepr,
  readRequest,
  skeleton,
  validate,
  writeInput,
} from '../../../src/core';
import { listFixtures } from '../../support/aws-cli';
import { ARN } from '../../support/values';

const RUNS = Number(process.env['PUTUSERS_FUZZ_RUNS'] ?? 300);
const SEED = process.env['PUTUSERS_FUZZ_SEED']
  ? Number(process.env['PUTUSERS_FUZZ_SEED'])
  : RUNS > 300
    ? undefined
    : 42;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

const root = path.resolve(__dirname, '../../../..');
const FILES = [...listFixtures(path.join(root, 'test/fixtures/cli')), ...listFixtures(path.join(root, 'examples'))].map(
  (file) => ({ text: readFileSync(file, 'utf8'), format: (/\.ya?ml$/.test(file) ? 'yaml' : 'json') as Format }),
);

/** Timing and memory over every case, for `npm run fuzz`'s summary. */
const stats = { cases: 0, slowestMs: 0, slowest: '', peakRss: 0 };
function checked(text: string, format: Format): ReturnType<typeof validate> {
  const started = performance.now();
  const findings = validate(text, format);
  const ms = performance.now() - started;
  stats.cases++;
  if (ms > stats.slowestMs)
    Object.assign(stats, {
      slowestMs: ms,
      slowest: `${format}, ${text.length} chars: ${JSON.stringify(text.slice(0, 120))}`,
    });
  if (stats.cases % 1000 === 0) stats.peakRss = Math.max(stats.peakRss, process.memoryUsage().rss);
  return findings;
}

/**
 * The properties every verdict has: no throw, ranges inside the text, the same twice; and the
 * editor's analysis of the same text (findings beyond JSON slips, folds, outline) inside it too.
 */
function assertSound(text: string, format: Format): void {
  const findings = checked(text, format);
  const lines = text.split(/\r\n|\r|\n/);
  findings.forEach((f) => assertInside(f.range, lines, f.code));
  assert.deepEqual(validate(text, format), findings, 'deterministic');
  const analysis = analyzeDocument(text, format);
  analysis.findings.forEach((f) => assertInside(f.range, lines, `${f.code} (editor)`));
  for (const fold of analysis.folds) assert.ok(fold.start < fold.end && fold.end < lines.length, 'fold in the text');
  const symbols = [...analysis.symbols];
  for (const symbol of symbols) {
    assertInside(symbol.range, lines, `symbol ${symbol.name}`);
    assertInside(symbol.selectionRange, lines, `symbol ${symbol.name}`);
    symbols.push(...symbol.children);
  }
  if (analysis.sendLens) assertInside({ start: analysis.sendLens.at, end: analysis.sendLens.at }, lines, 'lens');
}

function assertInside({ start, end }: Range, lines: string[], what: string): void {
  assert.ok(start.line < lines.length && end.line < lines.length, `${what} on a line of the text`);
  assert.ok(start.character <= lines[start.line]!.length && end.character <= lines[end.line]!.length, what);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), what);
}

// Random Unicode: astral characters, controls, lone surrogates, line ends of every kind.
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\n', '\r', '\r\n', '\t', '\ufeff', '\x85', '\ud800'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
});

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: anyText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat(), length: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('line-ends' as const), to: fc.constantFrom('\r\n', '\r', '\n') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'insert':
      return text.slice(0, at(m.at)) + m.what + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'swap': {
      const [a, b] = [at(m.a), at(m.b)].sort((x, y) => x - y) as [number, number];
      const first = text.slice(a, Math.min(a + m.length, b));
      const second = text.slice(b, b + m.length);
      return text.slice(0, a) + second + text.slice(a + first.length, b) + first + text.slice(b + second.length);
    }
    case 'line-ends':
      return text.replace(/\r\n|\r|\n/g, m.to);
  }
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const user = fc.record(
  {
    userId: fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
    properties: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
  },
  { requiredKeys: ['userId'] },
);

describe('fuzzing the core (fast-check)', function () {
  this.timeout(0);
  after(() => {
    if (RUNS > 300)
      console.log(
        `fuzz: ${stats.cases} cases validated; slowest ${stats.slowestMs.toFixed(1)} ms (${stats.slowest}); peak RSS ${(stats.peakRss / 2 ** 20).toFixed(0)} MiB`,
      );
  });

  it('never throws on real input files mutated (truncated, bytes inserted or deleted, slices swapped, line ends changed)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: FILES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (n, mutations) => {
          const { text, format } = FILES[n]!;
          const mutated = mutations.reduce(mutate, text);
          assertSound(mutated, format);
          assertSound(mutated, format === 'json' ? 'yaml' : 'json');
        },
      ),
      params,
    );
  });

  it('never throws on random JSON values and random text, read as JSON and as YAML', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          jsonValue.map((v) => JSON.stringify(v, null, 2)),
          anyText,
        ),
        (text) => {
          assertSound(text, 'json');
          assertSound(text, 'yaml');
        },
      ),
      params,
    );
  });

  it('JSON → YAML → JSON keeps the value the AWS CLI reads', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const json = JSON.stringify(value);
        const parsed = parseDocument(json, 'json');
        if (parsed.error || !parsed.root) return;
        const yaml = convertDocument(json, 'json', 'yaml');
        assert.ok('text' in yaml, JSON.stringify(yaml));
        const back = convertDocument(yaml.text, 'yaml', 'json');
        assert.ok('text' in back, `${JSON.stringify(back)} from\n${yaml.text}`);
        for (const [text, format] of [
          [yaml.text, 'yaml'],
          [back.text, 'json'],
        ] as const) {
          const again = parseDocument(text, format);
          assert.ok(again.root, `${format}:\n${text}`);
          assert.equal(pyRepr(again.root), pyRepr(parsed.root), `${format}:\n${text}`);
        }
      }),
      params,
    );
  });

  it('a written input file reads back as the same request, with no finding of the AWS CLI', () => {
    fc.assert(
      fc.property(
        fc.array(user, { minLength: 1, maxLength: 10 }),
        fc.constantFrom<Format>('json', 'yaml'),
        (users, format) => {
          const text = writeInput({ datasetArn: ARN, users }, format);
          const { request, findings } = readRequest(text, format);
          assert.deepEqual(
            findings.filter((f) => f.code.startsWith('cli/')),
            [],
            text,
          );
          assert.deepEqual(request, { datasetArn: ARN, users: JSON.parse(JSON.stringify(users)) as unknown });
        },
      ),
      params,
    );
  });

  it('a skeleton converted to the other format gets the same findings (its empty placeholders)', () => {
    const messages = (text: string, format: Format) => validate(text, format).map((f) => `${f.code} ${f.message}`);
    for (const [kind, from, to] of [
      ['input', 'json', 'yaml'],
      ['yaml-input', 'yaml', 'json'],
    ] as const) {
      const converted = convertDocument(skeleton(kind), from, to);
      assert.ok('text' in converted, kind);
      assert.deepEqual(messages(converted.text, to), messages(skeleton(kind), from), kind);
      assert.ok(messages(skeleton(kind), from).length > 0, 'the placeholders are findings');
    }
  });
});
