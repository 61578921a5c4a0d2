import * as assert from 'node:assert/strict';
import { syntaxSlips, validate } from '../../../src/core';
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
