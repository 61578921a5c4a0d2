// The `putusers` command line: a thin layer over the core.
import { SKELETON_KINDS, type SkeletonKind, skeleton } from '../core';
import { type Io, nodeIo, UsageError } from './io';
import { runFromCli } from './from-cli-command';
import { runToCli } from './to-cli-command';
import { runValidate } from './validate-command';

const USAGE = `Usage:
  putusers validate [--format text|json] [--dataset-schema SCHEMA] FILE...
  putusers skeleton [input|yaml-input|output]
  putusers send FILE|DIR [--profile P] [--region R] [--endpoint-url URL] [--concurrency N] [--max-rps N]
  putusers import USERS.csv --dataset-arn ARN [--dataset-schema SCHEMA] [--out DIR] [--format json|yaml]
  putusers to-cli FILE [--shell bash|powershell|cmd] [--inline]
  putusers from-cli [--yaml] [--cwd DIR] [--shell bash|powershell|cmd]

validate  reports what the AWS CLI and the service would reject, as FILE:LINE:COL lines
          (exit 1 when an error was found, 0 otherwise, 2 on a usage error or unreadable file);
          with --dataset-schema (the Users dataset's Avro schema, as CreateSchema takes it),
          properties are checked against it too
skeleton  prints the AWS CLI's --generate-cli-skeleton output for put-users
send      sends FILE as PutUsers requests of at most 10 users, at most --max-rps a second
          (default 10, the service's quota per dataset group); throttled requests are sent
          again, slower; the users not in go to a new file beside it (exit 0 only when every
          user got in); a DIR sends all its *.putusers.json|yaml|yml files in name order as
          one send
import    turns a bulk-import users CSV (header USER_ID,...) into input files of at most 10
          users, <name>-0001.putusers.json and on, in DIR (default: beside the CSV); rows it
          cannot take are printed as CSV:LINE:COLUMN lines (exit 1 when any, 0 otherwise)
to-cli    prints the aws personalize-events put-users command that sends FILE, quoted for the
          shell (default bash): --cli-input-json|yaml file://FILE, or with --inline
          --dataset-arn and --users (shorthand where the values allow it, else JSON); a FILE
          with errors prints them on stderr as validate does (exit 1)
from-cli  reads one aws personalize-events put-users command line on stdin and prints the
          input file that sends the same request (JSON, or YAML with --yaml); file:// paths
          are read from --cwd (default .); a command the AWS CLI would reject prints why on
          stderr (exit 1)
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return runValidate(rest, io);
      case 'import': {
        const { runImport } = await import('./import-command');
        return await runImport(rest, io);
      }
      case 'skeleton':
        return runSkeleton(rest, io);
      case 'to-cli':
        return runToCli(rest, io);
      case 'from-cli':
        return runFromCli(rest, io);
      case 'send': {
        // Loaded only for `send`: the AWS SDK stays out of validate's start-up.
        const { runSend } = await import('./send-command');
        return await runSend(rest, io);
      }
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`putusers: ${e.message}\n\n${e.usage ?? USAGE}`);
      return 2;
    }
    throw e;
  }
}

function runSkeleton(args: string[], io: Io): number {
  if (args.length > 1) throw new UsageError('skeleton takes at most one kind');
  const kind = (args[0] ?? 'input') as SkeletonKind;
  if (!SKELETON_KINDS.includes(kind))
    throw new UsageError(`unknown skeleton kind "${kind}" (input, yaml-input or output)`);
  io.stdout.write(skeleton(kind));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), nodeIo).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`putusers: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
