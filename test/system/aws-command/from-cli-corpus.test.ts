// Differential: `putusers from-cli` against what AWS CLI 2.9.19 did with each command line of
// test/fixtures/aws-commands (recorded by scripts/record-aws-commands.mjs, which ran each through
// bash with the real CLI and the emulator as capture endpoint). A command the CLI sent must give an
// input file whose request is exactly the body sent; a command the CLI refused must be refused, in
// the CLI's words. With /usr/bin/aws installed, the recordings are also checked against a live run
// (of the command lines not already verified live with this CLI build: test/support/aws-cli-cache.ts).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runFromCli } from '../../../src/cli/from-cli-command';
import { awsCliPath } from '../../support/aws-cli';
import { answerKey, cacheSummary, remember, seenBefore } from '../../support/aws-cli-cache';
import {
  AWS_COMMANDS_DIR,
  COMMAND_PRELUDE,
  type CommandRecording,
  listCommandFixtures,
  recordCommands,
  serializeCommandRecording,
} from '../../support/aws-commands';

/** Where our words differ from the CLI's, and why (see the fixture folder's NOTES.md). */
const OTHER_WORDS: Record<string, string> = {
  'json-invalid.sh':
    "the CLI prints Python's json message (Expecting ',' delimiter: line 1 column 14 (char 13)); ours is the core's",
};

function fromCli(fixture: string, yaml = false): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  const code = runFromCli(['--cwd', AWS_COMMANDS_DIR, ...(yaml ? ['--yaml'] : [])], io, () =>
    readFileSync(fixture, 'utf8'),
  );
  return { code, stdout, stderr };
}

/** The CLI's reason: stderr without its blank first line, or argparse's last line after the usage text. */
function cliReason(stderr: string): string {
  const text = stderr.replace(/^\n/, '').replace(/\n+$/, '');
  return text.startsWith('usage:')
    ? text
        .split('\n')
        .filter((l) => l.trim())
        .pop()!
    : text;
}

describe('putusers from-cli vs the recorded AWS CLI', () => {
  const fixtures = listCommandFixtures();

  it('has a corpus of at least 40 command lines, each recorded', () => {
    assert.ok(fixtures.length >= 40, `${fixtures.length} command lines`);
    for (const f of fixtures)
      assert.doesNotThrow(() => readFileSync(`${f}.aws.json`), `${basename(f)} is not recorded`);
  });

  for (const fixture of fixtures) {
    const name = basename(fixture);
    it(name, () => {
      const recorded = JSON.parse(readFileSync(`${fixture}.aws.json`, 'utf8')) as CommandRecording;
      const ours = fromCli(fixture);
      if (recorded.body !== null) {
        assert.equal(ours.code, 0, `the CLI sent a request; from-cli said:\n${ours.stderr}`);
        assert.deepEqual(JSON.parse(ours.stdout), JSON.parse(recorded.body));
        // The YAML form holds the same request.
        const yaml = fromCli(fixture, true);
        assert.equal(yaml.code, 0);
        assert.match(yaml.stdout, /^datasetArn: /);
      } else {
        assert.notEqual(
          ours.code,
          0,
          `the CLI sent nothing (exit ${recorded.exitCode}); from-cli printed\n${ours.stdout}`,
        );
        assert.equal(ours.stdout, '');
        const reason = cliReason(recorded.stderr);
        if (OTHER_WORDS[name]) assert.ok(!ours.stderr.includes(reason), `${name} now agrees: drop it from OTHER_WORDS`);
        else assert.ok(ours.stderr.includes(reason), `expected the CLI's words:\n${reason}\ngot:\n${ours.stderr}`);
      }
    });
  }

  it('the recordings are what the installed AWS CLI does now (live, or verified live on this CLI build before)', async function () {
    if (!awsCliPath()) this.skip(); // nothing to re-run against
    this.timeout(300_000);
    // A command line may read any input file of the folder: each answer depends on all of them.
    const inputs = readdirSync(AWS_COMMANDS_DIR)
      .filter((n) => !n.endsWith('.sh') && !n.endsWith('.aws.json'))
      .sort()
      .flatMap((n) => [n, readFileSync(join(AWS_COMMANDS_DIR, n)).toString('latin1')]);
    const key = (f: string) =>
      answerKey('aws-commands', [
        COMMAND_PRELUDE,
        basename(f),
        readFileSync(f, 'utf8'),
        ...inputs,
        readFileSync(`${f}.aws.json`, 'utf8'),
      ]);
    const toRun = fixtures.filter((f) => !seenBefore(key(f)));
    console.log(cacheSummary('test/fixtures/aws-commands', toRun.length, fixtures.length - toRun.length));
    const live = await recordCommands(toRun);
    toRun.forEach((f, i) =>
      assert.equal(serializeCommandRecording(live[i]!), readFileSync(`${f}.aws.json`, 'utf8'), basename(f)),
    );
    for (const f of toRun) remember(key(f), basename(f));
  });
});
