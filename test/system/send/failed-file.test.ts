import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readRequest } from '../../../src/core';
import { failedFileName, folderInputs, notInRequest, writeFailedFile } from '../../../src/send/failed-file';
import { ARN } from '../../support/values';

const AT = new Date('2026-11-28T17:15:00.123Z');

describe('send: the failed-users file', () => {
  it('is named beside the original, with the UTC time, as a *.putusers.* file', () => {
    assert.equal(failedFileName('/data/users.putusers.json', AT), '/data/users.failed-20261128T171500Z.putusers.json');
    assert.equal(failedFileName('/data/users.putusers.yaml', AT), '/data/users.failed-20261128T171500Z.putusers.yaml');
    assert.equal(failedFileName('users.json', AT), 'users.failed-20261128T171500Z.putusers.json');
    assert.equal(failedFileName('dir/users.yml', AT), path.join('dir', 'users.failed-20261128T171500Z.putusers.yml'));
    assert.equal(failedFileName('dir/users', AT), path.join('dir', 'users.failed-20261128T171500Z.putusers.json'));
    assert.equal(
      failedFileName('/d/users.failed-20261101T000000Z.putusers.json', AT),
      '/d/users.failed-20261128T171500Z.putusers.json',
      'a resend does not stack names',
    );
    assert.equal(failedFileName('/d/users.putusers.json', AT, 3), '/d/users.failed-20261128T171500Z-3.putusers.json');
  });

  it("holds the users not in, in file order, in the original's format; never overwrites", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'putusers-failed-'));
    const request = {
      datasetArn: ARN,
      users: [{ userId: 'a', properties: '{"x": "1"}' }, { userId: 'b' }, { userId: 'c' }, { userId: 'd' }],
    };
    const report = {
      accepted: 2,
      notIn: [
        { index: 1, status: 'rejected' as const },
        { index: 3, status: 'unsent' as const },
      ],
    };
    assert.deepEqual(notInRequest(request, report), { datasetArn: ARN, users: [{ userId: 'b' }, { userId: 'd' }] });
    assert.equal(notInRequest(request, { notIn: [] }), undefined);
    for (const ext of ['json', 'yaml']) {
      const original = path.join(dir, `users.putusers.${ext}`);
      const first = writeFailedFile(original, request, report, AT)!;
      const second = writeFailedFile(original, request, report, AT)!;
      assert.equal(path.basename(first), `users.failed-20261128T171500Z.putusers.${ext}`);
      assert.equal(path.basename(second), `users.failed-20261128T171500Z-2.putusers.${ext}`);
      const back = readRequest(readFileSync(first, 'utf8'), ext as 'json' | 'yaml');
      assert.deepEqual(back.findings, [], 'a valid input file');
      assert.deepEqual(back.request, { datasetArn: ARN, users: [{ userId: 'b' }, { userId: 'd' }] });
    }
    assert.equal(
      writeFailedFile(path.join(dir, 'x.json'), request, { accepted: 4, notIn: [] }, AT),
      undefined,
      'nothing to write',
    );
    const noneIn = { accepted: 0, notIn: [0, 1, 2, 3].map((index) => ({ index, status: 'unsent' as const })) };
    assert.equal(
      writeFailedFile(path.join(dir, 'x.json'), request, noneIn, AT),
      undefined,
      'none got in: the original is still the one to send',
    );
    assert.equal(readdirSync(dir).length, 4);
  });

  it('is left out of a folder send, which takes the input files in name order', () => {
    assert.deepEqual(
      folderInputs([
        'b.putusers.yaml',
        'a.failed-20261128T171500Z.putusers.json',
        'notes.json',
        'a.putusers.json',
        'a.failed-20261128T171500Z-2.putusers.YML',
        'failed-20261128T171500Z.putusers.json',
        'A.putusers.yml',
      ]),
      {
        inputs: ['A.putusers.yml', 'a.putusers.json', 'b.putusers.yaml', 'failed-20261128T171500Z.putusers.json'],
        skipped: ['a.failed-20261128T171500Z-2.putusers.YML', 'a.failed-20261128T171500Z.putusers.json'],
      },
    );
  });
});
