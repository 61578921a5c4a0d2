#!/usr/bin/env node
// The sending half of `npm start`: `putusers send` sends the example files to the project's
// Personalize Events emulator (started here on a free local port, with demo keys), as it would
// to AWS, and prints the report. Nothing leaves this machine; your ~/.aws is not read.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../dist/emulator.js');
const files = ['examples/users.putusers.json', 'examples/users.putusers.yaml'];
const keys = { accessKeyId: 'AKIDPUTUSERSDEMO0001', secretAccessKey: 'demo-secret-key-not-a-real-one' };
const datasets = [...new Set(files.map(readArn))].map((arn) => ({ arn }));

function readArn(file) {
  const match = /datasetArn["']?\s*:\s*["']?([^"'\s,]+)/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no datasetArn`);
  return match[1];
}

const emulator = await startEmulator({ credentials: [keys], datasets });
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
Object.assign(env, {
  AWS_ACCESS_KEY_ID: keys.accessKeyId,
  AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  AWS_CONFIG_FILE: path.join(tmpdir(), 'putusers-demo-no-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(tmpdir(), 'putusers-demo-no-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  NODE_NO_WARNINGS: '1', // the SDK's notice about Node 20 is not news for a demo
});
try {
  for (const file of files) {
    console.log(`$ putusers send ${file} --region us-east-1 --endpoint-url ${emulator.url}`);
    // Not execFileSync: the emulator answers from this process's event loop.
    const code = await new Promise((resolve) =>
      spawn(process.execPath, ['dist/cli.js', 'send', file, '--region', 'us-east-1', '--endpoint-url', emulator.url], {
        env,
        stdio: 'inherit',
      }).on('exit', resolve),
    );
    if (code !== 0) process.exitCode = 1;
  }
  console.log(
    `The emulator accepted ${emulator.acceptedUsers().length} users in ${emulator.accepted.length} requests.`,
  );
} finally {
  await emulator.close();
}
