// One contender of bench/validate.bench.mjs in a process of its own, so neither one's heap
// (and garbage) weighs on the other's timings. Prints {median, findings} as JSON.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import jsonLanguageService from 'vscode-json-languageservice';
import { jsonDocument, yamlDocument } from './fixtures.mjs';
import { median, timeIt } from './timing.mjs';

const require = createRequire(import.meta.url);
const [contender, countText, runsText] = process.argv.slice(2);
const yaml = contender === 'ours-yaml' || contender === 'yaml-language-server';
const text = (yaml ? yamlDocument : jsonDocument)(Number(countText));
const runs = Number(runsText ?? 15);
const schema = () =>
  JSON.parse(readFileSync(new URL('../schemas/putusers-input.schema.json', import.meta.url), 'utf8'));

let validate;
if (contender === 'ours' || contender === 'ours-yaml') {
  const core = require('../dist/core.js');
  validate = () => core.validate(text, yaml ? 'yaml' : 'json');
} else if (contender === 'yaml-language-server') {
  const { getLanguageService } = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const service = getLanguageService({
    schemaRequestService: async () => JSON.stringify(schema()),
    workspaceContext: { resolveRelativePath: (relative) => relative },
  });
  service.configure({
    validate: true,
    schemas: [{ uri: 'putusers://schema', fileMatch: ['*.yaml'], schema: schema() }],
  });
  // A new version each time: the service caches a version's parse, and the parse is part of the work.
  let version = 0;
  validate = () =>
    service.doValidation(TextDocument.create('file:///bench.putusers.yaml', 'yaml', ++version, text), false);
} else {
  const { getLanguageService, TextDocument } = jsonLanguageService;
  const service = getLanguageService({});
  service.configure({
    validate: true,
    schemas: [{ uri: 'putusers://schema', fileMatch: ['*.json'], schema: schema() }],
  });
  // Text in, diagnostics out: the parse is part of the work, as it is for validate().
  validate = () => {
    const doc = TextDocument.create('file:///bench.putusers.json', 'json', 1, text);
    return service.doValidation(doc, service.parseJSONDocument(doc), { trailingCommas: 'error', comments: 'error' });
  };
}
const times = await timeIt(validate, runs);
const findings = (await validate()).length;
process.stdout.write(JSON.stringify({ median: median(times), findings, bytes: text.length }));
