import * as assert from 'node:assert/strict';
import { jsonCursor } from '../../../src/core';

/** The cursor is where `|` is. */
const at = (textWithBar: string) => jsonCursor(textWithBar.replace('|', ''), textWithBar.indexOf('|'));

describe('jsonCursor (completion context in half-typed JSON)', () => {
  it('finds the path and the keys around a key being typed', () => {
    const c = at('{"datasetArn": "a", "users": [{"userId": "u1"}, {"userId": "u2", "|"}]}');
    assert.deepEqual(c.path, ['users', 1]);
    assert.equal(c.atKey, true);
    assert.deepEqual(c.keys, ['userId']);
    assert.deepEqual(c.inString, { start: 65, end: 67 });
  });

  it('sees keys after the cursor and at the top level', () => {
    const c = at('{\n  |\n  "users": []\n}');
    assert.deepEqual(c.path, []);
    assert.equal(c.atKey, true);
    assert.deepEqual(c.keys, ['users']);
  });

  it('knows which member a value belongs to, even in an unclosed string', () => {
    const c = at('{"datasetArn": "arn:aws|');
    assert.equal(c.atKey, false);
    assert.equal(c.valueKey, 'datasetArn');
    assert.deepEqual(c.path, []);
    const p = at('{"users": [{"userId": "u", "properties": "{\\"a|\\": 1}"}]}');
    assert.equal(p.valueKey, 'properties');
    assert.deepEqual(p.path, ['users', 0]);
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    const c = at('{"users": [{"userId": "{[\\"]}", "properties": "}]"}, {|}]}');
    assert.deepEqual(c.path, ['users', 1]);
    assert.equal(c.atKey, true);
  });
});

describe('jsonCursor with a memo (resuming while typing)', () => {
  it('gives the same answers as a fresh scan after edits before and after the checkpoints', async () => {
    const { createJsonCursorMemo } = await import('../../../src/core');
    const users = Array.from({ length: 3000 }, (_, i) => `{"userId": "u${i}", "properties": "{\\"a\\": \\"[{\\"}"}`);
    let text = `{"datasetArn": "x", "users": [${users.join(', ')}]}`;
    const memo = createJsonCursorMemo();
    const probes = [10, text.length >> 2, text.length >> 1, text.length - 40];
    for (const p of probes) assert.deepEqual(jsonCursor(text, p, memo), jsonCursor(text, p));
    assert.ok(memo.checkpoints.length > 2);
    // Typing near the end keeps the checkpoints before it; an edit at the start invalidates them all.
    text = text.slice(0, text.length - 60) + '"x": 1, ' + text.slice(text.length - 60);
    for (const p of [text.length - 50, text.length >> 1])
      assert.deepEqual(jsonCursor(text, p, memo), jsonCursor(text, p));
    text = '{"users": [' + text.slice(1);
    for (const p of [text.length - 50, 30]) assert.deepEqual(jsonCursor(text, p, memo), jsonCursor(text, p));
  });
});

describe('jsonCursor at a just-opened key', () => {
  it('is in the key when only its opening quote is typed', () => {
    const c = at('{"users": [{"userId": "u2", "|\n]}');
    assert.equal(c.atKey, true);
    assert.deepEqual(c.path, ['users', 0]);
    assert.deepEqual(c.keys, ['userId']);
  });
});
