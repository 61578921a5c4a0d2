// The smoke suite's run() entry: the extension as a user gets it, installed from the .vsix into
// the VS Code server (scripts/vscode-server/run-tests.mjs --vsix), with the sample workspace
// (examples/) open. npm test runs it after `npm run package`.
import { runMochaSuite } from '../integration/index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
