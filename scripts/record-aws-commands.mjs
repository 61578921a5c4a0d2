// Records what the real AWS CLI v2 sends for every command line of test/fixtures/aws-commands.
//   npm run build && node scripts/record-aws-commands.mjs          record all NAME.sh
//   node scripts/record-aws-commands.mjs NAME...                    record only these
//   node scripts/record-aws-commands.mjs --check                    compare, write nothing (exit 1 on drift)
// Each NAME.sh is run by bash in the fixture folder, with `aws` the real CLI (/usr/bin/aws) pointed
// by a trailing --endpoint-url at the project's emulator, which records every request body (even
// one it rejects). NAME.sh.aws.json gets {exitCode, body, stderr}: body is the JSON text the CLI
// sent, or null when it sent nothing.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const supportJs = join(root, 'out/test/support/aws-commands.js');
if (!existsSync(supportJs)) {
  console.error(`record-aws-commands: ${supportJs} is missing; run npm run build first.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { AWS_COMMANDS_DIR, listCommandFixtures, recordCommands, serializeCommandRecording } = require(supportJs);
const { awsCliPath, awsCliVersion } = require(join(root, 'out/test/support/aws-cli.js'));

const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((a) => !a.startsWith('--'));
if (!awsCliPath()) {
  console.error('record-aws-commands: the AWS CLI v2 is not at /usr/bin/aws.');
  process.exit(2);
}
console.log(`record-aws-commands: ${awsCliVersion()}`);
const all = listCommandFixtures();
const wanted = names.length ? all.filter((f) => names.some((n) => f.endsWith(`/${n}`) || f.endsWith(`/${n}.sh`))) : all;
const started = Date.now();
let changed = 0;
const recordings = await recordCommands(wanted);
for (const [i, fixture] of wanted.entries()) {
  const text = serializeCommandRecording(recordings[i]);
  const out = `${fixture}.aws.json`;
  if ((existsSync(out) ? readFileSync(out, 'utf8') : undefined) === text) continue;
  changed++;
  if (check) console.log(`DRIFT ${fixture.slice(AWS_COMMANDS_DIR.length + 1)}: exit ${recordings[i].exitCode}`);
  else writeFileSync(out, text);
}
const sent = recordings.filter((r) => r.body !== null).length;
console.log(
  `record-aws-commands: ${wanted.length} commands (${sent} sent a request) in ${((Date.now() - started) / 1000).toFixed(1)}s; ` +
    `${changed} ${check ? 'differ from the recordings' : 'recordings written'}.`,
);
if (check && changed > 0) process.exit(1);
