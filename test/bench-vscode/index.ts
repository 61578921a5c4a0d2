// The keystroke and activation benchmark in the real VS Code (`npm run bench:vscode`): the
// launcher runs this suite as it runs the integration tests; the figures are printed, not
// asserted (benchmarks, not timed tests).
import { runMochaSuite } from '../integration/index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
