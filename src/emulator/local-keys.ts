// The access keys a local emulator knows, for the extension's "Start Local Emulator" and the
// demo (`npm start`). They are nobody's AWS keys: requests signed with them reach no account.
export const LOCAL_EMULATOR_KEYS = {
  accessKeyId: 'AKIDPUTUSERSDEMO0001',
  secretAccessKey: 'demo-secret-key-not-a-real-one',
} as const;
