// "PutUsers: Start Local Emulator": the project's Personalize Events emulator (dist/emulator.js,
// loaded on first use) listening on this machine, and every send of this window going to it with
// its own keys until it stops. To try Send without an AWS account (the Get Started walkthrough),
// or a payload without touching a real dataset. It takes any Users dataset ARN, as if it existed,
// and answers as the service does (validation, InvalidInputException). Logs counts, never users.
import * as vscode from 'vscode';
import type * as EmulatorModule from '../../emulator';
import { LOCAL_EMULATOR_KEYS } from '../../emulator/local-keys';
import { plural } from '../../core';
import { CONTEXT_KEY } from '../command-ids';
import { settings } from '../settings';

export interface LocalEmulator {
  /** Its URL while it runs. */
  readonly url: string | undefined;
  start(): Promise<string>;
  stop(): Promise<void>;
  readonly onDidChange: vscode.Event<string | undefined>;
}

export { LOCAL_EMULATOR_KEYS };

export function createLocalEmulator(subscriptions: vscode.Disposable[], log: vscode.LogOutputChannel): LocalEmulator {
  const changed = new vscode.EventEmitter<string | undefined>();
  let running: Promise<EmulatorModule.Emulator> | undefined;
  let url: string | undefined;
  const announce = (now: string | undefined) => {
    url = now;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.localEmulatorRunning, now !== undefined);
    log.info(now ? `local emulator listening at ${now}` : 'local emulator stopped');
    changed.fire(now);
  };
  const stop = async () => {
    const was = running;
    running = undefined;
    if (!was) return;
    await was.then((emulator) => emulator.close()).catch(() => undefined); // one that never started has nothing to close
    if (url) announce(undefined);
  };
  const start = async () => {
    if (running) return (await running).url;
    running = loadEmulator().startEmulator({
      port: 0,
      credentials: [LOCAL_EMULATOR_KEYS],
      datasets: [],
      anyDataset: true,
      onRequest: (r) => {
        const users = r.body.match(/"userId"/g)?.length ?? 0; // counted, never shown
        log.info(
          `local emulator: request #${r.seq}, ${plural(users, 'user')}: ${r.status || 'connection dropped'}${r.errorType ? ` ${r.errorType}` : ''}`,
        );
      },
    });
    try {
      const emulator = await running;
      announce(emulator.url);
      return emulator.url;
    } catch (e) {
      running = undefined;
      throw e;
    }
  };
  subscriptions.push(changed, { dispose: () => void stop() });
  return {
    get url() {
      return url;
    },
    start,
    stop,
    onDidChange: changed.event,
  };
}

/** The command: starts it (or finds it running) and says where sends go now; resolves to its URL. */
export async function startLocalEmulator(emulator: LocalEmulator): Promise<string | undefined> {
  try {
    const url = await emulator.start();
    void vscode.window
      .showInformationMessage(
        `PutUsers: the local emulator listens at ${url}. Sends from this window go to it, with its own keys, until you stop it: nothing reaches AWS.`,
        'Stop',
      )
      .then((choice) => {
        if (choice === 'Stop') void emulator.stop();
      });
    return url;
  } catch (e) {
    void vscode.window.showErrorMessage(
      `PutUsers: the local emulator did not start: ${e instanceof Error ? e.message : String(e)}.`,
    );
    return undefined;
  }
}

/** Stops it, and says where sends go now (what it says, for tests; undefined when it was not running). */
export async function stopLocalEmulator(emulator: LocalEmulator): Promise<string | undefined> {
  if (!emulator.url) return undefined;
  await emulator.stop();
  // Where the settings send: AWS, or the endpoint they name (`npm start`'s emulator, a proxy).
  const { endpoint } = settings.target();
  const message = `PutUsers: the local emulator stopped. Sends go to ${endpoint ? `${endpoint} (putUsers.endpoint)` : 'AWS'} again.`;
  void vscode.window.showInformationMessage(message);
  return message;
}

function loadEmulator(): typeof EmulatorModule {
  // `./emulator.js` is external in the bundle (scripts/build.mjs), as `./send.js` is: loaded on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./emulator.js') as typeof EmulatorModule;
}
