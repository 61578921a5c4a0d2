// `node dist/emulator.js --port P --dataset ARN[=SCHEMA_FILE] [--busy ARN] --access-key K --secret-key S [--region R]
// [--quota N|off] [--quota-burst N]` for demos: runs until interrupted and prints one line per
// request (no user ids, no properties; --quiet: none). It throttles PutUsers beyond the service's
// quota, 10 requests/s per dataset group, unless --quota says another rate or off.
import { type Io, parseCommandLine, UsageError } from '../program/command-line';
import { readFileSync } from 'node:fs';
import { readDatasetSchema } from '../core';
import { burstOf, DEFAULT_QUOTA, type Quota } from './quota';
import { type EmulatedDataset, type Emulator, startEmulator } from './server';

/** `ARN` or `ARN=SCHEMA_FILE` (an ARN has no `=`): the dataset, with the schema its PutUsers are checked against. */
function datasetOf(value: string): EmulatedDataset {
  const at = value.indexOf('=');
  if (at < 0) return { arn: value };
  const file = value.slice(at + 1);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the schema ${file}: ${(e as Error).message}`);
  }
  const { schema, findings } = readDatasetSchema(text);
  if (!schema) throw new UsageError(`${file} is no Users dataset schema: ${findings.map((f) => f.message).join(' ')}`);
  return { arn: value.slice(0, at), schema: text };
}

/** `--quota N|off` and `--quota-burst N`: the PutUsers quota per dataset group, or none. */
function quotaOf(rate: string | undefined, burst: string | undefined): Quota | false {
  if (rate === 'off') {
    if (burst !== undefined) throw new UsageError('--quota-burst needs a quota: not with --quota off');
    return false;
  }
  const requestsPerSecond = rate === undefined ? DEFAULT_QUOTA.requestsPerSecond : Number(rate);
  if (rate !== undefined && !(/^(\d+\.?\d*|\.\d+)$/.test(rate) && requestsPerSecond > 0))
    throw new UsageError(
      `--quota takes PutUsers requests per second per dataset group (a number above 0, e.g. 10 or 0.5) or off, not "${rate}"`,
    );
  if (burst === undefined) return { requestsPerSecond };
  if (!/^\d+$/.test(burst) || Number(burst) < 1)
    throw new UsageError(`--quota-burst takes a whole number of requests, at least 1, not "${burst}"`);
  return { requestsPerSecond, burst: Number(burst) };
}

/** The start line that says the quota. */
function quotaLine(quota: Quota | false): string {
  return quota
    ? `  quota: ${quota.requestsPerSecond} PutUsers requests/s per dataset group, burst ${burstOf(quota)} (--quota off lifts it)\n`
    : '  quota: off\n';
}

const USAGE =
  'Usage: node dist/emulator.js [--port P] [--host H] --dataset ARN[=SCHEMA_FILE]... [--busy ARN...] --access-key K --secret-key S [--region R] [--quota N|off] [--quota-burst N] [--quiet]\n';

/** Starts the emulator from command-line arguments: the running emulator, or the exit code when it did not start. */
export async function runEmulatorCli(args: string[], io: Io): Promise<Emulator | number> {
  try {
    return await start(args, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`emulator: ${e.message}\n\n${USAGE}`);
    return 2;
  }
}

async function start(args: string[], io: Io): Promise<Emulator> {
  const { values, all } = parseCommandLine(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    dataset: { type: 'string' },
    busy: { type: 'string' },
    'access-key': { type: 'string' },
    'secret-key': { type: 'string' },
    region: { type: 'string' },
    quota: { type: 'string' },
    'quota-burst': { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const accessKeyId = values['access-key'];
  const secretAccessKey = values['secret-key'];
  const datasets: EmulatedDataset[] = [
    ...(all.dataset ?? []).map(datasetOf),
    ...(all.busy ?? []).map((arn) => ({ arn, busy: true })),
  ];
  if (!accessKeyId || !secretAccessKey || datasets.length === 0)
    throw new UsageError('--dataset, --access-key and --secret-key are required');
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number');
  const region = values.region;
  const quota = quotaOf(values.quota, values['quota-burst']);
  const emulator = await startEmulator({
    port,
    host: values.host ?? '127.0.0.1',
    credentials: [{ accessKeyId, secretAccessKey }],
    datasets,
    ...(region ? { region } : {}),
    quota,
    onRequest: (r) => {
      if (values.quiet) return;
      const users = r.body.match(/"userId"/g)?.length ?? 0;
      io.stdout.write(
        `#${r.seq} POST /users, ${users} user(s): ${r.status || 'connection dropped'}${r.errorType ? ` ${r.errorType}` : ''}${r.throttledByQuota ? ' (the quota)' : ''}${r.requestId ? ` (request id ${r.requestId})` : ''}\n`,
      );
    },
  });
  io.stdout.write(`Personalize Events emulator on ${emulator.url}\n`);
  for (const d of datasets)
    io.stdout.write(
      `  dataset ${d.arn}${d.busy ? ' (busy: answers ResourceInUseException)' : ''}${
        d.schema
          ? ` (its schema: ${readDatasetSchema(d.schema)
              .schema!.fields.map((f) => f.key)
              .join(', ')})`
          : ''
      }\n`,
    );
  io.stdout.write(quotaLine(quota));
  io.stdout.write(
    `Send with: putusers send FILE --endpoint-url ${emulator.url} --region ${region ?? 'us-east-1'} (with AWS_ACCESS_KEY_ID=${accessKeyId} and its secret in the environment)\n`,
  );
  return emulator;
}
