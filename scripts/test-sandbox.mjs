#!/usr/bin/env node
// Where the integration tests run, whatever launches them (scripts/vscode-server/run-tests.mjs,
// scripts/run-electron-tests.mjs, F5's "Extension Tests"): a copy of the fixture workspace (the
// tests write files into it) and AWS shared files of their own that the tests fill in, so a
// developer's ~/.aws and AWS_* variables never take part and are never written.
//
// As a program (the F5 pre-launch task): node scripts/test-sandbox.mjs DIR [FIXTURE_WORKSPACE]
// makes DIR anew (default fixture: test/fixtures/workspace).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Variables of this machine that would change what the tests see; the sandbox unsets them. */
const MACHINE_AWS_VARIABLES = [
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
];

/**
 * Prepares `root` (made if missing): root/workspace (a copy of `fixtureWorkspace`), root/aws/config and
 * root/aws/credentials (empty). Returns the workspace's path and the environment for the extension
 * host: every AWS_* variable of this process undefined (unset), the shared files pointed at the sandbox.
 */
export function prepareSandbox(root, fixtureWorkspace) {
  const workspace = path.join(root, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  const aws = path.join(root, 'aws');
  fs.mkdirSync(aws, { recursive: true });
  const env = Object.fromEntries(
    [...MACHINE_AWS_VARIABLES, ...Object.keys(process.env).filter((k) => k.startsWith('AWS_'))].map((k) => [
      k,
      undefined,
    ]),
  );
  Object.assign(env, {
    AWS_CONFIG_FILE: path.join(aws, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  fs.writeFileSync(env.AWS_CONFIG_FILE, '');
  fs.writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, '');
  return { workspace, env };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, fixture = 'test/fixtures/workspace'] = process.argv.slice(2);
  if (!dir) {
    console.error('Usage: node scripts/test-sandbox.mjs DIR [FIXTURE_WORKSPACE]');
    process.exit(2);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const { workspace } = prepareSandbox(path.resolve(dir), path.resolve(fixture));
  console.log(`test sandbox ready: ${workspace}`);
}
