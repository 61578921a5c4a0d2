// What a send will take, as the confirmation, the CLI's first line and the progress say it.
import * as assert from 'node:assert/strict';
import { about, duration, estimateLine, estimateSend, rate } from '../../../src/send/estimate';

describe('send: the estimate', () => {
  it('says users, requests, time and pace as the issue words it', () => {
    assert.equal(estimateLine(estimateSend(1_000, 10)), '1,000 users in 100 requests, about 10 s at 10 requests/s');
    assert.equal(estimateLine(estimateSend(1, 10)), '1 user in 1 request, under a second at 10 requests/s');
    assert.equal(estimateLine(estimateSend(25, 10)), '25 users in 3 requests, under a second at 10 requests/s');
    assert.equal(estimateLine(estimateSend(2_000, 10)), '2,000 users in 200 requests, about 20 s at 10 requests/s');
    assert.equal(
      estimateLine(estimateSend(20_000, 10)),
      '20,000 users in 2,000 requests, about 3 min 20 s at 10 requests/s',
    );
    assert.equal(
      estimateLine(estimateSend(1_000_000, 10)),
      '1,000,000 users in 100,000 requests, about 2 h 47 min at 10 requests/s',
    );
    assert.equal(estimateLine(estimateSend(1_000, 50)), '1,000 users in 100 requests, about 2 s at 50 requests/s');
  });

  it('rounds durations as people say them', () => {
    const cases: [number, string][] = [
      [400, '1 s'],
      [1_000, '1 s'],
      [59_400, '59 s'],
      [61_000, '1 min'],
      [63_000, '1 min 5 s'],
      [599_000, '10 min'],
      [3_599_000, '1 h'],
      [3_600_000, '1 h'],
      [7_260_000, '2 h 1 min'],
    ];
    for (const [ms, said] of cases) assert.equal(duration(ms), said, `${ms} ms`);
    assert.equal(about(999), 'under a second');
    assert.equal(about(10_000), 'about 10 s');
  });

  it('says a rate to a tenth below ten, whole above', () => {
    assert.deepEqual(
      [rate(1), rate(2.54), rate(9.96), rate(10.4), rate(1500)],
      ['1 request/s', '2.5 requests/s', '10 requests/s', '10 requests/s', '1,500 requests/s'],
    );
  });
});
