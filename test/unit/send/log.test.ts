import * as assert from 'node:assert/strict';
import { USER } from '../../../src/core';
import { describeUser, lineLogger, SENSITIVE_USER_MEMBERS } from '../../../src/send/log';

describe('send: logging without user data', () => {
  it('takes the sensitive members from the model', () => {
    assert.deepEqual(
      SENSITIVE_USER_MEMBERS,
      USER.members.filter((m) => m.shape.kind === 'string' && m.shape.sensitive).map((m) => m.name),
    );
    assert.deepEqual([...SENSITIVE_USER_MEMBERS].sort(), ['properties', 'userId']);
  });

  it('describes a user by index and lengths only', () => {
    const line = describeUser({ userId: 'alice@example.com', properties: '{"age": "31"}' }, 17);
    assert.equal(line, 'users[17] (userId: 17 characters, properties: 13 characters)');
    assert.doesNotMatch(line, /alice|31/);
    assert.equal(describeUser({ userId: 'bob' }, 0), 'users[0] (userId: 3 characters)');
  });

  it('writes lines at and above its level', () => {
    const lines: string[] = [];
    const log = lineLogger((l) => lines.push(l), 'warn');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    assert.deepEqual(lines, ['[warn] w\n', '[error] e\n']);
    const none: string[] = [];
    lineLogger((l) => none.push(l), 'off').error('x');
    assert.deepEqual(none, []);
  });
});
