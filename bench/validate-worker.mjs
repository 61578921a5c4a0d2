// One contender of bench/validate.bench.mjs in a process of its own, so neither one's heap
// (and garbage) weighs on the other's timings. Prints {median, findings} as JSON.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import jsonLanguageService from 'vscode-json-languageservice';
import { jsonDocument } from './fixtures.mjs';
import { median, timeIt } from './timing.mjs';

const [contender, countText, runsText] = process.argv.slice(2);
const text = jsonDocument(Number(countText));
const runs = Number(runsText ?? 15);

let validate;
if (contender === 'ours') {
  const core = createRequire(import.meta.url)('../dist/core.js');
  validate = () => core.validate(text, 'json');
} else {
  const { getLanguageService, TextDocument } = jsonLanguageService;
  const schema = JSON.parse(readFileSync(new URL('../schemas/putusers-input.schema.json', import.meta.url), 'utf8'));
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: 'putusers://schema', fileMatch: ['*.json'], schema }] });
  // Text in, diagnostics out: the parse is part of the work, as it is for validate().
  validate = () => {
    const doc = TextDocument.create('file:///bench.putusers.json', 'json', 1, text);
    return service.doValidation(doc, service.parseJSONDocument(doc), { trailingCommas: 'error', comments: 'error' });
  };
}
const times = await timeIt(validate, runs);
const findings = (await validate()).length;
process.stdout.write(JSON.stringify({ median: median(times), findings, bytes: text.length }));
