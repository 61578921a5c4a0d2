// The process's side of a command: its output streams (tests pass their own Io).
import type { Io } from '../program/command-line';

export type { Io } from '../program/command-line';
export { UsageError } from '../program/command-line';

export const nodeIo: Io = { stdout: process.stdout, stderr: process.stderr };
