// Files a careless tool, a bad merge or a hostile repository produce: the core answers each
// quickly, with one located error, and never walks an alias's expansion.
import * as assert from 'node:assert/strict';
import { ALIAS_EXPANSION_LIMIT, validate } from '../../../src/core';
import { covered } from './helpers';
import { ARN } from '../../support/values';

/** `levels` anchors, each a list of `width` aliases of the one before; `users` the last. */
function laughs(levels: number, width: number): string {
  const lines = ['a0: &a0 [lol]'];
  for (let k = 1; k <= levels; k++)
    lines.push(
      `a${k}: &a${k} [${Array(width)
        .fill(`*a${k - 1}`)
        .join(', ')}]`,
    );
  return `datasetArn: ${ARN}\n${lines.join('\n')}\nusers: *a${levels}\n`;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('hostile YAML', () => {
  it('a "billion laughs" file gets one error, on the alias that passes the limit, in milliseconds', () => {
    const text = laughs(9, 9); // 387 million values once expanded
    const { value: findings, ms } = timed(() => validate(text, 'yaml'));
    assert.ok(ms < 1_000, `${ms} ms`);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['cli/too-large'],
    );
    assert.match(covered(text, findings[0]!), /^\*a\d$/);
    assert.match(findings[0]!.message, /expand to more than 100,000 values/);
    assert.equal(findings[0]!.awsCli, undefined, 'the AWS CLI prints nothing: it never finishes');
  });

  it('deeper and wider bombs, and bombs of mappings and merge keys, stay as quick', () => {
    const mappings = ['m0: &m0 {k: v}'];
    for (let k = 1; k <= 12; k++)
      mappings.push(`m${k}: &m${k} {${Array.from({ length: 8 }, (_, j) => `k${j}: *m${k - 1}`).join(', ')}}`);
    const merges = ['b0: &b0 {userId: u}'];
    for (let k = 1; k <= 30; k++) merges.push(`b${k}: &b${k} {<<: *b${k - 1}, x${k}: [*b${k - 1}, *b${k - 1}]}`);
    for (const text of [
      laughs(20, 20),
      laughs(5, 1000),
      `${mappings.join('\n')}\nusers: [*m12]\n`,
      `${merges.join('\n')}\nusers: [*b30]\n`,
    ]) {
      const { value: findings, ms } = timed(() => validate(text, 'yaml'));
      assert.ok(ms < 1_000, `${ms} ms`);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['cli/too-large'],
        text.slice(0, 200),
      );
    }
  });

  it('aliases below the limit are read as the AWS CLI reads them, each expansion checked', () => {
    // A properties string shared by many users, as people do with anchors.
    const users = Array.from({ length: 12 }, (_, i) => `- userId: u${i}\n  properties: *p`).join('\n');
    const text = `datasetArn: ${ARN}\nshared: &p '{"tier": "gold"}'\nusers:\n${users}\n`;
    const codes = validate(text, 'yaml').map((f) => f.code);
    assert.deepEqual(codes, ['cli/unknown-member', 'service/too-many-users']);
    // Just under the limit: still checked in full.
    const under = `a: &a [${'x, '.repeat(998)}x]\nb: [${'*a, '.repeat(ALIAS_EXPANSION_LIMIT / 1000 - 2)}*a]\n`;
    assert.ok(!validate(under, 'yaml').some((f) => f.code === 'cli/too-large'));
  });

  it('100,000 levels of nesting, in YAML and JSON: the AWS CLI’s crash, located, with no stack overflow', () => {
    for (const [text, format] of [
      [`datasetArn: ${ARN}\nusers: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'yaml'],
      [`{"datasetArn": "${ARN}", "users": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'json'],
      [`datasetArn: ${ARN}\nusers: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`, 'yaml'],
    ] as const) {
      const { value: findings, ms } = timed(() => validate(text, format));
      assert.ok(ms < 1_000, `${ms} ms`);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['cli/crash'],
        format,
      );
      assert.match(findings[0]!.awsCli!, /^maximum recursion depth exceeded/);
      assert.ok(findings[0]!.range.start.character > 40, 'located in the nesting, not at the top');
    }
  });
});
