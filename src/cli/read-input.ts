// Reading an input file as the AWS CLI reads file://: UTF-8 text, refused when it does not decode.
import { readFileSync } from 'node:fs';
import type { Io } from './io';

/** The file's text, or undefined after saying on stderr why it cannot be read. `-` is stdin when allowed. */
export function readInputFile(file: string, io: Io, options: { stdin?: boolean } = {}): string | undefined {
  let bytes: Buffer;
  try {
    bytes = options.stdin && file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a directory'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.message;
    io.stderr.write(`putusers: cannot read ${file}: ${why}\n`);
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    io.stderr.write(`putusers: cannot read ${file}: not UTF-8 text (the AWS CLI cannot load it either)\n`);
    return undefined;
  }
}
