// The sending engine (dist/send.js, with the AWS SDK) loads on the first send, never before:
// activation, the status bar and CodeLenses must not pay for the SDK.
import type * as SendModule from '../../send';

export type SendEngine = typeof SendModule;

export function loadSendEngine(): SendEngine {
  // `./send.js` is external in the bundle (scripts/build.mjs): dist/extension.js requires dist/send.js
  // (Node's module cache makes every later call free).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./send.js') as SendEngine;
}
