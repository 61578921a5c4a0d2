// The .vsix as VS Code installs it (the server's own --install-extension, as npm start does): the
// packaged extension, not the source tree, holding only what it loads, with a README whose images
// the Extensions view can show. What the installed extension does is driven in workbench.test.mjs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureInstalled, installExtension, repo, serverDirs } from '../../scripts/vscode-server/server.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

/** Every file of a folder, relative to it. */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('the .vsix, installed into VS Code', function () {
  this.timeout(120_000);
  let tmp;
  let installed;

  before(() => {
    const vsix = path.join(repo, `putusers-${manifest.version}.vsix`);
    if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first`);
    ensureInstalled();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-vsix-'));
    const dirs = serverDirs(tmp);
    installExtension(vsix, dirs);
    const folder = fs.readdirSync(dirs.extensions).find((f) => f.startsWith(`${manifest.publisher}.${manifest.name}-`));
    assert.ok(folder, `the extension is in ${dirs.extensions}: ${fs.readdirSync(dirs.extensions).join(', ')}`);
    installed = path.join(dirs.extensions, folder);
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('is the packaged version', () => {
    assert.equal(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version, manifest.version);
  });

  it('holds the four bundles it loads and no CLI, core.js or source map', () => {
    assert.deepEqual(
      filesUnder(installed).filter((f) => f.startsWith('dist')),
      ['dist/analysis-worker.js', 'dist/emulator.js', 'dist/extension.js', 'dist/send.js'],
    );
  });

  it('holds no sources, tests, maps or node_modules', () => {
    assert.deepEqual(
      filesUnder(installed).filter((f) => /\.(ts|map)$|^(src|test|out|node_modules)\//.test(f)),
      [],
    );
  });

  it('has a README whose image links are absolute URLs of files in the repository (the Extensions view drops relative ones)', () => {
    // VS Code's extension page strips relative image sources (seen in 1.139), so vsce rewrites them to the repository.
    const readme = fs.readdirSync(installed).find((f) => f.toLowerCase() === 'readme.md');
    assert.ok(readme, 'the README is packaged');
    const text = fs.readFileSync(path.join(installed, readme), 'utf8');
    const images = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `the README shows screenshots: ${images.join(', ')}`);
    const repository = manifest.repository.url.replace(/\.git$/, '');
    for (const image of images) {
      assert.ok(image.startsWith(`${repository}/raw/HEAD/`), `${image} is under ${repository}/raw/HEAD/`);
      const file = path.join(repo, image.slice(`${repository}/raw/HEAD/`.length));
      assert.ok(fs.existsSync(file), `${path.relative(repo, file)} is in the repository`);
    }
  });
});
