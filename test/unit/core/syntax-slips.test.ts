import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Finding, syntaxSlips, validate } from '../../../src/core';
import { listFixtures } from '../../support/aws-cli';
import { covered } from './helpers';
import { ARN } from '../../support/values';

const mend = (text: string) =>
  syntaxSlips(text)
    .sort((a, b) => b.start - a.start)
    .reduce((t, s) => t.slice(0, s.start) + s.replacement + t.slice(s.end), text);

describe('JSON slips (trailing commas, comments, single quotes)', () => {
  it('finds each, and mending them all gives the JSON meant', () => {
    const text = `// users to add
{
  'datasetArn': '${ARN}', /* the Users dataset */
  "users": [
    {"userId": "it's, fine", "properties": '{"a": "b\\'c"}',}, // trailing
  ],
}
`;
    assert.deepEqual(
      syntaxSlips(text).map((s) => s.kind),
      [
        'comment',
        'single-quoted',
        'single-quoted',
        'comment',
        'single-quoted',
        'trailing-comma',
        'comment',
        'trailing-comma',
        'trailing-comma',
      ],
    );
    const mended = mend(text);
    assert.deepEqual(validate(mended, 'json'), []);
    assert.deepEqual(JSON.parse(mended), {
      datasetArn: ARN,
      users: [{ userId: "it's, fine", properties: `{"a": "b'c"}` }],
    });
  });

  it('leaves what is inside strings alone, and valid JSON has none', () => {
    assert.deepEqual(syntaxSlips(`{"a": "// not a comment, ]", "b": "'x'"}`), []);
    assert.deepEqual(syntaxSlips(JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u' }] }, null, 2)), []);
  });
});

describe('validation beyond the slips (the editor sees every problem at once)', () => {
  const beyond = (text: string) => validate(text, 'json', { beyondSyntaxSlips: true });
  const seen = (text: string, found: Finding[]) => found.map((f) => `${f.code} ${covered(text, f)}`);

  it('reports what the AWS CLI would say once a trailing comma, a comment and single quotes are mended, located in the file as it is', () => {
    const text = `{
  // the demo dataset
  "datasetArn": '${ARN}',
  "users": [
    {"userID": "u1", "properties": '{"Age": 1, "b": [2]}'},
    {"userId": 7,},
  ],
}
`;
    assert.deepEqual(seen(text, beyond(text)), [
      'cli/invalid-json // the demo dataset',
      'cli/missing-member {',
      'cli/unknown-member "userID"',
      'cli/invalid-type 7',
      'service/properties-key-case \'{"Age": 1, "b": [2]}\'',
      'service/properties-nested-value \'{"Age": 1, "b": [2]}\'',
    ]);
    // `putusers validate` gives the AWS CLI's verdict: the first error, alone.
    assert.deepEqual(seen(text, validate(text, 'json')), ['cli/invalid-json // the demo dataset']);
  });

  it('stops at a syntax error that is no slip: where later problems are is no longer certain', () => {
    const text = `{"datasetArn": "${ARN}", "users": [{"userId": 7} {"userId": 8},]}`;
    assert.deepEqual(
      beyond(text).map((f) => f.code),
      ['cli/invalid-json'],
    );
  });

  it('finds the same problems, in the same places, in every fixture with comments and trailing commas added', () => {
    let checked = 0;
    for (const file of listFixtures(path.resolve(__dirname, '../../../../test/fixtures/cli'))) {
      if (!file.endsWith('.json')) continue;
      const name = path.basename(file);
      const clean = fs.readFileSync(file, 'utf8');
      const before = validate(clean, 'json');
      if (before.some((f) => f.code === 'cli/invalid-json' || f.code === 'cli/crash')) continue;
      const slipped = withSlips(clean);
      if (slipped === clean) continue;
      const after = beyond(slipped);
      assert.equal(after[0]?.code, 'cli/invalid-json', name);
      assert.deepEqual(seen(slipped, after.slice(1)), seen(clean, before), name);
      checked++;
    }
    assert.ok(checked >= 20, `${checked} fixtures checked`);
  });
});

/** The text with a comment after each line that opens or continues a container, and a trailing comma before each closing line. */
function withSlips(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      const closes = next !== undefined && /^\s*[}\]]/.test(next);
      let out = line;
      if (closes && /[^\s,{[]\s*$/.test(line)) out = `${line.trimEnd()},`;
      return /[,{[]\s*$/.test(out) ? `${out} // note` : out;
    })
    .join('\n');
}
