// The real AWS SDK client pointed at an emulator, for the system suites. A module of its own: the
// integration suites share emulator-harness.ts inside VS Code, where loading the SDK from a test
// would hide whether the extension loaded it.
import { PersonalizeEventsClient } from '@aws-sdk/client-personalize-events';
import { KEYS } from './emulator-harness';

/** The SDK client for `emulator`, in us-east-1, one attempt per request; `credentials` default to KEYS. */
export function clientFor(
  emulator: { url: string },
  credentials: { accessKeyId: string; secretAccessKey: string } = KEYS,
) {
  return new PersonalizeEventsClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}
