// `putusers send FILE|DIR [--profile P] [--region R] [--endpoint-url URL] [--concurrency N] [--max-rps N]`
// Validates FILE with the core (errors stop it; warnings are printed), says what the send will
// take, sends its users with the sending engine (requests of at most 10, in file order, at most
// --max-rps a second: the service's quota, 10), prints the report (no secrets, no
// properties, no user ids), and writes the users not in to a new file beside FILE when some
// users got in (when none did, FILE is still the one to send). A DIR sends every input file in
// it (`*.putusers.json|yaml|yml`, in name order, less the users-not-in files of earlier sends) as
// one send: one report, one file of the users not in, beside the folder (not in it).
// Exit: 0 every user got in; 1 some did not (or FILE has errors); 2 usage error, unreadable FILE.
// Ctrl-C once: send nothing more, let requests in flight finish, write the file; twice: quit.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { count, formatOfPath, plural, type PutUsersRequest, readRequestToSend } from '../core';
import { parseCommandLine } from '../program/command-line';
// SDK-free modules of the engine (the engine itself loads only when sending).
import { MAX_CONCURRENCY } from '../send/batches';
import { about, estimateLine, estimateSend } from '../send/estimate';
import {
  DEFAULT_REQUESTS_PER_SECOND,
  isRequestRate,
  MAX_REQUESTS_PER_SECOND,
  MIN_REQUESTS_PER_SECOND,
} from '../send/pacing';
import { folderInputs } from '../send/failed-file';
import { LOG_LEVELS, type LogLevel } from '../send/log';
import { type Io, UsageError } from './io';
import { readInputFile } from './read-input';
import { cliRemedyWords } from './wording';
import { textLine } from './file-finding';

const USAGE =
  'Usage: putusers send FILE|DIR [--profile P] [--region R] [--endpoint-url URL] [--concurrency N] [--max-rps N]\n';

interface SendArgs {
  file: string;
  profile?: string;
  region?: string;
  endpoint?: string;
  concurrency?: number;
  maxRequestsPerSecond?: number;
}

export async function runSend(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  const folder = isFolder(args.file);
  const read = folder ? readFolder(args.file, io) : readFile(args.file, io);
  if (typeof read === 'number') return read;
  const { request, file, source } = read;
  if (request.users.length === 0) {
    io.stdout.write(`${file}: no users to send.\n`);
    return 0;
  }
  io.stdout.write(`${estimateSentence(request.users.length, args.maxRequestsPerSecond)}\n`);

  // The AWS SDK loads only now.
  // The SDK warns on Node 20 that its releases from 2027 on will need Node 22: not about the SDK
  // bundled here, which runs on Node 20; the warning's eight lines would bury the report.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const { sendUsers, formatReport, writeFailedFile, allIn, lineLogger } = await import('../send');
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    if (++interrupts > 1) process.exit(130);
    io.stderr.write('putusers: interrupted: sending nothing more (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  const progress = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let report;
  try {
    report = await sendUsers(request, {
      ...(args.profile ? { profile: args.profile } : {}),
      ...(args.region ? { region: args.region } : {}),
      ...(args.endpoint ? { endpoint: args.endpoint } : {}),
      ...(args.concurrency ? { concurrency: args.concurrency } : {}),
      ...(args.maxRequestsPerSecond ? { maxRequestsPerSecond: args.maxRequestsPerSecond } : {}),
      signal: controller.signal,
      logger: lineLogger((line) => io.stderr.write(line), logLevel()),
      ...(progress
        ? {
            // \x1b[K: the line may be shorter than the one it overwrites.
            onProgress: (done: number, total: number, { accepted, msLeft }: { accepted: number; msLeft: number }) =>
              io.stderr.write(`\r${progressLine(done, total, accepted, msLeft)}\x1b[K${done === total ? '\n' : ''}`),
          }
        : {}),
    });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (progress && report.accepted + report.rejected + report.failed < report.total) io.stderr.write('\n');
  let failedFile: string | undefined;
  let writeError: string | undefined;
  if (!allIn(report)) {
    try {
      failedFile = writeFailedFile(file, request, report);
    } catch (e) {
      writeError = `putusers: could not write the users not in beside ${file}: ${(e as Error).message}\n`;
    }
  }
  for (const line of formatReport(report, {
    ...(failedFile ? { failedFile } : { source }),
    remedyWords: cliRemedyWords,
  }))
    io.stdout.write(`${line}\n`);
  if (failedFile) io.stdout.write(`Send them with: putusers send ${failedFile}\n`);
  if (writeError) io.stderr.write(writeError);
  return allIn(report) ? 0 : 1;
}

/** `Sending 1,000 users in 100 requests, about 10 s at 10 requests/s.` (and how to go faster, when it is long) */
function estimateSentence(users: number, maxRequestsPerSecond = DEFAULT_REQUESTS_PER_SECOND): string {
  const estimate = estimateSend(users, maxRequestsPerSecond);
  const quota =
    maxRequestsPerSecond === DEFAULT_REQUESTS_PER_SECOND && estimate.ms >= 10_000
      ? ' (the PutUsers quota per dataset group; --max-rps N if your account has a higher one)'
      : '';
  return `Sending ${estimateLine(estimate)}${quota}.`;
}

/** `370 of 1,000 users sent, 370 in, about 1 min 5 s left` */
function progressLine(done: number, total: number, accepted: number, msLeft: number): string {
  const left = done < total ? `, ${about(msLeft)} left` : '';
  return `${count(done)} of ${plural(total, 'user')} sent, ${count(accepted)} in${left}`;
}

const isFolder = (file: string) => {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false; // readInputFile says why it cannot be read
  }
};

interface ToSend {
  request: PutUsersRequest;
  /** Named after it, the users-not-in file. */
  file: string;
  /** What was sent, as the user named it: FILE or DIR. */
  source: string;
}

/** The request of one input file, or the exit code after saying why there is none. */
function readFile(file: string, io: Io): ToSend | number {
  const text = readInputFile(file, io);
  if (text === undefined) return 2;
  const { request, findings, errors } = readRequestToSend(text, formatOfPath(file));
  for (const f of findings) io.stderr.write(`${textLine({ file, ...f })}\n`);
  if (!request) {
    io.stderr.write(`putusers: ${file}: ${plural(errors.length, 'error')}: nothing was sent.\n`);
    return 1;
  }
  return { request, file, source: file };
}

/**
 * The users of every input file of a folder, in name order, as one request; `file` is where the
 * users not in go (beside the folder). Any file with an error, or another dataset, sends nothing.
 * The users-not-in files of earlier sends are left out, and named.
 */
function readFolder(dir: string, io: Io): ToSend | number {
  const { inputs: names, skipped } = folderInputs(readdirSync(dir));
  const leftOut = skipped.length
    ? `${plural(skipped.length, 'users-not-in file')} of earlier sends left out (send each on its own: putusers send FILE): ${skipped.join(', ')}`
    : undefined;
  if (names.length === 0) {
    io.stderr.write(
      `putusers: ${dir} holds no input files (*.putusers.json, .yaml or .yml)${leftOut ? `; ${leftOut}` : ''}\n`,
    );
    return 2;
  }
  const requests: { file: string; request: PutUsersRequest }[] = [];
  let failed = false;
  for (const name of names) {
    const read = readFile(path.join(dir, name), io);
    if (typeof read === 'number') failed = true;
    else requests.push(read);
  }
  if (failed) return 1;
  const datasetArn = requests[0]!.request.datasetArn;
  const other = requests.find((r) => r.request.datasetArn !== datasetArn);
  if (other) {
    io.stderr.write(
      `putusers: ${other.file} is for another dataset than ${requests[0]!.file}: a folder is sent to one dataset; nothing was sent.\n`,
    );
    return 1;
  }
  const users = requests.flatMap((r) => r.request.users);
  io.stdout.write(
    `${dir}: ${plural(users.length, 'user')} from ${plural(names.length, 'file')}, numbered across them in name order${leftOut ? `; ${leftOut}` : ''}.\n`,
  );
  const base = path.basename(path.resolve(dir));
  return {
    request: { datasetArn, users },
    file: path.join(path.dirname(path.resolve(dir)), `${base}.putusers.json`),
    source: dir,
  };
}

function parseArgs(argv: string[]): SendArgs {
  const usage = (message: string) => new UsageError(message, USAGE);
  const { values, positionals: files } = parseCommandLine(
    argv,
    {
      profile: { type: 'string' },
      region: { type: 'string' },
      'endpoint-url': { type: 'string' },
      concurrency: { type: 'string' },
      'max-rps': { type: 'string' },
    },
    USAGE,
  );
  if (files.length !== 1) throw usage(files.length === 0 ? 'send needs a FILE or DIR' : 'send takes one FILE or DIR');
  const args: SendArgs = { file: files[0]! };
  if (values.profile) args.profile = values.profile;
  if (values.region) args.region = values.region;
  if (values['endpoint-url']) args.endpoint = values['endpoint-url'];
  const concurrency = values.concurrency;
  if (concurrency !== undefined) {
    const n = Number(concurrency);
    if (!/^\d+$/.test(concurrency) || n < 1 || n > MAX_CONCURRENCY)
      throw usage(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}, not "${concurrency}"`);
    args.concurrency = n;
  }
  const maxRps = values['max-rps'];
  if (maxRps !== undefined) {
    const n = Number(maxRps);
    if (!/^\d+(\.\d+)?$/.test(maxRps) || !isRequestRate(n))
      throw usage(
        `--max-rps takes PutUsers requests per second for the dataset group, from ${MIN_REQUESTS_PER_SECOND} to ${MAX_REQUESTS_PER_SECOND} (the service's quota is ${DEFAULT_REQUESTS_PER_SECOND} unless your account's was raised), not "${maxRps}"`,
      );
    args.maxRequestsPerSecond = n;
  }
  return args;
}

/** PUTUSERS_LOG=trace|debug|info|warn|error|off: what goes to stderr while sending (default warn). */
function logLevel(): LogLevel {
  const level = process.env['PUTUSERS_LOG'] as LogLevel | undefined;
  return level && LOG_LEVELS.includes(level) ? level : 'warn';
}
