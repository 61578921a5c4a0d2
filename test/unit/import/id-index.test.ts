// The import's index of user ids: exactly a Map's answers, in flat typed arrays.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createIdIndex } from '../../../src/import/id-index';

describe('import: the index of user ids', () => {
  it('answers as a Map does, for any ids, through every growth of its arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 256, unit: 'binary' }), { maxLength: 3000 }), (ids) => {
        const index = createIdIndex();
        const map = new Map<string, number>();
        ids.forEach((id, line) => {
          assert.equal(index.get(id), map.get(id), JSON.stringify(id));
          if (!map.has(id)) {
            index.add(id, line);
            map.set(id, line);
          }
        });
        for (const [id, line] of map) assert.equal(index.get(id), line);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('tells apart ids that share prefixes, lengths and hashes’ low bits, a hundred thousand of them', () => {
    const index = createIdIndex();
    for (let i = 0; i < 100_000; i++) index.add(`user-${i}`, i + 2);
    assert.equal(index.get('user-0'), 2);
    assert.equal(index.get('user-99999'), 100_001);
    assert.equal(index.get('user-100000'), undefined);
    assert.equal(index.get('user-'), undefined);
    assert.equal(index.get('user-1 '), undefined);
    index.add('ü𝄞', 7);
    assert.equal(index.get('ü𝄞'), 7);
    assert.equal(index.get('u𝄞'), undefined);
  });
});
