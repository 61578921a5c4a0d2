// `putusers to-cli`: its interface (a contract: see issue 13) and its refusals. What the commands
// send is checked against the real AWS CLI in test/system/aws-command.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../support/cli';
import { ARN } from '../../support/values';

describe('putusers to-cli', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'putusers-to-cli-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const json = file(
    'in.putusers.json',
    JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u 1', properties: '{"a": "1"}' }] }),
  );
  const yaml = file('in.yaml', `datasetArn: ${ARN}\nusers:\n- userId: u1\n`);
  const bad = file('bad.json', `{\n  "datasetArn": "${ARN}",\n  "users": [{"userId": 42}]\n}\n`);
  const dollar = file('$HOME.json', JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1' }] }));

  it('prints the file form for bash by default, --cli-input-yaml for YAML', async () => {
    assert.deepEqual(await runCli('to-cli', json), {
      code: 0,
      stdout: `aws personalize-events put-users --cli-input-json file://${json}\n`,
      stderr: '',
    });
    const r = await runCli('to-cli', yaml, '--shell', 'cmd');
    assert.equal(r.stdout, `aws personalize-events put-users --cli-input-yaml file://${yaml}\n`);
  });

  it('prints the inline form with shorthand, quoted for each shell', async () => {
    const bash = await runCli('to-cli', json, '--inline');
    assert.equal(
      bash.stdout,
      `aws personalize-events put-users --dataset-arn ${ARN} --users 'userId=u 1,properties="{\\"a\\": \\"1\\"}"'\n`,
    );
    const ps = await runCli('to-cli', json, '--inline', '--shell', 'powershell');
    assert.equal(
      ps.stdout,
      `& { $PSNativeCommandArgumentPassing = 'Legacy'; aws personalize-events put-users --dataset-arn ${ARN} --users '"userId=u 1,properties=''{\\"a\\": \\"1\\"}''"' }\n`,
    );
    const cmd = await runCli('to-cli', json, '--inline', '--shell', 'cmd');
    assert.equal(
      cmd.stdout,
      `aws personalize-events put-users --dataset-arn ${ARN} --users ^"userId=u 1,properties='{\\^"a\\^": \\^"1\\^"}'^"\n`,
    );
  });

  it('a file with errors: its findings on stderr as validate words them, no command, exit 1', async () => {
    const r = await runCli('to-cli', bad, '--inline');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `${bad}:3:24: error: users[0].userId must be a string, not the number 42 (quote it). [cli/invalid-type]\n`,
    );
  });

  it('a path the AWS CLI would expand: exit 1 with the reason; --inline still works', async () => {
    const r = await runCli('to-cli', dollar);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /expand the variable references/);
    assert.equal((await runCli('to-cli', dollar, '--inline')).code, 0);
  });

  it('usage errors exit 2: no FILE, two FILEs, an unknown shell or option; an unreadable FILE too', async () => {
    for (const args of [[], [json, yaml], [json, '--shell', 'fish'], [json, '--zsh'], [json, '--inline=yes']]) {
      const r = await runCli('to-cli', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.equal((await runCli('to-cli', path.join(dir, 'missing.json'))).code, 2);
  });
});
