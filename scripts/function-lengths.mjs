// The longest functions of a folder, by lines: `node scripts/function-lengths.mjs [DIR] [COUNT]`.
// A code-health figure (issue 9 recorded it); reads TypeScript with the compiler's own parser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const [root = 'src', count = '10'] = process.argv.slice(2);
const lengths = [];
for (const file of fs.readdirSync(root, { recursive: true }).map(String)) {
  if (!file.endsWith('.ts')) continue;
  const full = path.join(root, file);
  const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const name = node.name?.getText() ?? node.parent?.name?.getText() ?? '(anonymous)';
      lengths.push({ lines: last - first + 1, where: `${full}:${first + 1}`, name });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
lengths.sort((a, b) => b.lines - a.lines);
for (const f of lengths.slice(0, Number(count))) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.where}`);
