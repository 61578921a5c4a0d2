// The sending engine (dist/send.js, with the AWS SDK) loads on the first send, never before:
// activation, the status bar and CodeLenses must not pay for the SDK.
import type * as SendEngine from '../../send';

let engine: typeof SendEngine | undefined;

export function loadSendEngine(): typeof SendEngine {
  // `./send.js` is external in the bundle (scripts/build.mjs): dist/extension.js requires dist/send.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('./send.js') as typeof SendEngine;
  return engine;
}

/** For the tests: whether the SDK has been loaded in this extension host. */
export function sendEngineLoaded(): boolean {
  return engine !== undefined;
}
