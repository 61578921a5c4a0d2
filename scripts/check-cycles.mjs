// Fails on any import cycle among the TypeScript files of src/ and test/ (part of `npm run lint`).
// import-x/no-cycle skips type-only imports, but a cycle of types still ties two modules' meanings
// together (one of issue 21's three cycles was one): so every import counts here, `import type`
// and `export ... from` included, read with TypeScript's own scanner.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOTS = ['src', 'test'];
const files = ROOTS.flatMap((root) =>
  readdirSync(root, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(root, f))
    .filter((f) => !f.startsWith(path.join('test', 'fixtures'))),
);

/** The .ts file a relative specifier names, if it is one of ours. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.join(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => f.endsWith('.ts') && existsSync(f));
}

const edges = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return [file, [...new Set(importedFiles.map((i) => resolve(file, i.fileName)).filter(Boolean))]];
  }),
);

// Tarjan's strongly connected components: each with more than one file (or a file importing
// itself) is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || edges.get(v)?.includes(v)) cycles.push(component);
}
for (const file of files) if (!index.has(file)) connect(file);

/** One path round the component, from its first file back to it, for the message. */
function loopThrough(component) {
  const inside = new Set(component);
  const start = component.sort()[0];
  const seen = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of edges.get(v) ?? []) {
      if (w === start) {
        const loop = [v];
        for (let u = seen.get(v); u !== undefined; u = seen.get(u)) loop.unshift(u);
        return [...loop, start];
      }
      if (inside.has(w) && !seen.has(w)) {
        seen.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

for (const component of cycles) {
  console.error(`import cycle: ${loopThrough(component).join(' -> ')}`);
}
if (cycles.length > 0) {
  console.error(`${cycles.length} import cycle(s): move what the modules share into a module of its own.`);
  process.exit(1);
}
