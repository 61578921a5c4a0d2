// `node dist/emulator.js --port P --dataset ARN [--busy ARN] --access-key K --secret-key S [--region R]`
// for demos: runs until interrupted and prints one line per request (no user ids, no properties;
// --quiet: none).
import { startEmulator } from './server';

const USAGE =
  'Usage: node dist/emulator.js [--port P] [--host H] --dataset ARN... [--busy ARN...] --access-key K --secret-key S [--region R] [--quiet]\n';

/** Starts the emulator from command-line arguments; resolves to an exit code only when it did not start. */
export async function runEmulatorCli(args: string[]): Promise<number | undefined> {
  const values = new Map<string, string[]>();
  const quiet = args.includes('--quiet');
  args = args.filter((a) => a !== '--quiet');
  for (let i = 0; i < args.length; i++) {
    const m = /^--(port|host|dataset|busy|access-key|secret-key|region)(?:=(.*))?$/.exec(args[i]!);
    const value = m?.[2] ?? args[i + 1];
    if (!m || value === undefined) {
      process.stderr.write(`emulator: ${m ? `--${m[1]} needs a value` : `unknown argument "${args[i]}"`}\n${USAGE}`);
      return 2;
    }
    if (m[2] === undefined) i++;
    values.set(m[1]!, [...(values.get(m[1]!) ?? []), value]);
  }
  const one = (name: string) => values.get(name)?.at(-1);
  const accessKeyId = one('access-key');
  const secretAccessKey = one('secret-key');
  const datasets: { arn: string; busy?: boolean }[] = [
    ...(values.get('dataset') ?? []).map((arn) => ({ arn })),
    ...(values.get('busy') ?? []).map((arn) => ({ arn, busy: true })),
  ];
  if (!accessKeyId || !secretAccessKey || datasets.length === 0) {
    process.stderr.write(`emulator: --dataset, --access-key and --secret-key are required\n${USAGE}`);
    return 2;
  }
  const port = Number(one('port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`emulator: --port takes a port number\n${USAGE}`);
    return 2;
  }
  const region = one('region');
  const emulator = await startEmulator({
    port,
    host: one('host') ?? '127.0.0.1',
    credentials: [{ accessKeyId, secretAccessKey }],
    datasets,
    ...(region ? { region } : {}),
    onRequest: (r) => {
      if (quiet) return;
      const users = r.body.match(/"userId"/g)?.length ?? 0;
      process.stdout.write(
        `#${r.seq} POST /users, ${users} user(s): ${r.status || 'connection dropped'}${r.errorType ? ` ${r.errorType}` : ''}${r.requestId ? ` (request id ${r.requestId})` : ''}\n`,
      );
    },
  });
  process.stdout.write(`Personalize Events emulator on ${emulator.url}\n`);
  for (const d of datasets)
    process.stdout.write(`  dataset ${d.arn}${d.busy ? ' (busy: answers ResourceInUseException)' : ''}\n`);
  process.stdout.write(
    `Send with: putusers send FILE --endpoint-url ${emulator.url} --region ${region ?? 'us-east-1'} (with AWS_ACCESS_KEY_ID=${accessKeyId} and its secret in the environment)\n`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}
