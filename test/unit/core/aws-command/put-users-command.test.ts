// readPutUsersCommand's own rules beyond the recorded corpus: locations, files, shells.
import * as assert from 'node:assert/strict';
import { readPutUsersCommand } from '../../../../src/core';

const ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/g/USERS';
const files: Record<string, string> = {
  'in.json': `{"datasetArn": "${ARN}", "users": [{"userId": "f"}]}`,
  'crlf.txt': `${ARN}\r\n`,
};
const readFile = (p: string) => {
  if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return new TextEncoder().encode(files[p]);
};
const read = (text: string, shell?: 'bash' | 'powershell' | 'cmd') =>
  readPutUsersCommand(text, { readFile, ...(shell ? { shell } : {}) });

describe('readPutUsersCommand', () => {
  it('an explicit --users replaces the input file users; its datasetArn stays', () => {
    const r = read(`aws personalize-events put-users --cli-input-json file://in.json --users userId=x`);
    assert.deepEqual(r.request, { datasetArn: ARN, users: [{ userId: 'x' }] });
  });
  it('reads file:// in text mode: CRLF becomes LF, the newline stays', () => {
    const r = read(`aws personalize-events put-users --dataset-arn file://crlf.txt --users userId=x`);
    assert.equal(r.request?.datasetArn, `${ARN}\n`);
  });
  it('locates a shorthand error at its character in the command line', () => {
    const text = `aws personalize-events put-users --dataset-arn a --users 'userId=a,userId=b'`;
    const r = read(text);
    assert.equal(text.slice(r.problem!.start, r.problem!.end), 'userId');
    assert.equal(r.problem!.start, text.lastIndexOf('userId'));
  });
  it('locates a validation error at the value', () => {
    const text = `aws personalize-events put-users --dataset-arn a --users userId=u,properties=x,y`;
    const r = read(text);
    assert.equal(text.slice(r.problem!.start, r.problem!.end), 'x,y');
    assert.match(
      r.problem!.awsCli!,
      /^Parameter validation failed:\nInvalid type for parameter users\[0\]\.properties/,
    );
  });
  it('skips variables set for the command and refuses what is not put-users', () => {
    assert.ok(read(`AWS_PROFILE=p aws personalize-events put-users --dataset-arn a --users userId=u`).request);
    assert.match(
      read(`aws personalize-events put-events --x y`).problem!.message,
      /not an `aws personalize-events put-users`/,
    );
    assert.match(
      read(`aws personalize-events put-users --cli-input-json file://in.json --generate-cli-skeleton`).problem!.message,
      /sends no request/,
    );
  });
  it('refuses ~ and $VAR in file:// paths, which Python would expand', () => {
    assert.match(
      read(`aws personalize-events put-users --cli-input-json 'file://$HOME/in.json'`).problem!.message,
      /expands/,
    );
  });
  it('reads PowerShell and cmd.exe command lines', () => {
    const ps = read(
      `aws personalize-events put-users --dataset-arn a \`\n --users 'userId="it''s"' "userId=b"`,
      'powershell',
    );
    assert.deepEqual(ps.request?.users, [{ userId: "it's" }, { userId: 'b' }]);
    const cmd = read(`aws personalize-events put-users --dataset-arn a ^\n --users "userId=""q"""`, 'cmd');
    assert.deepEqual(cmd.request?.users, [{ userId: 'q' }]);
  });
});
