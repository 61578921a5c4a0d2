import * as assert from 'node:assert/strict';
import { USER_LIST } from '../../../src/core';
import { batchName, halves, MAX_USERS_PER_REQUEST, toBatches } from '../../../src/send/batches';

describe('send: batches', () => {
  it('takes the request size from the model (10)', () => {
    assert.equal(MAX_USERS_PER_REQUEST, USER_LIST.max);
    assert.equal(MAX_USERS_PER_REQUEST, 10);
  });

  it('cuts users into consecutive batches of at most 10, in file order', () => {
    assert.deepEqual(toBatches(25), [
      { first: 0, count: 10 },
      { first: 10, count: 10 },
      { first: 20, count: 5 },
    ]);
    assert.deepEqual(toBatches(10), [{ first: 0, count: 10 }]);
    assert.deepEqual(toBatches(1), [{ first: 0, count: 1 }]);
    assert.deepEqual(toBatches(0), []);
    assert.deepEqual(toBatches(5, 2), [
      { first: 0, count: 2 },
      { first: 2, count: 2 },
      { first: 4, count: 1 },
    ]);
    const many = toBatches(10_001);
    assert.equal(many.length, 1001);
    assert.equal(
      many.reduce((n, b) => n + b.count, 0),
      10_001,
    );
    assert.throws(() => toBatches(3, 0), RangeError);
  });

  it('halves a batch, the first half the larger', () => {
    assert.deepEqual(halves({ first: 10, count: 10 }), [
      { first: 10, count: 5 },
      { first: 15, count: 5 },
    ]);
    assert.deepEqual(halves({ first: 3, count: 5 }), [
      { first: 3, count: 3 },
      { first: 6, count: 2 },
    ]);
    assert.deepEqual(halves({ first: 0, count: 2 }), [
      { first: 0, count: 1 },
      { first: 1, count: 1 },
    ]);
    assert.throws(() => halves({ first: 0, count: 1 }), RangeError);
  });

  it('names a batch by indexes, never by user id', () => {
    assert.equal(batchName({ first: 10, count: 10 }), 'users[10..19]');
    assert.equal(batchName({ first: 7, count: 1 }), 'users[7]');
  });
});
