// The Restricted Mode suite: the launcher runs it with workspace trust on
// (`run-tests.mjs --trust --tests out/test/integration-untrusted/index.js --workspace test/fixtures/untrusted-workspace`).
import { runMochaSuite } from '../integration/index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
