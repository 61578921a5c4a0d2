#!/usr/bin/env node
// `npm run demo:cli`: `putusers send` sends the example files to the project's Personalize Events
// emulator (started here on a free local port, with the demo keys of npm start), as it would to
// AWS, and prints the report. Nothing leaves this machine; your ~/.aws is not read.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEMO_REGION, datasetArnsOf, demoHome, demoKeys } from './demo-workbench.mjs';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../dist/emulator.js');
const files = ['examples/users.putusers.json', 'examples/users.putusers.yaml'];

const emulator = await startEmulator({
  credentials: [demoKeys()],
  datasets: datasetArnsOf(files).map((arn) => ({ arn })),
});
const home = mkdtempSync(path.join(tmpdir(), 'putusers-demo-'));
// The SDK's notice about Node 20 is not news for a demo.
const env = { ...process.env, ...demoHome(home), NODE_NO_WARNINGS: '1' };
try {
  for (const file of files) {
    console.log(`$ putusers send ${file} --region ${DEMO_REGION} --endpoint-url ${emulator.url}`);
    // Not execFileSync: the emulator answers from this process's event loop.
    const code = await new Promise((resolve) =>
      spawn(process.execPath, ['dist/cli.js', 'send', file, '--region', DEMO_REGION, '--endpoint-url', emulator.url], {
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
  rmSync(home, { recursive: true, force: true });
}
