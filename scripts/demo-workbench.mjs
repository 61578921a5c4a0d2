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
import { isolatedAwsEnv } from './test-sandbox.mjs';
import { freePort, installExtension, repo, serverDirs, startServer, workbenchUrl } from './vscode-server/server.mjs';

const require = createRequire(import.meta.url);

/** Credentials the emulator knows; they are nobody's AWS keys. */
export const DEMO_KEYS = require(path.join(repo, 'dist', 'emulator.js')).LOCAL_EMULATOR_KEYS;
export const DEMO_REGION = 'us-east-1';
export const SAMPLE_WORKSPACE = path.join(repo, 'examples');

/** The dataset ARNs the input files among `files` name, read with the core's parser (the emulator gets to know these datasets). */
export function datasetArnsOf(files) {
  const { formatOfPath, member, parseDocument } = require(path.join(repo, 'dist', 'core.js'));
  const arns = new Set();
  for (const file of files) {
    if (!/\.(json|ya?ml)$/i.test(file)) continue;
    const { root } = parseDocument(fs.readFileSync(file, 'utf8'), formatOfPath(file));
    const arn = root?.type === 'dict' ? member(root, 'datasetArn')?.value : undefined;
    if (arn?.type === 'str') arns.add(arn.value);
  }
  return [...arns];
}

/** A HOME whose default profile has the demo keys and region; returns the environment that points at it. */
export function demoHome(home) {
  const env = isolatedAwsEnv(path.join(home, '.aws'), {
    config: `[default]\nregion = ${DEMO_REGION}\n`,
    credentials: `[default]\naws_access_key_id = ${DEMO_KEYS.accessKeyId}\naws_secret_access_key = ${DEMO_KEYS.secretAccessKey}\n`,
  });
  return { ...env, HOME: home };
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Starts the emulator and VS Code with the extension of `vsix`. Options: `port` (VS Code's, 0 for
 * any free one), `host`, `emulatorPort` (0: any), `folder` (a workspace of the user's own instead
 * of the sample), `onRequest(line)` for each request the emulator answered, `startupEditor` (the
 * sample's `workbench.startupEditor`: its README by default).
 * Resolves to { url, emulator, workspace, root, stop() } once the server listens.
 */
export async function startDemo({
  vsix,
  port = 0,
  host = '127.0.0.1',
  emulatorPort = 0,
  folder,
  onRequest = () => undefined,
  startupEditor = 'readme',
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
      datasets: datasetArnsOf(fs.readdirSync(SAMPLE_WORKSPACE).map((name) => path.join(SAMPLE_WORKSPACE, name))).map(
        (arn) => ({ arn }),
      ),
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
      writeJson(path.join(workspace, '.vscode', 'settings.json'), {
        ...settings,
        'workbench.startupEditor': startupEditor,
      });
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
