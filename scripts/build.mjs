// Builds the bundles with esbuild and the test tree with tsc.
// dist/core.js      the VS Code-free core (require('./dist/core.js') works in plain Node)
// dist/cli.js       the `putusers` command line
// dist/send.js      the sending engine with the AWS SDK, loaded only when sending
// dist/emulator.js  the local Personalize Events emulator (also loaded by the extension on first use)
// dist/extension.js the VS Code layer (vscode, ./send.js and ./emulator.js stay external)
// dist/analysis-worker.js  the extension's worker thread: parses and checks inputs off the host's event loop
//
// Usage: node scripts/build.mjs [--production | --watch] [--no-tsc]
//   --production  only what the .vsix ships (extension.js, send.js, emulator.js), minified, without source
//                 maps (the `vscode:prepublish` step of `npm run package`); no tsc
//   --watch       rebuild the bundles on every change and run `tsc --watch` for the tests
//                 (`npm run watch`, the F5 pre-launch task); prints the lines tasks.json waits on
//   --no-tsc      bundles only
import * as esbuild from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const runTsc = !production && !process.argv.includes('--no-tsc');

/** The bundles the installed extension loads; the rest are for the CLI, tests and tools. */
const SHIPPED_IN_VSIX = ['dist/extension.js', 'dist/analysis-worker.js', 'dist/send.js', 'dist/emulator.js'];

const entries = [
  { in: 'src/core/index.ts', out: 'dist/core.js' },
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/send/index.ts', out: 'dist/send.js' },
  { in: 'src/emulator/index.ts', out: 'dist/emulator.js' },
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  { in: 'src/extension/analysis/worker.ts', out: 'dist/analysis-worker.js' },
].filter((e) => existsSync(e.in) && (!production || SHIPPED_IN_VSIX.includes(e.out)));

/** Prints the lines the watch task's problem matcher (.vscode/tasks.json) waits on: one pair per rebuild of any bundles. */
let building = 0;
const watchLog = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        if (location) console.error(`✘ [ERROR] ${text}\n    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

const options = (e) => ({
  entryPoints: [e.in],
  outfile: e.out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  external: ['vscode', './send.js', './emulator.js'],
  banner: e.banner ? { js: e.banner } : undefined,
  mainFields: ['module', 'main'], // jsonc-parser's UMD build does not bundle
  logLevel: 'warning',
  plugins: watch ? [watchLog] : [],
});

if (watch) {
  for (const e of entries) await (await esbuild.context(options(e))).watch();
  if (runTsc) {
    spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--watch', '--preserveWatchOutput'], {
      stdio: 'inherit',
    });
  }
} else {
  await Promise.all(entries.map((e) => esbuild.build(options(e))));
  // A map left from a development build would describe another file.
  if (production) for (const e of entries) rmSync(`${e.out}.map`, { force: true });
  // The tests run from out/ (tsc output; made anew, so a test whose source is gone cannot run); tsc is also our type check.
  if (runTsc) {
    rmSync('out', { recursive: true, force: true });
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
  }
}
