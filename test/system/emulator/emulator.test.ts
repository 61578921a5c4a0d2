// The emulator over real HTTP, driven by the real SDK client (its serialiser, signer and error
// deserialiser), so what it answers is checked as the SDK understands it.
import { PersonalizeEventsClient, PutUsersCommand } from '@aws-sdk/client-personalize-events';
import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { User } from '../../../src/core';
import { type Emulator } from '../../../src/emulator';
import { ARN, BUSY_ARN, KEYS, makeUsers, startTestEmulator, UNKNOWN_ARN } from '../../support/emulator-harness';
import { clientFor } from '../../support/sdk-client';

describe('emulator: POST /users', () => {
  let emulator: Emulator;
  let client: PersonalizeEventsClient;
  beforeEach(async () => {
    emulator = await startTestEmulator();
    client = clientFor(emulator);
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const put = (users: User[], datasetArn = ARN, c = client) => c.send(new PutUsersCommand({ datasetArn, users }));
  /** The SDK's exception for a request: name, message, HTTP status, request id. */
  async function failure(promise: Promise<unknown>) {
    try {
      await promise;
    } catch (e) {
      const err = e as Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; $fault?: string };
      return {
        name: err.name,
        message: err.message,
        status: err.$metadata?.httpStatusCode,
        requestId: err.$metadata?.requestId,
        fault: err.$fault,
      };
    }
    assert.fail('the request was accepted');
  }

  it('accepts a valid request: HTTP 200, empty body, a request id; records the users', async () => {
    const users = makeUsers(3);
    const out = await put(users);
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(emulator.accepted, [{ seq: 1, requestId: out.$metadata.requestId, datasetArn: ARN, users }]);
    assert.deepEqual(emulator.acceptedUsers(), users);
    const [received] = emulator.requests;
    assert.equal(received!.status, 200);
    assert.equal(received!.scope?.service, 'personalize');
    assert.equal(received!.scope?.region, 'us-east-1');
    assert.deepEqual(JSON.parse(received!.body), { datasetArn: ARN, users });
  });

  it("answers InvalidInputException (400) in the service's words, as the SDK surfaces it", async () => {
    const long = { userId: 'x'.repeat(257) };
    assert.deepEqual(await failure(put([long])), {
      name: 'InvalidInputException',
      message:
        "1 validation error detected: Value at 'users.1.member.userId' failed to satisfy constraint: Member must have length less than or equal to 256",
      status: 400,
      requestId: emulator.requests[0]!.requestId,
      fault: 'client',
    });
    const eleven = await failure(put(makeUsers(11)));
    assert.equal(
      eleven.message,
      "1 validation error detected: Value at 'users' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    const badArn = await failure(put(makeUsers(1), 'not-an-arn'));
    assert.equal(
      badArn.message,
      "1 validation error detected: Value 'not-an-arn' at 'datasetArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:([a-z\\d-]+):personalize:.*:.*:.+",
    );
    const notJson = await failure(put([{ userId: 'u1', properties: '{"age": 3' }]));
    assert.deepEqual([notJson.name, notJson.message], ['InvalidInputException', 'Error parsing properties json']);
    const array = await failure(put([{ userId: 'u1', properties: '[1, 2]' }]));
    assert.equal(array.message, 'Error parsing properties json');
    assert.deepEqual(
      await failure(put([{ userId: '' }])).then((f) => f.message),
      "1 validation error detected: Value at 'users.1.member.userId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    assert.equal(emulator.accepted.length, 0);
  });

  it('accepts what the service only warns about (a property key that is not camelCase)', async () => {
    await put([{ userId: 'u1', properties: '{"NUMBER_OF_VIDEOS": "4"}' }]);
    assert.equal(emulator.accepted.length, 1);
  });

  it('answers 404 ResourceNotFoundException for an unknown dataset and 409 ResourceInUseException for a busy one', async () => {
    const missing = await failure(put(makeUsers(1), UNKNOWN_ARN));
    assert.deepEqual([missing.name, missing.status], ['ResourceNotFoundException', 404]);
    assert.match(missing.message, /nope\/USERS/);
    const busy = await failure(put(makeUsers(1), BUSY_ARN));
    assert.deepEqual([busy.name, busy.status], ['ResourceInUseException', 409]);
    emulator.setBusy(BUSY_ARN, false);
    await put(makeUsers(1), BUSY_ARN);
    assert.equal(emulator.accepted.length, 1);
  });

  it('with anyDataset, accepts a Users dataset it was not told of (npm start in a folder of your own), and still validates the body', async () => {
    const open = await startTestEmulator({ anyDataset: true });
    const c = clientFor(open);
    try {
      await put(makeUsers(2), UNKNOWN_ARN, c);
      assert.deepEqual(
        open.accepted.map((a) => a.datasetArn),
        [UNKNOWN_ARN],
      );
      const bad = await failure(put([{ userId: '' }], UNKNOWN_ARN, c));
      assert.equal(bad.name, 'InvalidInputException');
      // Only a Users dataset: a dataset group's ARN, or another type's, names none.
      for (const other of [
        UNKNOWN_ARN.replace('/USERS', '/ITEMS'),
        UNKNOWN_ARN.replace(/dataset\/(.*)\/USERS/, 'dataset-group/$1'),
      ]) {
        const notFound = await failure(put(makeUsers(1), other, c));
        assert.deepEqual([notFound.name, notFound.status], ['ResourceNotFoundException', 404], other);
      }
      assert.equal(open.accepted.length, 1);
    } finally {
      c.destroy();
      await open.close();
    }
  });

  it('refuses a wrong secret (403 InvalidSignatureException) and an unknown key (403 UnrecognizedClientException)', async () => {
    const wrongSecret = clientFor(emulator, { ...KEYS, secretAccessKey: 'wrong' });
    const unknownKey = clientFor(emulator, { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' });
    try {
      const bad = await failure(put(makeUsers(1), ARN, wrongSecret));
      assert.deepEqual([bad.name, bad.status], ['InvalidSignatureException', 403]);
      assert.match(bad.message, /^The request signature we calculated does not match the signature you provided/);
      const unknown = await failure(put(makeUsers(1), ARN, unknownKey));
      assert.deepEqual(
        [unknown.name, unknown.status, unknown.message],
        ['UnrecognizedClientException', 403, 'The security token included in the request is invalid.'],
      );
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
    }
    assert.equal(emulator.accepted.length, 0);
  });

  it('refuses a request the SDK signed and something then changed on the way (body, header)', async () => {
    // Capture a request as the SDK signed it, then replay it by hand: as is, then tampered with.
    await put(makeUsers(2));
    const signed = emulator.requests[0]!;
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    );
    const replay = (body: string, extra: Record<string, string> = {}) =>
      new Promise<{ status: number; type: string; message: string; requestId: string }>((resolve, reject) => {
        const req = httpRequest(
          emulator.url + '/users',
          { method: 'POST', headers: { ...headers, ...extra, 'content-length': String(Buffer.byteLength(body)) } },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                type: String(res.headers['x-amzn-errortype'] ?? '').split(':')[0]!,
                message: text ? (JSON.parse(text) as { message: string }).message : '',
                requestId: String(res.headers['x-amzn-requestid']),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    assert.equal((await replay(signed.body)).status, 200, 'the untouched replay passes (within the 5 minutes)');
    const body = await replay(signed.body.replace('u1', 'u9'));
    assert.deepEqual([body.status, body.type], [403, 'InvalidSignatureException']);
    const header = await replay(signed.body, { 'content-type': 'application/x-amz-json-1.1' });
    assert.deepEqual([header.status, header.type], [403, 'InvalidSignatureException']);
    const unsigned = await replay(signed.body, { authorization: '' });
    assert.deepEqual(
      [unsigned.status, unsigned.type, unsigned.message],
      [403, 'MissingAuthenticationTokenException', 'Missing Authentication Token'],
    );
    for (const r of [body, header, unsigned])
      assert.match(r.requestId, /^[0-9a-f-]{36}$/, 'x-amzn-RequestId on every answer');
    assert.equal(emulator.accepted.length, 2, 'the original and its untouched replay only');
  });

  it('injects faults by request number: 500, 503, throttling (400 and 429), a delay, a dropped connection', async () => {
    emulator.setFaults([
      { when: 1, fault: { kind: 'status', status: 500 } },
      { when: 2, fault: { kind: 'status', status: 503 } },
      { when: 3, fault: { kind: 'throttle' } },
      { when: 4, fault: { kind: 'throttle', status: 429 } },
      { when: 5, fault: { kind: 'delay', ms: 150 } },
      { when: 6, fault: { kind: 'drop' } },
    ]);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await failure(put(makeUsers(1))));
    assert.deepEqual(
      seen.map((f) => [f.name, f.status, f.fault]),
      [
        ['InternalFailure', 500, 'server'],
        ['ServiceUnavailableException', 503, 'server'],
        ['ThrottlingException', 400, 'client'],
        ['TooManyRequestsException', 429, 'client'],
      ],
    );
    assert.equal(seen[2]!.message, 'Rate exceeded');
    const t0 = Date.now();
    await put(makeUsers(1));
    assert.ok(Date.now() - t0 >= 140, 'delayed, then answered');
    const dropped = await failure(put(makeUsers(1)));
    assert.match(`${dropped.name} ${dropped.message}`, /socket hang up|ECONNRESET/);
    assert.deepEqual(
      emulator.requests.map((r) => [r.seq, r.status, r.faults.join()]),
      [
        [1, 500, 'status'],
        [2, 503, 'status'],
        [3, 400, 'throttle'],
        [4, 429, 'throttle'],
        [5, 200, 'delay'],
        [6, 0, 'drop'],
      ],
    );
    assert.equal(emulator.accepted.length, 1);
  });

  it('injects faults by predicate, a limited number of times, and rejects a request holding a given user', async () => {
    emulator.setFaults([
      { when: (r) => r.userIds.includes('u7'), fault: { kind: 'status', status: 502 }, times: 1 },
      { fault: { kind: 'reject-user', userIds: ['u3'], message: 'Invalid value for field memberTier.' } },
    ]);
    const first = await failure(put(makeUsers(10)));
    assert.deepEqual([first.name, first.status], ['InternalFailure', 502], 'u7 is in it: the 502 comes first');
    const second = await failure(put(makeUsers(10)));
    assert.deepEqual(
      [second.name, second.status, second.message],
      ['InvalidInputException', 400, 'Invalid value for field memberTier.'],
      'the 502 is spent; u3 is still rejected',
    );
    await put(makeUsers(3, 4));
    assert.deepEqual(
      emulator.acceptedUsers().map((u) => u.userId),
      ['u4', 'u5', 'u6'],
    );
  });

  it('answers 404 UnknownOperationException elsewhere than POST /users', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(emulator.url + '/events', { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(status, 404);
    assert.equal(emulator.requests.length, 0);
  });
});
