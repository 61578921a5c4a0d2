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

/**
 * The AWS environment of a process we start (an extension host, the demo's VS Code): shared config
 * and credentials files of its own in `awsDir`, written with `config` and `credentials`; every
 * AWS_* variable of this machine unset (undefined: spawn drops it); no instance metadata look-ups.
 */
export function isolatedAwsEnv(awsDir, { config = '', credentials = '' } = {}) {
  fs.mkdirSync(awsDir, { recursive: true });
  const env = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('AWS_'))
      .map((k) => [k, undefined]),
  );
  Object.assign(env, {
    AWS_CONFIG_FILE: path.join(awsDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  fs.writeFileSync(env.AWS_CONFIG_FILE, config);
  fs.writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, credentials);
  return env;
}

/**
 * Prepares `root` (made if missing): root/workspace (a copy of `fixtureWorkspace`) and empty
 * shared files in root/aws that the tests fill in. Returns the workspace's path and the
 * extension host's AWS environment (isolatedAwsEnv).
 */
export function prepareSandbox(root, fixtureWorkspace) {
  const workspace = path.join(root, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  return { workspace, env: isolatedAwsEnv(path.join(root, 'aws')) };
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
