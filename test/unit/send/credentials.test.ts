import * as assert from 'node:assert/strict';
import { explainMissingCredentials, profileName } from '../../../src/send/credentials';

const files = (
  configFile: Record<string, Record<string, string>>,
  credentialsFile: Record<string, Record<string, string>> = {},
) => ({ configFile, credentialsFile });

describe('send: why no credentials', () => {
  it('picks the profile as the SDK does', () => {
    assert.equal(profileName('p', { AWS_PROFILE: 'q' }), 'p');
    assert.equal(profileName(undefined, { AWS_PROFILE: 'q' }), 'q');
    assert.equal(profileName(undefined, {}), 'default');
  });

  it('explains from the shared files', () => {
    assert.match(
      explainMissingCredentials(files({}), 'dev', {})!,
      /The profile "dev" is in neither ~\/.aws\/config nor ~\/.aws\/credentials/,
    );
    assert.match(explainMissingCredentials(files({}), undefined, {})!, /no \[default\] profile/);
    assert.match(
      explainMissingCredentials(files({ p: { credential_process: '/bin/false' } }), 'p', {})!,
      /credential_process of profile "p" failed/,
    );
    assert.match(
      explainMissingCredentials(files({ p: { sso_session: 'x' } }), undefined, { AWS_PROFILE: 'p' })!,
      /aws sso login --profile p/,
    );
    assert.match(
      explainMissingCredentials(files({ p: { role_arn: 'arn:aws:iam::1:role/r' } }), 'p', {})!,
      /assumes arn:aws:iam::1:role\/r/,
    );
    assert.match(
      explainMissingCredentials(files({ p: { region: 'us-east-1' } }), 'p', {})!,
      /has no aws_access_key_id/,
    );
    assert.equal(
      explainMissingCredentials(files({}, { p: { aws_access_key_id: 'A', aws_secret_access_key: 'S' } }), 'p', {}),
      undefined,
    );
  });
});
