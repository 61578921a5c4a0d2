// The users that did not get in, as a new input file beside the original: valid for the AWS CLI
// (`--cli-input-json` / `--cli-input-yaml`) and for `putusers send`, and matched by the
// extension's default `**/*.putusers.{json,yaml,yml}` patterns (so the editor checks it).
//
//   users.putusers.json            → users.failed-20261128T171500Z.putusers.json
//   users.yaml                     → users.failed-20261128T171500Z.putusers.yaml
//   users.failed-20261128T171500Z.putusers.json (a resend) → users.failed-<new time>.putusers.json
//
// The time is UTC (ISO 8601 basic format). An existing file is never overwritten: a second
// file in the same second gets `-2`, `-3`, ... after the time.
//
// Such a file is written only when some users got in and others did not: when none got in
// (nothing sent, an unknown dataset, every user rejected), it would be the original again, and a
// second copy of the original's users beside it would only be sent twice later. A folder send
// leaves these files out (`folderInputs`): a copy of an earlier send's users is not the folder's
// current data, and sent with it, an older version of a user could overwrite a newer one.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Format, formatOfPath, type PutUsersRequest, writeInput } from '../core';
import { type SendReport, usersNotInWorthAFile } from './report';

/** The mark failedFileName puts in a name: `.failed-TIME` and, for a second file in the same second, `-N`. */
const STAMP = String.raw`\.failed-\d{8}T\d{6}Z(?:-\d+)?`;
const NAME = new RegExp(String.raw`^(.*?)(?:${STAMP})?(?:\.putusers)?(\.json|\.ya?ml)?$`, 'i');
/** The input files of a folder: what `putusers import` writes, and the extension's default putUsers.files. */
const FOLDER_INPUT = /\.putusers\.(json|ya?ml)$/i;
/** A users-not-in file, as failedFileName names it. */
const USERS_NOT_IN = new RegExp(String.raw`${STAMP}\.putusers\.(json|ya?ml)$`, 'i');

export function failedFileName(original: string, now = new Date(), attempt = 1): string {
  const dir = path.dirname(original);
  const [, stem, ext] = NAME.exec(path.basename(original))!;
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  const name = `${stem || 'users'}.failed-${stamp}${attempt > 1 ? `-${attempt}` : ''}.putusers${ext ?? '.json'}`;
  return path.join(dir, name);
}

/** A name failedFileName gives: the users not in of an earlier send. */
export const isUsersNotInFile = (name: string): boolean => USERS_NOT_IN.test(name);

/**
 * What a folder send takes of the folder's file names, in name order: its input files, less the
 * users-not-in files of earlier sends (`skipped`, to be named to the user: each is sent on its own).
 */
export function folderInputs(names: readonly string[]): { inputs: string[]; skipped: string[] } {
  const all = names.filter((n) => FOLDER_INPUT.test(n)).sort();
  return { inputs: all.filter((n) => !isUsersNotInFile(n)), skipped: all.filter(isUsersNotInFile) };
}

/** The request holding the users the report says did not get in (file order), if any. */
export function notInRequest(request: PutUsersRequest, report: Pick<SendReport, 'notIn'>): PutUsersRequest | undefined {
  if (report.notIn.length === 0) return undefined;
  return { datasetArn: request.datasetArn, users: report.notIn.map((n) => request.users[n.index]!) };
}

/**
 * Writes the users not in beside `original` (in its format); returns the new file's path, or
 * undefined when every user got in or none did (usersNotInWorthAFile).
 */
export function writeFailedFile(
  original: string,
  request: PutUsersRequest,
  report: Pick<SendReport, 'notIn' | 'accepted'>,
  now = new Date(),
  format: Format = formatOfPath(original),
): string | undefined {
  const rest = usersNotInWorthAFile(report) ? notInRequest(request, report) : undefined;
  if (!rest) return undefined;
  const text = writeInput(rest, format);
  for (let attempt = 1; ; attempt++) {
    const target = failedFileName(original, now, attempt);
    try {
      writeFileSync(target, text, { flag: 'wx' });
      return target;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 1000) throw e;
    }
  }
}
