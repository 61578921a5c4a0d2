// What the extension does on the keystroke path, in plain Node (issue 3 targets):
// - diagnostics: validate() of a 1,000-user document (the work after the debounce fires),
//   target: published within 50 ms;
// - completion: the cursor context in a 10,000-user document (jsonCursor, what the JSON
//   completion provider computes; item building is constant), target: under 30 ms.
import { createRequire } from 'node:module';
import { jsonDocument } from './fixtures.mjs';
import { median, timeIt } from './timing.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

export async function run() {
  const thousand = jsonDocument(1000);
  const diagnostics = median(await timeIt(() => core.validate(thousand, 'json'), 31));
  const tenThousand = jsonDocument(10000);
  const nearEnd = tenThousand.lastIndexOf('"userId"');
  const completion = median(await timeIt(() => core.jsonCursor(tenThousand, nearEnd), 31));
  const middle = median(await timeIt(() => core.jsonCursor(tenThousand, tenThousand.length >> 1), 31));
  // While typing: each keystroke is a new text; the memo of the previous completion lets the scan resume.
  const memo = core.createJsonCursorMemo();
  core.jsonCursor(tenThousand, nearEnd, memo);
  // Each keystroke is a new (flat) text, as document.getText() gives; built before the timing.
  const texts = [];
  let typed = tenThousand;
  for (let i = 0; i < 40; i++) {
    typed = typed.slice(0, nearEnd) + 'x' + typed.slice(nearEnd);
    texts.push(Buffer.from(typed).toString());
  }
  let n = 0;
  const typing = median(await timeIt(() => core.jsonCursor(texts[n++ % texts.length], nearEnd + 1, memo), 31));
  const rows = [
    ['validate, 1,000 users (core validate: the diagnostics work after the debounce)', diagnostics, 50],
    ['completion context, 10,000 users, cursor in the last user, first time', completion, 30],
    ['completion context, 10,000 users, cursor mid-file, first time', middle, 30],
    ['completion context, 10,000 users, cursor in the last user, while typing (memo)', typing, 30],
  ];
  console.log('| measure | median ms | target | |');
  console.log('| --- | ---: | --- | --- |');
  for (const [what, ms, target] of rows)
    console.log(`| ${what} | ${ms.toFixed(1)} | < ${target} ms | ${ms < target ? 'MET' : 'NOT MET'} |`);
  return rows.every(([, ms, target]) => ms < target);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
