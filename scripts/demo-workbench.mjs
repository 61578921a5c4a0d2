// What `npm start` runs, as a function the end-to-end tests start too: the project's Personalize
// Events emulator (demo keys), a HOME of its own (so ~/.aws is never read or written), and the
// real VS Code server with the packaged extension installed from the .vsix, serving a workspace:
// a fresh copy of examples/ whose settings point putUsers.endpoint at the emulator, or a folder
// of the user's own (the endpoint then goes to the server's machine settings; the folder is not
// touched).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, installExtension, repo, serverDirs, startServer, workbenchUrl } from './vscode-server/server.mjs';

const require = createRequire(import.meta.url);

/** Credentials the emulator knows; they are nobody's AWS keys. */
export const DEMO_KEYS = { accessKeyId: 'AKIDPUTUSERSDEMO0001', secretAccessKey: 'demo-secret-key-not-a-real-one' };
export const DEMO_REGION = 'us-east-1';
export const SAMPLE_WORKSPACE = path.join(repo, 'examples');

/** The dataset ARNs the sample files name (the emulator knows these datasets). */
function sampleDatasetArns() {
  const arns = new Set();
  for (const name of fs.readdirSync(SAMPLE_WORKSPACE)) {
    const match = /datasetArn["']?\s*:\s*["']?(arn:[^"'\s,]+)/.exec(
      fs.readFileSync(path.join(SAMPLE_WORKSPACE, name), 'utf8'),
    );
    if (match) arns.add(match[1]);
  }
  return [...arns];
}

/** A HOME with a default profile of the demo keys; returns the AWS variables that point at it. */
function demoHome(home) {
  const aws = path.join(home, '.aws');
  fs.mkdirSync(aws, { recursive: true });
  fs.writeFileSync(path.join(aws, 'config'), `[default]\nregion = ${DEMO_REGION}\n`);
  fs.writeFileSync(
    path.join(aws, 'credentials'),
    `[default]\naws_access_key_id = ${DEMO_KEYS.accessKeyId}\naws_secret_access_key = ${DEMO_KEYS.secretAccessKey}\n`,
  );
  // The machine's AWS_* variables are left out (undefined is dropped by spawn): only the demo profile counts.
  const env = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('AWS_'))
      .map((k) => [k, undefined]),
  );
  return {
    ...env,
    HOME: home,
    AWS_CONFIG_FILE: path.join(aws, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Starts the emulator and VS Code with the extension of `vsix`. Options: `port` (VS Code's, 0 for
 * any free one), `host`, `emulatorPort` (0: any), `folder` (a workspace of the user's own instead
 * of the sample), `onRequest(line)` for each request the emulator answered.
 * Resolves to { url, emulator, workspace, root, stop() } once the server listens.
 */
export async function startDemo({
  vsix,
  port = 0,
  host = '127.0.0.1',
  emulatorPort = 0,
  folder,
  onRequest = () => undefined,
}) {
  const { startEmulator } = require(path.join(repo, 'dist', 'emulator.js'));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-start-'));
  const stops = [() => fs.rmSync(root, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s();
  };
  try {
    const emulator = await startEmulator({
      port: emulatorPort,
      host: '127.0.0.1',
      credentials: [DEMO_KEYS],
      datasets: sampleDatasetArns().map((arn) => ({ arn })),
      anyDataset: folder !== undefined, // the user's datasets cannot be known in advance
      onRequest: (r) => {
        const users = r.body.match(/"userId"/g)?.length ?? 0; // counted, never shown
        onRequest(
          `#${r.seq} PutUsers, ${users} user${users === 1 ? '' : 's'}: ${r.status || 'connection dropped'}${r.errorType ? ` ${r.errorType}` : ''}`,
        );
      },
    });
    stops.push(() => emulator.close());

    const env = demoHome(path.join(root, 'home'));
    const dirs = serverDirs(path.join(root, 'vscode'));
    const settings = { 'putUsers.endpoint': emulator.url };
    let workspace;
    if (folder === undefined) {
      workspace = path.join(root, 'workspace');
      fs.cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });
      writeJson(path.join(workspace, '.vscode', 'settings.json'), { ...settings, 'workbench.startupEditor': 'readme' });
    } else {
      workspace = path.resolve(folder);
      if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory())
        throw new Error(`--workspace ${folder}: no such folder`);
      writeJson(path.join(dirs.userData, 'Machine', 'settings.json'), settings);
    }
    installExtension(vsix, dirs, env);
    const serverLog = fs.createWriteStream(path.join(root, 'server.log'));
    stops.push(() => new Promise((resolve) => serverLog.end(resolve)));
    // The sample is ours: trusted, so Send File works at once. A folder of the user's own asks, as VS Code does.
    const server = await startServer({
      port: port || (await freePort(host)),
      host,
      dirs,
      trust: folder !== undefined,
      env,
      logStream: serverLog,
    });
    stops.push(() => server.stop());
    return {
      url: workbenchUrl(server.url, workspace),
      server,
      emulator,
      workspace,
      root,
      serverLog: path.join(root, 'server.log'),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
