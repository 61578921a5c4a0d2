// Where the repository is, from a test compiled to out/ or run from its sources.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The first directory up from here with a package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}
