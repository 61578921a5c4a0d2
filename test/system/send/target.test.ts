import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { profileNames, readSendTarget, regionFromEnvironment } from '../../../src/send/target';
import { withAwsEnv } from '../../support/emulator-harness';

describe('send: where requests go (target.ts, without the SDK)', () => {
  const CONFIG =
    '[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-1\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n[services local]\nx = 1\n[profile noregion]\noutput = json\n';
  const CREDENTIALS =
    '[default]\naws_access_key_id = A\naws_secret_access_key = B\n[ci]\naws_access_key_id = C\naws_secret_access_key = D\n';
  const withFiles = <T>(vars: Record<string, string>, fn: () => Promise<T>) =>
    withAwsEnv(vars, async (dir) => {
      writeFileSync(`${dir}/config`, CONFIG);
      writeFileSync(`${dir}/credentials`, CREDENTIALS);
      return fn();
    });

  it('lists the profiles of both shared files, default first, without sso-session and services sections', async () => {
    const target = await withFiles({}, () => readSendTarget({}));
    assert.deepEqual(target.profiles, ['default', 'ci', 'dev', 'noregion']);
    assert.deepEqual(profileNames(undefined), []);
  });

  it('profile: the setting, else AWS_PROFILE, else default', async () => {
    assert.deepEqual(
      await withFiles({ AWS_PROFILE: 'ci' }, async () => {
        const t = await readSendTarget({ profile: 'dev' });
        return [t.profile, t.profileFrom];
      }),
      ['dev', 'setting'],
    );
    assert.deepEqual(
      await withFiles({ AWS_PROFILE: 'ci' }, async () => {
        const t = await readSendTarget({});
        return [t.profile, t.profileFrom];
      }),
      ['ci', 'AWS_PROFILE'],
    );
    assert.deepEqual(
      await withFiles({}, async () => {
        const t = await readSendTarget({});
        return [t.profile, t.profileFrom];
      }),
      ['default', 'default'],
    );
  });

  it('region as the AWS CLI finds it: setting, AWS_REGION, AWS_DEFAULT_REGION, then the profile', async () => {
    const region = (settings: { profile?: string; region?: string }, env: Record<string, string>) =>
      withFiles(env, async () => {
        const t = await readSendTarget(settings);
        return [t.region, t.regionFrom];
      });
    assert.deepEqual(await region({ region: 'ap-south-1' }, { AWS_REGION: 'us-west-2' }), ['ap-south-1', 'setting']);
    assert.deepEqual(await region({}, { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-north-1' }), [
      'us-west-2',
      'AWS_REGION',
    ]);
    assert.deepEqual(await region({}, { AWS_DEFAULT_REGION: 'eu-north-1' }), ['eu-north-1', 'AWS_DEFAULT_REGION']);
    assert.deepEqual(await region({ profile: 'dev' }, {}), ['us-east-1', 'profile']);
    assert.deepEqual(await region({}, {}), ['eu-west-1', 'profile'], "the default profile's region");
    assert.deepEqual(await region({ profile: 'noregion' }, {}), [undefined, undefined]);
    assert.equal(regionFromEnvironment({}), undefined);
  });

  it('says where the credentials come from, reading no secret: environment keys only when no profile is named', async () => {
    const config =
      '[profile sso]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = ci\n[profile proc]\ncredential_process = /bin/creds\n[profile web]\nweb_identity_token_file = /t\n[profile inconfig]\naws_access_key_id = X\naws_secret_access_key = Y\n[profile empty]\nregion = us-east-1\n';
    const credentials = '[ci]\naws_access_key_id = C\naws_secret_access_key = D\n';
    const source = (profile: string | undefined, vars: Record<string, string> = {}) =>
      withAwsEnv(vars, async (dir) => {
        writeFileSync(`${dir}/config`, config);
        writeFileSync(`${dir}/credentials`, credentials);
        return (await readSendTarget(profile ? { profile } : {})).credentials;
      });
    const keys = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secret' };
    assert.deepEqual(await source(undefined, keys), { kind: 'environment' });
    assert.deepEqual(
      await source('ci', keys),
      { kind: 'keys', file: 'credentials' },
      'a named profile skips the environment',
    );
    assert.deepEqual(await source(undefined, { ...keys, AWS_PROFILE: 'sso' }), { kind: 'sso' });
    assert.deepEqual(await source('role'), { kind: 'role', via: 'ci' });
    assert.deepEqual(await source('proc'), { kind: 'process' });
    assert.deepEqual(await source('web'), { kind: 'web-identity' });
    assert.deepEqual(await source('inconfig'), { kind: 'keys', file: 'config' });
    assert.deepEqual(await source('empty'), { kind: 'none' });
    assert.deepEqual(await source(undefined), { kind: 'none' }, 'no default profile, no keys');
  });

  it('says when the chosen profile is in neither file', async () => {
    assert.equal(await withFiles({}, async () => (await readSendTarget({ profile: 'ghost' })).profileMissing), true);
    assert.equal(
      await withFiles({ AWS_PROFILE: 'ghost' }, async () => (await readSendTarget({})).profileMissing),
      true,
    );
    assert.equal(await withFiles({}, async () => (await readSendTarget({ profile: 'ci' })).profileMissing), false);
    // "default" may stand for environment credentials: not missing even when no file has it.
    assert.equal(await withAwsEnv({}, async () => (await readSendTarget({})).profileMissing), false);
  });
});
