import * as assert from 'node:assert/strict';
import {
  allIn,
  emptyReport,
  failedFileLine,
  formatReport,
  ranges,
  usersNotInWorthAFile,
} from '../../../src/send/report';
import { ARN } from '../../support/values';

describe('send: the report as text', () => {
  it('joins indexes into ranges', () => {
    assert.equal(ranges([0, 1, 2, 5, 7, 8]), 'users[0..2], users[5], users[7..8]');
    assert.equal(ranges([]), '');
  });

  it('lists requests, users not in, totals and why it stopped', () => {
    const report = {
      ...emptyReport(ARN, 25),
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
      accepted: 14,
      rejected: 1,
      failed: 0,
      unsent: 10,
      attempts: 4,
      ms: 1234,
      cancelled: true,
    };
    report.requests.push(
      {
        n: 1,
        first: 0,
        users: 10,
        outcome: 'rejected',
        split: true,
        httpStatus: 400,
        requestId: 'r1',
        attempts: 1,
        ms: 10,
        error: { kind: 'invalid-input', code: 'InvalidInputException', message: 'Error parsing properties json' },
      },
      { n: 2, first: 0, users: 5, outcome: 'accepted', httpStatus: 200, requestId: 'r2', attempts: 2, ms: 12 },
    );
    report.notIn.push(
      { index: 7, status: 'rejected', message: 'Error parsing properties json', requestId: 'r4' },
      ...Array.from({ length: 10 }, (_, i) => ({ index: 15 + i, status: 'unsent' as const })),
    );
    const text = formatReport(report).join('\n');
    assert.equal(
      text,
      [
        `PutUsers to ${ARN} (region us-east-1, endpoint http://127.0.0.1:1):`,
        '  request 1: users[0..9], 10 users: rejected (InvalidInputException: Error parsing properties json), split in two to find the users the service rejects [HTTP 400, request id r1, 1 attempt, 10 ms]',
        '  request 2: users[0..4], 5 users: accepted [HTTP 200, request id r2, 2 attempts, 12 ms]',
        '  users[7]: rejected: Error parsing properties json [request id r4]',
        '  10 users never sent (cancelled): users[15..24]',
        '14 of 25 users in (14 accepted, 1 rejected, 0 failed, 10 unsent); 2 requests, 4 HTTP attempts, 1.2 s, 0.8 requests/s.',
        'Cancelled: requests in flight were let finish; nothing more was sent.',
      ].join('\n'),
    );
    assert.equal(allIn(report), false);
  });

  it('summarises many plain accepted requests', () => {
    const report = { ...emptyReport(ARN, 300), accepted: 300, attempts: 31 };
    for (let n = 1; n <= 30; n++)
      report.requests.push({
        n,
        first: (n - 1) * 10,
        users: 10,
        outcome: 'accepted',
        attempts: n === 7 ? 2 : 1,
        ms: 5,
      });
    const lines = formatReport(report);
    assert.equal(lines.filter((l) => l.startsWith('  request')).length, 1, 'only the retried one');
    assert.ok(lines.includes('  ... and 29 more requests accepted at the first attempt'));
    assert.equal(allIn(report), true);
  });

  it('says the pace kept against the pace asked, and how many attempts were throttled', () => {
    const report = {
      ...emptyReport(ARN, 2_000),
      accepted: 2_000,
      attempts: 203,
      throttled: 3,
      maxRequestsPerSecond: 10,
      ms: 20_100,
    };
    for (let n = 1; n <= 200; n++)
      report.requests.push({ n, first: (n - 1) * 10, users: 10, outcome: 'accepted', attempts: 1, ms: 5 });
    assert.equal(
      formatReport(report).at(-1),
      '2,000 of 2,000 users in (2,000 accepted, 0 rejected, 0 failed, 0 unsent); 200 requests, 203 HTTP attempts (3 throttled), 20.1 s, 9.9 requests/s (at most 10).',
    );
  });

  it('says where the users not in went, when the caller wrote them', () => {
    const report = { ...emptyReport(ARN, 3), accepted: 1, rejected: 1, unsent: 1 };
    report.notIn.push({ index: 0, status: 'rejected' }, { index: 2, status: 'unsent' });
    assert.equal(
      failedFileLine(report, '/d/u.failed-20261128T171500Z.putusers.json'),
      '2 users not in: written to /d/u.failed-20261128T171500Z.putusers.json (fix the rejected ones first), ready to send again.',
    );
    assert.equal(
      formatReport(report, { failedFile: 'f.json' }).at(-1),
      '2 users not in: written to f.json (fix the rejected ones first), ready to send again.',
    );
  });

  it('says the file sent is still the one to send when no user got in (no users-not-in file then)', () => {
    const unsent = { ...emptyReport(ARN, 2), unsent: 2 };
    unsent.notIn.push({ index: 0, status: 'unsent' }, { index: 1, status: 'unsent' });
    assert.equal(
      formatReport(unsent, { source: 'f.json' }).at(-1),
      'Nothing was sent, so no users-not-in file was written: f.json is still the one to send.',
    );
    const rejected = { ...unsent, unsent: 0, rejected: 2 };
    rejected.requests = [{ n: 1, first: 0, users: 2, outcome: 'rejected', attempts: 1, ms: 3 }];
    rejected.notIn = [
      { index: 0, status: 'rejected' },
      { index: 1, status: 'rejected' },
    ];
    assert.equal(
      formatReport(rejected, { source: 'f.json' }).at(-1),
      'No user got in, so no users-not-in file was written: f.json is still the one to send (fix the rejected ones first).',
    );
    const partly = { ...unsent, accepted: 1, unsent: 1, notIn: [{ index: 1, status: 'unsent' as const }] };
    assert.equal(usersNotInWorthAFile(partly), true);
    assert.match(
      formatReport(partly, { source: 'f.json' }).at(-1)!,
      /^1 of 2 users in/,
      'a file is due: the caller writes it',
    );
    assert.equal(usersNotInWorthAFile(unsent), false);
  });
});
