// The local Personalize Events emulator (bundled to dist/emulator.js). As a program:
//   node dist/emulator.js --port P --dataset ARN [--busy ARN] --access-key K --secret-key S [--region R]
//     [--quota N|off] [--quota-burst N]
export {
  startEmulator,
  type AcceptedRequest,
  type EmulatedDataset,
  type Emulator,
  type EmulatorOptions,
  type ReceivedRequest,
} from './server';
export { type Fault, type FaultContext, type FaultRule } from './faults';
export { DEFAULT_QUOTA, type Quota } from './quota';
export { checkSignature, MAX_CLOCK_SKEW_MS, type Credential, type SignatureCheck, type SigningScope } from './sigv4';
export { invalidInputMessage, serviceErrors } from './service-messages';
export { LOCAL_EMULATOR_KEYS } from './local-keys';
import { runEmulatorCli } from './command-line';

if (require.main === module) {
  runEmulatorCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (started) => {
      if (typeof started === 'number') {
        process.exitCode = started;
        return;
      }
      const stop = () => void started.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (e: unknown) => {
      process.stderr.write(`emulator: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
