// Writes schemas/putusers-input.schema.json from the model (run after `npm run build`).
// test/unit/core/schema.test.ts fails when the committed file differs from a fresh generation.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { inputJsonSchema } = require('../dist/core.js');
const path = new URL('../schemas/putusers-input.schema.json', import.meta.url);
writeFileSync(path, JSON.stringify(inputJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path.pathname}`);
