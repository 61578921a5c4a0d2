// validate() against vscode-json-languageservice's doValidation with our schema, same text.
// Target (issue 2): at least 4x faster on 10,000 users (~1.5 MB), and linear growth.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import jsonLanguageService from 'vscode-json-languageservice';
import { jsonDocument } from './fixtures.mjs';
import { median, timeIt } from './timing.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const schema = JSON.parse(readFileSync(new URL('../schemas/putusers-input.schema.json', import.meta.url), 'utf8'));

const { getLanguageService, TextDocument } = jsonLanguageService;
const service = getLanguageService({});
service.configure({ validate: true, schemas: [{ uri: 'putusers://schema', fileMatch: ['*.json'], schema }] });

async function languageService(text) {
  const doc = TextDocument.create('file:///bench.putusers.json', 'json', 1, text);
  const json = service.parseJSONDocument(doc);
  return service.doValidation(doc, json, { trailingCommas: 'error', comments: 'error' });
}

export async function run() {
  const rows = [];
  for (const count of [1000, 2500, 5000, 10000, 20000]) {
    const text = jsonDocument(count);
    const ours = await timeIt(() => core.validate(text, 'json'), 21);
    const theirs = await timeIt(() => languageService(text), 11);
    const ourFindings = core.validate(text, 'json').length;
    const theirFindings = (await languageService(text)).length;
    rows.push({ count, bytes: text.length, ours: median(ours), theirs: median(theirs), ourFindings, theirFindings });
  }
  console.log('| users | size | validate (median ms) | doValidation (median ms) | speed-up | ms per 1,000 users | findings ours / theirs |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.count} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.ours.toFixed(1)} | ${r.theirs.toFixed(1)} | ${(r.theirs / r.ours).toFixed(1)}x | ${((r.ours / r.count) * 1000).toFixed(2)} | ${r.ourFindings} / ${r.theirFindings} |`,
    );
  }
  const ten = rows.find((r) => r.count === 10000);
  const ratio = ten.theirs / ten.ours;
  console.log(`\n10,000 users: ${ratio.toFixed(1)}x faster than doValidation (target >= 4x): ${ratio >= 4 ? 'MET' : 'NOT MET'}`);
  return ratio >= 4;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await run()) ? 0 : 1;
}
