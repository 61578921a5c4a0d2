// Builds the shipped bundles with esbuild and the test tree with tsc.
// dist/core.js    the VS Code-free core (require('./dist/core.js') works in plain Node)
// dist/cli.js     the `putusers` command line
// dist/send.js    the sending engine with the AWS SDK, loaded only when sending
// dist/emulator.js the local Personalize Events emulator
// dist/extension.js the VS Code layer (vscode and ./send.js stay external)
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/core/index.ts', out: 'dist/core.js' },
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/send/index.ts', out: 'dist/send.js' },
  { in: 'src/emulator/index.ts', out: 'dist/emulator.js' },
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
];

await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      esbuild.build({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        external: ['vscode', './send.js'],
        banner: e.banner ? { js: e.banner } : undefined,
        mainFields: ['module', 'main'], // jsonc-parser's UMD build does not bundle
        logLevel: 'warning',
      }),
    ),
);

// The tests run from out/ (tsc output); tsc is also our type check.
if (!process.argv.includes('--no-tsc')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
}
