// Builds test/fixtures/cli-suites/ from two public parser test suites, so that the differential
// test can hold our readers to the AWS CLI's verdicts beyond the files we wrote ourselves:
//   JSONTestSuite (github.com/nst/JSONTestSuite, MIT): test_parsing/*.json
//   the YAML test suite (github.com/yaml/yaml-test-suite, MIT): the `data` branch's */in.yaml
// Each case becomes one input file as it is (the CLI reads it as a whole `--cli-input-json|yaml`
// document), then `node scripts/record-cli.mjs --dir test/fixtures/cli-suites` records the CLI.
// Cases that are not UTF-8 text are left out: the CLI's file reading, not its parser, answers
// those, and the corpus in test/fixtures/cli covers that reading.
//   node scripts/import-parser-suites.mjs JSON_TEST_SUITE_GIT_DIR YAML_TEST_SUITE_GIT_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [jsonSuite, yamlSuite] = process.argv.slice(2);
if (!jsonSuite || !yamlSuite) {
  console.error('usage: node scripts/import-parser-suites.mjs JSON_TEST_SUITE_GIT_DIR YAML_TEST_SUITE_GIT_DIR');
  process.exit(2);
}
const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test/fixtures/cli-suites');
mkdirSync(out, { recursive: true });
for (const n of readdirSync(out)) if (/\.(json|yaml)$/.test(n) && !n.endsWith('.aws.json')) rmSync(join(out, n));

const git = (dir, ...args) => execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 26 });
const utf8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8Text = (bytes) => {
  try {
    utf8.decode(bytes);
    return !(bytes[0] === 0xff || bytes[0] === 0xfe); // UTF-16 and UTF-32 byte-order marks
  } catch {
    return false;
  }
};

const commitOf = (dir, ref) => git(dir, 'rev-parse', ref).toString().trim();
let written = 0;
let skipped = 0;
const take = (name, bytes) => {
  if (!isUtf8Text(bytes)) return skipped++;
  writeFileSync(join(out, name), bytes);
  written++;
};

for (const path of git(jsonSuite, 'ls-tree', '--name-only', 'HEAD', 'test_parsing/').toString().trim().split('\n')) {
  const name = path.slice('test_parsing/'.length).replace(/[^A-Za-z0-9_.+-]/g, '_');
  take(`json-${name}`, git(jsonSuite, 'show', `HEAD:${path}`));
}
for (const path of git(yamlSuite, 'ls-tree', '-r', '--name-only', 'data').toString().trim().split('\n')) {
  if (!path.endsWith('/in.yaml')) continue;
  const id = path.slice(0, -'/in.yaml'.length).replace('/', '-');
  take(`yaml-${id}.yaml`, git(yamlSuite, 'show', `data:${path}`));
}
writeFileSync(
  join(out, 'SOURCES.txt'),
  `JSONTestSuite ${commitOf(jsonSuite, 'HEAD')} (MIT, Nicolas Seriot): test_parsing/*.json as json-*.json\n` +
    `yaml-test-suite ${commitOf(yamlSuite, 'data')} (MIT, Ingy döt Net and the YAML test suite authors): data/*/in.yaml as yaml-ID.yaml\n`,
);
console.log(`import-parser-suites: ${written} files written to ${out}; ${skipped} not UTF-8 text, left out`);
