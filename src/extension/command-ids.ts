// The ids the manifest (package.json) and the code share: commands and context keys. A unit test
// checks that the manifest declares exactly these, and an integration test that each is registered.
export const COMMAND = {
  generateSkeleton: 'putUsers.generateSkeleton',
  convert: 'putUsers.convert',
  markAsInput: 'putUsers.markAsInput',
  splitFile: 'putUsers.splitFile',
  editProperties: 'putUsers.editProperties',
  sendFile: 'putUsers.sendFile',
  sendFolder: 'putUsers.sendFolder',
  cancelSending: 'putUsers.cancelSending',
  chooseProfile: 'putUsers.chooseProfile',
  startLocalEmulator: 'putUsers.startLocalEmulator',
  stopLocalEmulator: 'putUsers.stopLocalEmulator',
  createSampleFile: 'putUsers.createSampleFile',
  validateFile: 'putUsers.validateFile',
  importCsv: 'putUsers.importCsv',
  refreshDatasetSchema: 'putUsers.refreshDatasetSchema',
  copyAsCliCommand: 'putUsers.copyAsCliCommand',
  pasteCliCommand: 'putUsers.pasteCliCommand',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEY = {
  /** The active editor holds a PutUsers input file. */
  activeEditorIsInput: 'putUsers.activeEditorIsInput',
  /** A file is being sent (Cancel Sending is offered). */
  sending: 'putUsers.sending',
  /** The active editor holds an input with no error (the walkthrough's quick-fix step is done). */
  activeInputIsValid: 'putUsers.activeInputIsValid',
  /** The local emulator runs (Stop Local Emulator is offered; the walkthrough's emulator step is done). */
  localEmulatorRunning: 'putUsers.localEmulatorRunning',
  /** Create Sample File wrote and opened the sample (the walkthrough's first step is done). */
  sampleCreated: 'putUsers.sampleCreated',
  /** Send File got users in (the walkthrough's send step is done). */
  usersSent: 'putUsers.usersSent',
} as const;
