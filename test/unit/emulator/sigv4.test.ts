// The emulator's SigV4 check on requests signed by @smithy/signature-v4 (as the SDK signs),
// then tampered with: any change to a signed part must fail, as on AWS.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import * as assert from 'node:assert/strict';
import { amz, checkSignature, type ReceivedForSigning } from '../../../src/emulator/sigv4';

const KEYS = { accessKeyId: 'AKIDSIGV4TEST', secretAccessKey: 'sigv4-test-secret' };
const BODY = '{"datasetArn": "arn:aws:personalize:us-east-1:1:dataset/d/USERS", "users": [{"userId": "u1"}]}';
const NOW = Date.UTC(2026, 10, 28, 17, 35, 3);

async function signed(
  options: { region?: string; service?: string; secret?: string; at?: number; body?: string } = {},
): Promise<ReceivedForSigning> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: KEYS.accessKeyId, secretAccessKey: options.secret ?? KEYS.secretAccessKey },
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'personalize',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false, // as the AWS CLI signs: no x-amz-content-sha256 (the SDK sends and signs one)
  });
  const request = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4000,
      path: '/users',
      headers: { host: '127.0.0.1:4000', 'content-type': 'application/json' },
      body: options.body ?? BODY,
    }),
    { signingDate: new Date(options.at ?? NOW) },
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  return { method: 'POST', url: '/users', headers, body: Buffer.from(BODY) };
}

const rules = { credentials: [KEYS], service: 'personalize', now: NOW };

describe('emulator: SigV4 check', () => {
  it('accepts a request signed with a known key, and reports its scope', async () => {
    const check = await checkSignature(await signed(), rules);
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.deepEqual(check.scope && { ...check.scope, signedHeaders: [...check.scope.signedHeaders].sort() }, {
      accessKeyId: KEYS.accessKeyId,
      date: '20261128',
      region: 'us-east-1',
      service: 'personalize',
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
    });
  });

  it('refuses a tampered body, header, path, method or secret with InvalidSignatureException', async () => {
    const good = await signed();
    const variants: [string, ReceivedForSigning][] = [
      ['body', { ...good, body: Buffer.from(BODY.replace('u1', 'u2')) }],
      ['signed header', { ...good, headers: { ...good.headers, 'content-type': 'text/plain' } }],
      ['host', { ...good, headers: { ...good.headers, host: '127.0.0.1:4001' } }],
      ['path', { ...good, url: '/users/' }],
      ['query', { ...good, url: '/users?x=1' }],
      ['method', { ...good, method: 'PUT' }],
      ['secret', await signed({ secret: 'another-secret' })],
      [
        'signature',
        {
          ...good,
          headers: {
            ...good.headers,
            authorization: String(good.headers['authorization']).replace(/.$/, (c) => (c === '0' ? '1' : '0')),
          },
        },
      ],
    ];
    for (const [what, request] of variants) {
      const check = await checkSignature(request, rules);
      assert.equal(check.ok, false, `${what} was tampered with`);
      assert.equal(!check.ok && check.code, 'InvalidSignatureException', what);
      assert.match(
        !check.ok ? check.message : '',
        /^The request signature we calculated does not match the signature you provided/,
        what,
      );
    }
  });

  it('ignores an unsigned header (as AWS does)', async () => {
    const good = await signed();
    assert.equal(
      (await checkSignature({ ...good, headers: { ...good.headers, 'user-agent': 'something else' } }, rules)).ok,
      true,
    );
  });

  it('answers as AWS does: no Authorization, an unknown key, a wrong service or region, a stale or future time', async () => {
    const good = await signed();
    const code = async (request: ReceivedForSigning, extra: Partial<typeof rules> & { region?: string } = {}) => {
      const check = await checkSignature(request, { ...rules, ...extra });
      return check.ok ? 'ok' : `${check.code}: ${check.message}`;
    };
    const { authorization: _, ...unsigned } = good.headers;
    assert.equal(
      await code({ ...good, headers: unsigned }),
      'MissingAuthenticationTokenException: Missing Authentication Token',
    );
    assert.match(
      await code(good, { credentials: [{ accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' }] }),
      /^UnrecognizedClientException: The security token included in the request is invalid\.$/,
    );
    assert.match(
      await code(await signed({ service: 'personalize-events' })),
      /^InvalidSignatureException: Credential should be scoped to correct service: 'personalize'/,
    );
    assert.match(
      await code(await signed({ region: 'eu-west-1' }), { region: 'us-east-1' }),
      /^InvalidSignatureException: Credential should be scoped to a valid region, not 'eu-west-1'/,
    );
    assert.equal(
      await code(await signed({ region: 'eu-west-1' })),
      'ok',
      'any region when the emulator is not told one',
    );
    assert.match(
      await code(good, { now: NOW + 6 * 60_000 }),
      /^InvalidSignatureException: Signature expired: 20261128T173503Z is now earlier than 20261128T173603Z \(20261128T174103Z - 5 min\.\)$/,
    );
    assert.match(
      await code(good, { now: NOW - 6 * 60_000 }),
      /^InvalidSignatureException: Signature not yet current: 20261128T173503Z is still later than/,
    );
    assert.equal(await code(good, { now: NOW + 4 * 60_000 }), 'ok', 'within the 5 minutes of skew');
    assert.match(
      await code({
        ...good,
        headers: {
          ...good.headers,
          authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSIGV4TEST/20261128/us-east-1/personalize/aws4_request',
        },
      }),
      /^IncompleteSignatureException: Authorization header requires 'SignedHeaders' parameter\. Authorization header requires 'Signature' parameter\.$/,
    );
    assert.match(
      await code({ ...good, headers: { ...good.headers, 'x-amz-date': '20261127T173503Z' } }),
      /^InvalidSignatureException: Date in Credential scope does not match/,
    );
  });

  it('checks a declared x-amz-content-sha256 against the body', async () => {
    const good = await signed();
    const check = await checkSignature(
      {
        ...good,
        headers: {
          ...good.headers,
          'x-amz-content-sha256': '0'.repeat(64),
          authorization: String(good.headers['authorization']).replace(
            'SignedHeaders=',
            'SignedHeaders=x-amz-content-sha256;',
          ),
        },
      },
      rules,
    );
    assert.equal(
      !check.ok && check.message,
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  });

  it('formats times as x-amz-date does', () => {
    assert.equal(amz(NOW), '20261128T173503Z');
  });
});
