// Error mapping on errors shaped as the SDK throws them (their names, messages and $metadata
// were observed with the real SDK against the emulator; engine.test.ts checks them end to end).
import * as assert from 'node:assert/strict';
import { regionOfArn } from '../../../src/core';
import { cliRemedyWords } from '../../../src/cli/wording';
import { extensionRemedyWords } from '../../../src/extension/send/wording';
import { describeError, failureText } from '../../../src/send/errors';
import { ARN } from '../../support/values';

const context = {
  datasetArn: ARN,
  region: 'eu-west-1',
  endpoint: 'https://personalize-events.eu-west-1.amazonaws.com',
  profile: 'dev',
};
const sdkError = (name: string, message: string, status?: number, extra: object = {}) =>
  Object.assign(new Error(message), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status, requestId: 'rid-1', attempts: 1 } } : {}),
    ...extra,
  });

describe('send: error messages', () => {
  it('reads the region of a dataset ARN', () => {
    assert.equal(regionOfArn(ARN), 'us-east-1');
    assert.equal(regionOfArn('arn:aws-cn:personalize:cn-north-1:1:dataset/x/USERS'), 'cn-north-1');
    assert.equal(regionOfArn('not an arn'), undefined);
  });

  it('says what to do for each kind of failure', () => {
    const cases: [unknown, string, boolean, RegExp][] = [
      [
        sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
        'no-credentials',
        true,
        /^No AWS credentials found \(.*\)\. Choose a profile that has credentials, or set AWS_ACCESS_KEY_ID/,
      ],
      [
        sdkError(
          'CredentialsProviderError',
          'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
        ),
        'sso-expired',
        true,
        /run `aws sso login --profile dev`/,
      ],
      [
        sdkError('Error', 'Region is missing'),
        'no-region',
        true,
        /^No region \(the dataset ARN names us-east-1\): set AWS_REGION, or add a region to profile "dev" in ~\/\.aws\/config\.$/,
      ],
      [
        sdkError('ResourceNotFoundException', 'Could not find resource', 404),
        'not-found',
        true,
        /The ARN names region us-east-1 but the requests went to eu-west-1\.$/,
      ],
      [
        sdkError('ResourceInUseException', 'in use', 409),
        'in-use',
        true,
        /wait until its import or update has finished/,
      ],
      [
        sdkError('InvalidInputException', 'Error parsing properties json', 400),
        'invalid-input',
        false,
        /^The service rejected the input: Error parsing properties json$/,
      ],
      [
        sdkError('ThrottlingException', 'Rate exceeded', 400),
        'throttled',
        false,
        /none of this send's requests got through for a while, though it slowed down/,
      ],
      [sdkError('TooManyRequestsException', 'Too Many Requests', 429), 'throttled', false, /Throttled/],
      [
        sdkError('InvalidSignatureException', 'The request signature we calculated does not match', 403),
        'credentials-refused',
        true,
        /refused the credentials.*profile "dev"/,
      ],
      [
        sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
        'credentials-refused',
        true,
        /access key and secret/,
      ],
      [
        sdkError('ExpiredTokenException', 'The security token included in the request is expired', 403),
        'credentials-refused',
        true,
        /expired/,
      ],
      [
        sdkError('Error', 'connect ECONNREFUSED 127.0.0.1:1', undefined, { code: 'ECONNREFUSED' }),
        'unreachable',
        true,
        /^Cannot reach https:\/\/personalize-events\.eu-west-1\.amazonaws\.com/,
      ],
      [
        sdkError('Error', 'getaddrinfo ENOTFOUND nowhere.invalid', undefined, { code: 'ENOTFOUND' }),
        'unreachable',
        true,
        /Check the endpoint URL, the network and any proxy/,
      ],
      [
        sdkError('Error', 'socket hang up', undefined, { code: 'ECONNRESET' }),
        'connection',
        false,
        /broke even after the retries/,
      ],
      [
        sdkError('InternalFailure', 'We encountered an internal error.', 500),
        'server',
        false,
        /HTTP 500.*send the users not in again later/,
      ],
      [sdkError('Weird', 'something'), 'other', false, /^Weird: something$/],
    ];
    for (const [error, kind, fatal, message] of cases) {
      const failure = describeError(error, context);
      assert.equal(failure.kind, kind, String(error));
      assert.equal(failure.fatal, fatal, String(error));
      assert.match(failure.message, message, String(error));
    }
  });

  it("keeps the service's message, HTTP status and request id", () => {
    const failure = describeError(sdkError('InvalidInputException', 'Error parsing properties json', 400), context);
    assert.deepEqual(
      [failure.serviceMessage, failure.httpStatus, failure.requestId, failure.code],
      ['Error parsing properties json', 400, 'rid-1', 'InvalidInputException'],
    );
    assert.equal(
      describeError(sdkError('Error', 'Region is missing'), context).serviceMessage,
      undefined,
      'not the service: no service message',
    );
  });

  it("suggests checking the ARN when the region is the ARN's own", () => {
    const failure = describeError(sdkError('ResourceNotFoundException', 'nope', 404), {
      ...context,
      region: 'us-east-1',
    });
    assert.match(failure.message, /Check the dataset ARN \(it must be a Users dataset that exists\) and the region/);
  });

  it('points at a custom endpoint, not at the region, when it holds no such dataset', () => {
    const failure = describeError(sdkError('ResourceNotFoundException', 'nope', 404), {
      ...context,
      endpoint: 'http://127.0.0.1:4566',
    });
    assert.equal(
      failure.message,
      `The service at http://127.0.0.1:4566 found no dataset ${ARN} in eu-west-1 (nope). Requests go to that endpoint, not to AWS's own in us-east-1: check that it holds this dataset.`,
    );
    assert.deepEqual(failure.remedy, { kind: 'check-endpoint' });
    assert.match(
      failureText(failure, extensionRemedyWords),
      / Check putUsers\.endpoint, or clear it to send to AWS\.$/,
    );
    assert.match(failureText(failure, cliRemedyWords), / Check --endpoint-url, or leave it out to send to AWS\.$/);
  });

  it('leaves flags and settings to the front ends: a remedy each words its own way', () => {
    const remedyOf = (error: unknown) => describeError(error, context).remedy;
    const noCredentials = describeError(sdkError('CredentialsProviderError', 'Could not load credentials'), context);
    const noRegion = describeError(sdkError('Error', 'Region is missing'), context);
    const elsewhere = describeError(sdkError('ResourceNotFoundException', 'nope', 404), context);
    assert.deepEqual(noCredentials.remedy, { kind: 'choose-profile' });
    assert.deepEqual(noRegion.remedy, { kind: 'set-region', region: 'us-east-1' });
    assert.deepEqual(elsewhere.remedy, { kind: 'set-region', region: 'us-east-1' });
    const throttled = describeError(sdkError('ThrottlingException', 'Rate exceeded', 400), context);
    assert.deepEqual(throttled.remedy, { kind: 'lower-rate' });
    assert.equal(remedyOf(sdkError('InvalidInputException', 'bad', 400)), undefined);
    assert.match(failureText(throttled, cliRemedyWords), /If --max-rps is above your account's PutUsers quota/);
    assert.match(failureText(throttled, extensionRemedyWords), /If putUsers\.maxRequestsPerSecond is above/);
    for (const f of [noCredentials, noRegion, elsewhere, throttled]) {
      assert.doesNotMatch(f.message, /--profile|--region|putUsers\./, 'the engine names no flag and no setting');
    }
    assert.equal(failureText(elsewhere, cliRemedyWords), `${elsewhere.message} Send with --region us-east-1.`);
    assert.equal(
      failureText(elsewhere, extensionRemedyWords),
      `${elsewhere.message} Set putUsers.region to us-east-1.`,
    );
    assert.equal(
      failureText(noCredentials, cliRemedyWords),
      `${noCredentials.message} Profiles are chosen with --profile or AWS_PROFILE.`,
    );
    assert.match(failureText(noCredentials, extensionRemedyWords), /Choose AWS Profile \(putUsers\.profile\)/);
    const insecure = { message: 'Plain http.', remedy: { kind: 'allow-insecure-endpoint' } as const };
    assert.equal(failureText(insecure, cliRemedyWords), 'Plain http.', 'the command line has no such permission');
    assert.match(failureText(insecure, extensionRemedyWords), /putUsers\.allowInsecureEndpoint/);
    assert.equal(failureText(noRegion), noRegion.message, 'no words given: the message alone');
  });
});
