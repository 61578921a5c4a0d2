// What a user downloads (issue 8): the .vsix (budget: under 400 KB) and each bundle in it, and
// the command line's npm tarball. Measures the files `npm run package` and `npm pack` wrote;
// run both first (npm run bench does).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

const VSIX_BUDGET_KB = 400;
const kb = (bytes) => (bytes / 1024).toFixed(1);

export async function run() {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const vsix = `putusers-${version}.vsix`;
  const tarball = `putusers-${version}.tgz`;
  if (!existsSync(vsix) || !existsSync(tarball)) {
    console.log(`${vsix} or ${tarball} missing: run \`npm run package && npm pack\` first.`);
    return false;
  }
  // The entries as packaged: `unzip -v` lists each one's size and its compressed size in the zip.
  const listing = execFileSync('unzip', ['-v', vsix], { encoding: 'utf8' });
  const entries = [...listing.matchAll(/^\s*(\d+)\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+\S+\s+(extension\/\S+)$/gm)].map(
    (m) => ({ name: m[3].slice('extension/'.length), bytes: Number(m[1]), zipped: Number(m[2]) }),
  );
  const size = statSync(vsix).size;
  console.log('| file | size | compressed in the .vsix | budget | |');
  console.log('| --- | ---: | ---: | --- | --- |');
  console.log(
    `| ${vsix} (${entries.length} files) | ${kb(size)} KB | | < ${VSIX_BUDGET_KB} KB | ${size < VSIX_BUDGET_KB * 1024 ? 'MET' : 'NOT MET'} |`,
  );
  for (const e of entries.filter((e) => e.name.startsWith('dist/')))
    console.log(`| ${e.name} (minified) | ${kb(e.bytes)} KB | ${kb(e.zipped)} KB | | |`);
  const other = entries.filter((e) => !e.name.startsWith('dist/')).reduce((sum, e) => sum + e.bytes, 0);
  console.log(
    `| everything else in the .vsix (manifest, README, schemas, grammar, snippets, icon) | ${kb(other)} KB | | | |`,
  );
  console.log(
    `| ${tarball} (npm pack: dist/cli.js, README, LICENSE, package.json) | ${kb(statSync(tarball).size)} KB | | | |`,
  );
  return size < VSIX_BUDGET_KB * 1024;
}
