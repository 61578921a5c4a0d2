// What `npm start` runs, as a function the end-to-end tests start too: the project's Personalize
// Events emulator (demo keys), a HOME of its own (so ~/.aws is never read or written), and the
// real VS Code server with the packaged extension installed from the .vsix, serving a workspace:
// the sample (a copy of examples/; `npm start` keeps it between runs, the tests take a fresh
// one), or a folder of the user's own (not touched). The emulator's endpoint goes to the server's
// machine settings either way, so nothing in a workspace changes from one run to the next.
//
// dist/ is read only when a function here is called: `npm start` imports this module before it
// has built anything.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { isolatedAwsEnv } from './test-sandbox.mjs';
import { freePort, installExtension, repo, serverDirs, startServer, workbenchUrl } from './vscode-server/server.mjs';

const require = createRequire(import.meta.url);
const emulatorModule = () => require(path.join(repo, 'dist', 'emulator.js'));

/** Credentials the emulator knows; they are nobody's AWS keys. */
export const demoKeys = () => emulatorModule().LOCAL_EMULATOR_KEYS;
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
  const keys = demoKeys();
  const env = isolatedAwsEnv(path.join(home, '.aws'), {
    config: `[default]\nregion = ${DEMO_REGION}\n`,
    credentials: `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
  });
  return { ...env, HOME: home };
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The sample workspace at `dir`: made from examples/ when there is none (with `startupEditor` in its
 * settings), else left as it is, with whatever the user added, changed or removed. Returns whether
 * it was made now.
 */
function ensureSampleWorkspace(dir, startupEditor = 'readme') {
  if (fs.existsSync(dir)) return false;
  fs.cpSync(SAMPLE_WORKSPACE, dir, { recursive: true });
  writeJson(path.join(dir, '.vscode', 'settings.json'), { 'workbench.startupEditor': startupEditor });
  return true;
}

/**
 * Starts the emulator and VS Code with the extension of `vsix`. Options: `port` (VS Code's, 0 for
 * any free one), `host`, `emulatorPort` (0: any), `folder` (a workspace of the user's own instead
 * of the sample), `sample` (where the sample workspace is kept, made if missing; by default a
 * fresh copy that stop() deletes), `onRequest(line)` for each request the emulator answered,
 * `startupEditor` (the sample's `workbench.startupEditor` when it is made: its README by default).
 * Resolves to { url, emulator, workspace, sampleMade, root, stop() } once the server listens;
 * stop() deletes `root` (this run's VS Code state and log), never `sample` or `folder`.
 */
export async function startDemo({
  vsix,
  port = 0,
  host = '127.0.0.1',
  emulatorPort = 0,
  folder,
  sample,
  onRequest = () => undefined,
  startupEditor = 'readme',
}) {
  const { startEmulator } = emulatorModule();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-start-'));
  const stops = [() => fs.rmSync(root, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s();
  };
  try {
    const emulator = await startEmulator({
      port: emulatorPort,
      host: '127.0.0.1',
      credentials: [demoKeys()],
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
    writeJson(path.join(dirs.userData, 'Machine', 'settings.json'), { 'putUsers.endpoint': emulator.url });
    let workspace;
    let sampleMade = false;
    if (folder === undefined) {
      workspace = path.resolve(sample ?? path.join(root, 'workspace'));
      sampleMade = ensureSampleWorkspace(workspace, startupEditor);
    } else {
      workspace = path.resolve(folder);
      if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory())
        throw new Error(`--workspace ${folder}: no such folder`);
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
      sampleMade,
      root,
      serverLog: path.join(root, 'server.log'),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
