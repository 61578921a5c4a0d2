// `putusers validate [--format text|json] FILE...`
import { readFileSync } from 'node:fs';
import { type Finding, formatOfPath, validate } from '../core';
import { type Io, UsageError } from './io';

export interface FileFinding extends Finding {
  file: string;
}

export function runValidate(args: string[], io: Io): number {
  let output: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : args[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes text or json, not "${value ?? ''}"`);
      output = value;
    } else if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');

  const all: FileFinding[] = [];
  let unreadable = false;
  for (const file of files) {
    const text = readText(file, io);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    all.push(...validate(text, formatOfPath(file)).map((f) => ({ file, ...f })));
  }
  if (output === 'json') {
    io.stdout.write(JSON.stringify(all.map(toJsonRecord), null, 2) + '\n');
  } else {
    for (const f of all) io.stdout.write(textLine(f) + '\n');
  }
  if (unreadable) return 2;
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}

/** `FILE:LINE:COL: error|warning: message [code]`, 1-based like compilers print. */
export function textLine(f: FileFinding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.code}]`;
}

function toJsonRecord(f: FileFinding) {
  const { file, range, severity, code, message, awsCli } = f;
  return awsCli === undefined ? { file, range, severity, code, message } : { file, range, severity, code, message, awsCli };
}

function readText(file: string, io: Io): string | undefined {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    io.stderr.write(`putusers: cannot read ${file}: ${why}\n`);
    return undefined;
  }
  try {
    // The AWS CLI reads file:// as UTF-8 text and refuses what does not decode.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    io.stderr.write(`putusers: cannot read ${file}: not UTF-8 text (the AWS CLI cannot load it either)\n`);
    return undefined;
  }
}
