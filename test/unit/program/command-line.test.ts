// The one argument reader of putusers and the emulator.
import * as assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../../src/program/command-line';

const spec = {
  format: { type: 'string' },
  tag: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
} as const;
const parse = (...argv: string[]) => parseCommandLine(argv, spec);
const mistake = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    return e.message;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
};

describe('parseCommandLine', () => {
  it('reads --name V, --name=V, booleans, repeated options and positionals anywhere', () => {
    const r = parse('a.json', '--format', 'json', '--tag=x', 'b.json', '--tag', 'y', '--quiet');
    assert.deepEqual(r.values, { format: 'json', tag: 'y', quiet: true });
    assert.deepEqual(r.all, { format: ['json'], tag: ['x', 'y'] });
    assert.deepEqual(r.positionals, ['a.json', 'b.json']);
  });
  it('keeps the last of a repeated value, a lone - as a positional, and everything after -- as positionals', () => {
    const r = parse('--format', 'text', '--format=json', '-', '--', '--quiet', '-x');
    assert.equal(r.values.format, 'json');
    assert.deepEqual(r.positionals, ['-', '--quiet', '-x']);
    assert.equal(r.values.quiet, undefined);
  });
  it('words every mistake as a UsageError', () => {
    assert.equal(mistake('--nope'), 'unknown option "--nope"');
    assert.equal(mistake('-f', 'json'), 'unknown option "-f"');
    assert.equal(mistake('--format'), '--format needs a value');
    assert.equal(mistake('--format='), '--format needs a value');
    assert.equal(mistake('--quiet=yes'), '--quiet takes no value');
  });
});
