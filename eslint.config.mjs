// ESLint (flat config) with typescript-eslint: `npm run lint`. Formatting is Prettier's job
// (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// The layers of src/, lowest first; each may import only the ones named under it:
//   core      VS Code-free and Node-free, so a web host can run it too: no `vscode`, no Node
//             built-ins, no other folder of src/; npm packages are fine.
//   program   what the Node programs (putusers, the emulator) share: reading argv, their output
//             streams. Node built-ins, nothing of src/. It sits beside core rather than in it
//             because parseArgs is node:util's, and not in cli because the emulator reads argv too.
//   send, import, emulator   core and program, Node built-ins, npm packages; not one another,
//             and never `vscode` (they run in the CLI and the emulator's own process too).
//   cli, extension   on top: anything below, but not each other; only extension imports `vscode`.
const LAYERS = ['core', 'program', 'send', 'import', 'emulator', 'cli', 'extension'];
const MAY_IMPORT = {
  core: [],
  program: [],
  send: ['core', 'program'],
  import: ['core', 'program'],
  emulator: ['core', 'program'],
  cli: ['core', 'program', 'send', 'import', 'emulator'],
  extension: ['core', 'program', 'send', 'import', 'emulator'],
};
const layerZones = LAYERS.map((layer) => ({
  target: `./src/${layer}`,
  from: LAYERS.filter((other) => other !== layer && !MAY_IMPORT[layer].includes(other)).map((o) => `./src/${o}`),
  message: `src/${layer} may import only ${MAY_IMPORT[layer].map((o) => `src/${o}`).join(', ') || 'itself'} of src/ (the layers in eslint.config.mjs).`,
}));
const NODE_BUILTINS = builtinModules.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]);
const noVscode = { name: 'vscode', message: 'Only src/extension imports vscode.' };

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'out/',
      'node_modules/',
      'test/fixtures/',
      '.vscode-test/',
      'test-results/',
      'sample-workspace/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    // Type-aware: a promise nobody awaits or catches loses its error (and, in Send, maybe users).
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The layers (LAYERS above), by resolved path, so no spelling of a relative import slips past.
    // Import cycles are scripts/check-cycles.mjs's (the second half of `npm run lint`): it counts
    // type-only imports, which import-x/no-cycle skips.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            { group: NODE_BUILTINS, message: 'src/core runs without Node (a web host, later): no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/program/**/*.ts', 'src/send/**/*.ts', 'src/import/**/*.ts', 'src/emulator/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    rules: {
      // `_` marks a parameter a signature needs and the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
