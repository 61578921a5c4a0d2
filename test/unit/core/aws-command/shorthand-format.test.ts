// The shorthand a user is written as, and the values it refuses (then the command uses JSON).
// What the AWS CLI reads back from these words is checked in test/system/aws-command.
import * as assert from 'node:assert/strict';
import { shorthandUser, shorthandUsers, shorthandValue } from '../../../../src/core';

describe('shorthand format', () => {
  it('writes plain values unquoted, commas escaped, = [ { and spaces inside kept', () => {
    assert.equal(shorthandValue('u-1'), 'u-1');
    assert.equal(shorthandValue('a,b'), 'a\\,b');
    assert.equal(shorthandValue('k=v'), 'k=v');
    assert.equal(shorthandValue('two words'), 'two words');
    assert.equal(shorthandValue('x[0{y'), 'x[0{y');
    assert.equal(shorthandValue('CORP\\kim'), 'CORP\\kim');
    assert.equal(shorthandValue('é日本'), 'é日本');
  });

  it('quotes what cannot go unquoted, escaping only the quote and backslashes', () => {
    assert.equal(shorthandValue('{"age":"45"}'), `'{"age":"45"}'`);
    assert.equal(shorthandValue('{"age":"45"}', { quote: '"' }), `"{\\"age\\":\\"45\\"}"`);
    assert.equal(shorthandValue(`O'Brien`), `"O'Brien"`);
    assert.equal(shorthandValue(`both ' "`), `"both ' \\""`);
    assert.equal(shorthandValue(`both ' "`, { quote: "'" }), `'both \\' "'`);
    assert.equal(shorthandValue('{"p":"C:\\\\x"}', { quote: "'" }), `'{"p":"C:\\\\\\\\x"}'`);
    assert.equal(shorthandValue('trailing\\'), '"trailing\\\\"');
    for (const v of [' lead', 'trail ', 'trail\u00a0', '=x', '[x', '{x', 'a]b', 'a}b', 'smile 😀', 'nbsp\u3000'])
      assert.match(shorthandValue(v)!, /^["']/, v);
  });

  it('refuses empty values, control characters and lone surrogates', () => {
    for (const v of ['', 'a\nb', 'tab\t', '\r', 'del\x7f', '\x00', '\ud800', 'x\udc00'])
      assert.equal(shorthandValue(v), undefined, JSON.stringify(v));
  });

  it('writes userId then properties, one word per user, or nothing when any user refuses', () => {
    assert.equal(shorthandUser({ userId: 'u1' }), 'userId=u1');
    assert.equal(shorthandUser({ userId: 'u,1', properties: '{"a":"1"}' }), `userId=u\\,1,properties='{"a":"1"}'`);
    assert.deepEqual(shorthandUsers([{ userId: 'a' }, { userId: 'b' }]), ['userId=a', 'userId=b']);
    assert.equal(shorthandUsers([{ userId: 'a' }, { userId: 'b', properties: 'x\ny' }]), undefined);
  });
});
