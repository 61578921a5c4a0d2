// What every suite shares, free of VS Code and the SDK: the test's dataset ARN, ranges as short
// text, and polling for what has no event.

/** A Users dataset ARN that passes every check (the emulator knows it). */
export const ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/demo/USERS';

interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** `line:char-line:char`, zero-based (a core Range or a vscode.Range). */
export const rangeText = (r: RangeLike): string =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/**
 * Calls `get` every `intervalMs` until it returns something other than undefined. For what gives
 * no event (a provider's answer that depends on state another process sets); rejects after
 * `timeoutMs` with `describe()` in the message.
 */
export async function pollUntil<T>(
  get: () => Promise<T | undefined> | Thenable<T | undefined> | T | undefined,
  timeoutMs: number,
  describe: () => string,
  intervalMs = 50,
): Promise<T> {
  for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, intervalMs))) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() - started >= timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
  }
}

/** A metadata field of a Users dataset schema, as its Avro JSON writes it. */
export interface SchemaFieldJson {
  name: string;
  type: string | [string, string];
  categorical?: boolean;
}

/** The Avro JSON of a Users dataset schema with USER_ID and these metadata fields. */
export function usersSchemaText(...fields: SchemaFieldJson[]): string {
  return JSON.stringify(
    {
      type: 'record',
      name: 'Users',
      namespace: 'com.amazonaws.personalize.schema',
      fields: [{ name: 'USER_ID', type: 'string' }, ...fields],
      version: '1.0',
    },
    null,
    2,
  );
}
