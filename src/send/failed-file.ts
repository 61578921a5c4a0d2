// The users that did not get in, as a new input file beside the original: valid for the AWS CLI
// (`--cli-input-json` / `--cli-input-yaml`) and for `putusers send`, and matched by the
// extension's default `**/*.putusers.{json,yaml,yml}` patterns.
//
//   users.putusers.json            → users.failed-20261128T171500Z.putusers.json
//   users.yaml                     → users.failed-20261128T171500Z.putusers.yaml
//   users.failed-20261128T171500Z.putusers.json (a resend) → users.failed-<new time>.putusers.json
//
// The time is UTC (ISO 8601 basic format). An existing file is never overwritten: a second
// file in the same second gets `-2`, `-3`, ... after the time.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Format, formatOfPath, type PutUsersRequest, writeInput } from '../core';
import type { SendReport } from './report';

const NAME = /^(.*?)(?:\.failed-\d{8}T\d{6}Z(?:-\d+)?)?(?:\.putusers)?(\.json|\.ya?ml)?$/i;

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

/** The request holding the users the report says did not get in (file order), if any. */
export function notInRequest(request: PutUsersRequest, report: Pick<SendReport, 'notIn'>): PutUsersRequest | undefined {
  if (report.notIn.length === 0) return undefined;
  return { datasetArn: request.datasetArn, users: report.notIn.map((n) => request.users[n.index]!) };
}

/** Writes the users not in beside `original` (in its format); returns the new file's path, or undefined when every user got in. */
export function writeFailedFile(
  original: string,
  request: PutUsersRequest,
  report: Pick<SendReport, 'notIn'>,
  now = new Date(),
  format: Format = formatOfPath(original),
): string | undefined {
  const rest = notInRequest(request, report);
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
