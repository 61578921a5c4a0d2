// The sender's log: levels as VS Code's LogOutputChannel has them (an output channel can be
// passed as is). What the model marks `sensitive` (userId, properties) never reaches it: users
// are named by their index in the file, and at most the lengths of their sensitive members.
import { plural, USER, type User } from '../core';

export interface SendLogger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'off'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const silentLogger: SendLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** A logger that writes `[level] message` lines at `level` and above (the CLI's stderr). */
export function lineLogger(write: (line: string) => void, level: LogLevel = 'info'): SendLogger {
  const min = LOG_LEVELS.indexOf(level);
  const at = (l: Exclude<LogLevel, 'off'>) =>
    LOG_LEVELS.indexOf(l) >= min ? (message: string) => write(`[${l}] ${message}\n`) : () => {};
  return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The members of a user that the model marks sensitive (userId, properties). */
export const SENSITIVE_USER_MEMBERS: readonly string[] = USER.members
  .filter((m) => m.shape.kind === 'string' && m.shape.sensitive)
  .map((m) => m.name);

/** `users[17] (userId: 5 characters, properties: 31 characters)`: a user without its sensitive values. */
export function describeUser(user: User, index: number): string {
  const record = user as unknown as Record<string, unknown>;
  const parts = USER.members.map((m) => {
    const value = record[m.name];
    if (value === undefined) return undefined;
    if (SENSITIVE_USER_MEMBERS.includes(m.name))
      return `${m.name}: ${typeof value === 'string' ? plural(value.length, 'character') : typeof value}`;
    return `${m.name}: ${JSON.stringify(value)}`;
  });
  const shown = parts.filter((p) => p !== undefined);
  return shown.length > 0 ? `users[${index}] (${shown.join(', ')})` : `users[${index}]`;
}
