// The sending engine (dist/send.js, with the AWS SDK) loads on the first send, never before:
// activation, the status bar and CodeLenses must not pay for the SDK.
import type * as SendModule from '../../send';
import { LOCAL_EMULATOR_KEYS } from '../../emulator/local-keys';
import type { ShownTarget } from './target-status';

export type SendEngine = typeof SendModule;

export function loadSendEngine(): SendEngine {
  // `./send.js` is external in the bundle (scripts/build.mjs): dist/extension.js requires dist/send.js
  // (Node's module cache makes every later call free).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./send.js') as SendEngine;
}

/**
 * The engine's credentials, profile and endpoint for a target: the local emulator's keys while it
 * runs, else the profile when one was chosen (else the SDK's chain finds it, as the CLI would).
 */
export function engineTarget(where: ShownTarget): {
  credentials?: typeof LOCAL_EMULATOR_KEYS;
  profile?: string;
  endpoint?: string;
} {
  return {
    ...(where.localEmulator
      ? { credentials: LOCAL_EMULATOR_KEYS }
      : where.profileFrom !== 'default'
        ? { profile: where.profile }
        : {}),
    ...(where.endpoint ? { endpoint: where.endpoint } : {}),
  };
}
