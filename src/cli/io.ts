// The process's side of a command: its output streams (tests pass their own Io).
import type { Io } from '../core/command-line';

export type { Io } from '../core/command-line';
export { UsageError } from '../core/command-line';

export const nodeIo: Io = { stdout: process.stdout, stderr: process.stderr };
