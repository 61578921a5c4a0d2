// The public parser suites (test/fixtures/cli-suites: JSONTestSuite and the YAML test suite, each
// case an input file as it is, with the real AWS CLI v2's recorded answer beside it) against
// validate(): the same lines and the same verdict, except the cases NOTES.md lists as known
// differences, each with its reason. A listed case that comes to agree fails too, so the list
// stays true. The recordings are compared, not re-run (720 CLI runs would take ten minutes):
// `node scripts/record-cli.mjs --dir test/fixtures/cli-suites --check` checks them for drift.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validate } from '../../src/core';
import { formatOfFixture, listFixtures, type Recorded, recordingPathOf } from '../support/aws-cli';
import { repoRoot } from '../support/repo';

const DIR = join(repoRoot(), 'test/fixtures/cli-suites');
const FIXTURES = listFixtures(DIR);
const NOTES = join(DIR, 'NOTES.md');

/** The known differences: rows `| file | reason |` of NOTES.md's tables. */
function knownDifferences(): Map<string, string> {
  const rows = readFileSync(NOTES, 'utf8').matchAll(/^\| `([^`]+\.(?:json|ya?ml))` \| (.+?) \|$/gm);
  return new Map([...rows].map(([, file, reason]) => [file!, reason!]));
}

/** Where validate() and the recording part, or undefined where they agree. */
function difference(fixture: string): string | undefined {
  const recorded = JSON.parse(readFileSync(recordingPathOf(fixture), 'utf8')) as Recorded;
  const cli = validate(readFileSync(fixture, 'utf8'), formatOfFixture(fixture)).filter((f) =>
    f.code.startsWith('cli/'),
  );
  const lines = cli.flatMap((f) => (f.awsCli ?? `<${f.code} without awsCli>`).split('\n')).sort();
  const verdict = cli.some((f) => f.severity === 'error') ? 'rejected' : 'accepted';
  const cliVerdict = recorded.exitCode === 0 ? 'accepted' : 'rejected';
  if (verdict !== cliVerdict) return `the CLI ${cliVerdict} it (exit ${recorded.exitCode}), validate() ${verdict} it`;
  const expected = [...recorded.lines].sort();
  if (JSON.stringify(lines) !== JSON.stringify(expected))
    return `other lines: the CLI ${JSON.stringify(expected)}, validate() ${JSON.stringify(lines)}`;
  return undefined;
}

describe('differential corpus of public parser suites (test/fixtures/cli-suites)', function () {
  this.timeout(60_000);
  const known = knownDifferences();

  it('has every case recorded, and lists only cases that exist', () => {
    assert.ok(FIXTURES.length >= 600, `${FIXTURES.length} cases`);
    assert.deepEqual(
      FIXTURES.filter((f) => !existsSync(recordingPathOf(f))).map((f) => basename(f)),
      [],
      'record them: node scripts/record-cli.mjs --dir test/fixtures/cli-suites',
    );
    const names = new Set(FIXTURES.map((f) => basename(f)));
    assert.deepEqual(
      [...known.keys()].filter((n) => !names.has(n)),
      [],
      'NOTES.md lists cases that are not in the corpus',
    );
  });

  for (const format of ['json', 'yaml'])
    it(`agrees with the CLI on every ${format.toUpperCase()} case but the known differences, which still differ`, () => {
      const unexpected: string[] = [];
      const nowAgreeing: string[] = [];
      for (const fixture of FIXTURES.filter((f) => basename(f).startsWith(`${format}-`))) {
        const name = basename(fixture);
        const differs = difference(fixture);
        if (differs && !known.has(name)) unexpected.push(`${name}: ${differs}`);
        if (!differs && known.has(name)) nowAgreeing.push(name);
      }
      assert.deepEqual(unexpected, [], 'cases where validate() and the AWS CLI part');
      assert.deepEqual(nowAgreeing, [], 'cases NOTES.md lists as differing that now agree: take them off the list');
    });
});
