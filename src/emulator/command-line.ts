// `node dist/emulator.js --port P --dataset ARN [--busy ARN] --access-key K --secret-key S [--region R]`
// for demos: runs until interrupted and prints one line per request (no user ids, no properties;
// --quiet: none).
import { type Io, parseCommandLine, UsageError } from '../core/command-line';
import { type Emulator, startEmulator } from './server';

const USAGE =
  'Usage: node dist/emulator.js [--port P] [--host H] --dataset ARN... [--busy ARN...] --access-key K --secret-key S [--region R] [--quiet]\n';

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
    quiet: { type: 'boolean' },
  });
  const accessKeyId = values['access-key'];
  const secretAccessKey = values['secret-key'];
  const datasets: { arn: string; busy?: boolean }[] = [
    ...(all.dataset ?? []).map((arn) => ({ arn })),
    ...(all.busy ?? []).map((arn) => ({ arn, busy: true })),
  ];
  if (!accessKeyId || !secretAccessKey || datasets.length === 0)
    throw new UsageError('--dataset, --access-key and --secret-key are required');
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number');
  const region = values.region;
  const emulator = await startEmulator({
    port,
    host: values.host ?? '127.0.0.1',
    credentials: [{ accessKeyId, secretAccessKey }],
    datasets,
    ...(region ? { region } : {}),
    onRequest: (r) => {
      if (values.quiet) return;
      const users = r.body.match(/"userId"/g)?.length ?? 0;
      io.stdout.write(
        `#${r.seq} POST /users, ${users} user(s): ${r.status || 'connection dropped'}${r.errorType ? ` ${r.errorType}` : ''}${r.requestId ? ` (request id ${r.requestId})` : ''}\n`,
      );
    },
  });
  io.stdout.write(`Personalize Events emulator on ${emulator.url}\n`);
  for (const d of datasets)
    io.stdout.write(`  dataset ${d.arn}${d.busy ? ' (busy: answers ResourceInUseException)' : ''}\n`);
  io.stdout.write(
    `Send with: putusers send FILE --endpoint-url ${emulator.url} --region ${region ?? 'us-east-1'} (with AWS_ACCESS_KEY_ID=${accessKeyId} and its secret in the environment)\n`,
  );
  return emulator;
}
