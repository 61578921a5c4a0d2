// What a command needs from its process: output streams (tests pass their own).
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const nodeIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** A mistake in the command line itself: exit 2 with the usage text. */
export class UsageError extends Error {}
