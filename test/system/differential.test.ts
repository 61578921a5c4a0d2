// The differential corpus: what the real AWS CLI v2 does with each file of test/fixtures/cli (recorded next to it
// as <file>.aws.json by scripts/record-cli.mjs) against what the core's validate() says.
//  (a) when /usr/bin/aws is AWS CLI v2, it is run live and must still answer as recorded (drift shows here),
//      on every fixture not already verified live with this CLI build (test/support/aws-cli-cache.ts;
//      npm run test:drift runs them all); PUTUSERS_SKIP_AWS_CLI=1 skips that part;
//  (b) validate() must report exactly the CLI's lines (its `cli/...` findings' awsCli) and the CLI's verdict;
//  (c) every fixture has a recording, and the recordings are consistent.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validate } from '../../src/core';
import {
  awsCliArgs,
  awsCliPath,
  formatOfFixture,
  listFixtures,
  mapLimit,
  parseCliLines,
  recordingPathOf,
  runAwsCli,
  type Recorded,
} from '../support/aws-cli';
import { answerKey, cacheSummary, remember, seenBefore } from '../support/aws-cli-cache';
import { repoRoot } from '../support/repo';

const DIR = join(repoRoot(), 'test/fixtures/cli');
const FIXTURES = listFixtures(DIR);
const RERECORD = 'npm run build && node scripts/record-cli.mjs';

function recordingOf(fixture: string): Recorded | undefined {
  const path = recordingPathOf(fixture);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Recorded) : undefined;
}

function requireRecording(fixture: string): Recorded {
  const recorded = recordingOf(fixture);
  if (!recorded) assert.fail(`${basename(fixture)} has no recording; run ${RERECORD}`);
  return recorded;
}

/** The lines the core says the CLI prints: the awsCli of every cli/ finding, split like the CLI's output is. */
function coreLines(text: string, fixture: string): { lines: string[]; errors: number } {
  const cli = validate(text, formatOfFixture(fixture)).filter((f) => f.code.startsWith('cli/'));
  return {
    lines: cli.flatMap((f) => (f.awsCli ?? `<${f.code} finding without awsCli: ${f.message}>`).split('\n')),
    errors: cli.filter((f) => f.severity === 'error').length,
  };
}

/** What the CLI's answer on a fixture depends on: its name, its text and the command; and the answer it must give. */
function answerParts(fixture: string): string[] {
  const recording = recordingPathOf(fixture);
  return [
    awsCliArgs(fixture).join('\0'),
    readFileSync(fixture).toString('latin1'), // every byte, as the CLI reads it
    existsSync(recording) ? readFileSync(recording, 'utf8') : 'no recording',
  ];
}

const sorted = (lines: readonly string[]) => [...lines].sort();

describe('differential corpus (test/fixtures/cli) against the real AWS CLI v2', function () {
  const cli = process.env.PUTUSERS_SKIP_AWS_CLI ? undefined : awsCliPath();
  const live = new Map<string, Recorded | Error>();
  const keys = new Map<string, string>();

  before(async function () {
    if (!cli) return;
    // Only fixtures whose input, command, recording or CLI build changed since a live run matched
    // (all of them on a fresh machine, or under npm run test:drift).
    for (const fixture of FIXTURES) keys.set(fixture, answerKey('differential', answerParts(fixture)));
    const toRun = FIXTURES.filter((f) => !seenBefore(keys.get(f)!));
    console.log(cacheSummary('test/fixtures/cli', toRun.length, FIXTURES.length - toRun.length));
    // ~0.5 s of CPU per CLI run, two at a time (two cores); room for a machine shared with others
    // (each run has its own 120 s limit, so a hung CLI still ends).
    this.timeout(Math.max(180_000, toRun.length * 5_000));
    await mapLimit(toRun, 2, async (fixture) => {
      try {
        live.set(fixture, await runAwsCli(fixture));
      } catch (error) {
        live.set(fixture, error as Error);
      }
    });
  });

  for (const fixture of FIXTURES) {
    const name = basename(fixture);
    describe(name, () => {
      it('the real CLI answers as recorded (live, or verified live on this CLI build before)', function () {
        if (!cli) this.skip();
        const key = keys.get(fixture)!;
        if (!live.has(fixture) && seenBefore(key)) return;
        const now = live.get(fixture);
        if (now instanceof Error) throw now;
        assert.deepStrictEqual(
          now,
          requireRecording(fixture),
          `the AWS CLI's answer changed; if that is right, run ${RERECORD}`,
        );
        remember(key, `${name}: ${awsCliArgs(fixture).join(' ')}`);
      });

      it("validate() reports exactly the CLI's lines", () => {
        const recorded = requireRecording(fixture);
        const text = readFileSync(fixture, 'utf8');
        assert.deepStrictEqual(sorted(coreLines(text, fixture).lines), sorted(recorded.lines));
      });

      it("validate() agrees with the CLI's verdict", () => {
        const recorded = requireRecording(fixture);
        const text = readFileSync(fixture, 'utf8');
        const { errors } = coreLines(text, fixture);
        const cliValid = recorded.exitCode === 0;
        assert.equal(
          errors === 0,
          cliValid,
          cliValid
            ? `the CLI accepts ${name} (exit 0) but validate() has ${errors} cli/ error(s)`
            : `the CLI rejects ${name} (exit ${recorded.exitCode}) but validate() has no cli/ error`,
        );
      });
    });
  }
});

describe('differential corpus: recordings', () => {
  it('covers at least 80 fixtures, every fixture has a recording and no recording is stale', () => {
    const recordings = readdirSync(DIR).filter((n) => n.endsWith('.aws.json'));
    assert.ok(recordings.length >= 80, `only ${recordings.length} recordings`);
    assert.deepStrictEqual(
      FIXTURES.filter((f) => !existsSync(recordingPathOf(f))).map((f) => basename(f)),
      [],
      `fixtures without a recording: run ${RERECORD}`,
    );
    const names = new Set(FIXTURES.map((f) => basename(f)));
    assert.deepStrictEqual(
      recordings.filter((r) => !names.has(r.slice(0, -'.aws.json'.length))),
      [],
      'recordings without a fixture',
    );
  });

  it('every recording has the recorded shape, lines as parseCliLines reads its stderr, and a known exit code', () => {
    for (const fixture of FIXTURES) {
      const recorded = recordingOf(fixture);
      if (!recorded) continue;
      const name = basename(fixture);
      assert.deepStrictEqual(Object.keys(recorded), ['exitCode', 'stdout', 'stderr', 'lines'], name);
      assert.deepStrictEqual(recorded.lines, parseCliLines(recorded.stderr), name);
      assert.ok([0, 252, 255].includes(recorded.exitCode), `${name}: exit ${recorded.exitCode}`);
      assert.equal(
        recorded.stdout,
        '',
        `${name}: PutUsers has no output, so --generate-cli-skeleton output prints nothing`,
      );
      if (recorded.exitCode === 0) assert.deepStrictEqual(recorded.lines, [], name);
      else assert.ok(recorded.lines.length > 0, `${name}: rejected without a line`);
    }
  });

  it('has valid and invalid files in both formats, and enough of each kind', () => {
    const count = (re: RegExp) => FIXTURES.filter((f) => re.test(basename(f))).length;
    assert.ok(FIXTURES.length >= 120, `${FIXTURES.length} fixtures`);
    assert.ok(count(/^json-.*\.json$/) >= 40);
    assert.ok(count(/^yaml-.*\.ya?ml$/) >= 40);
    assert.ok(count(/-multi-/) >= 10, 'files with many errors at once');
    const verdicts = FIXTURES.map((f) => recordingOf(f)?.exitCode);
    assert.ok(verdicts.filter((c) => c === 0).length >= 20, 'accepted files');
    assert.ok(verdicts.filter((c) => c !== undefined && c !== 0).length >= 80, 'rejected files');
  });
});

describe('parseCliLines', () => {
  it('takes the lines after the validation head, the first one included, and splits multi-line values', () => {
    assert.deepStrictEqual(
      parseCliLines('\nParameter validation failed:\nMissing required parameter in input: "users"\n'),
      ['Missing required parameter in input: "users"'],
    );
    assert.deepStrictEqual(
      parseCliLines(
        "\nParameter validation failed:\nInvalid type for parameter users, value: a\n\nb, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>\n",
      ),
      [
        'Invalid type for parameter users, value: a',
        '',
        "b, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      ],
    );
  });

  it('takes the one line of a parse error or an exception, and ignores Python warnings', () => {
    assert.deepStrictEqual(parseCliLines("\nError parsing parameter 'cli-input-json': Invalid JSON received.\n"), [
      "Error parsing parameter 'cli-input-json': Invalid JSON received.",
    ]);
    assert.deepStrictEqual(parseCliLines('\nkeywords must be strings\n'), ['keywords must be strings']);
    assert.deepStrictEqual(parseCliLines('\n\n'), ['']);
    assert.deepStrictEqual(parseCliLines(''), []);
    const warning =
      '/usr/lib/python3/dist-packages/ruamel/yaml/constructor.py:532: MantissaNoDotYAML1_1Warning: \nIn YAML 1.1 ...\n\n  import warnings\n\n\n  warnings.warn(MantissaNoDotYAML1_1Warning(node, value_so))\n';
    assert.deepStrictEqual(parseCliLines(`${warning}\nkeywords must be strings\n`), ['keywords must be strings']);
    assert.deepStrictEqual(parseCliLines(`${warning}\nParameter validation failed:\nX\n`), ['X']);
  });
});
