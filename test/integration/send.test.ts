// "PutUsers: Send File" in a real VS Code, against the project's Personalize Events emulator
// (started here, in the extension host). Credentials come from a profile in the shared files the
// launcher points AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at; the endpoint from the
// workspace settings (honoured: the workspace is trusted). Users and secrets are registered as
// sensitive: the launcher fails the run when one of them is in any log file.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { type PutUsersRequest, readRequest, type User } from '../../src/core';
import type { Emulator } from '../../src/emulator';
import type { SendFileResult as SendResult } from '../../src/extension/send/send-file';
import {
  ARN,
  assertNothingLostNothingTwice,
  BUSY_ARN,
  KEYS,
  startTestEmulator,
  UNKNOWN_ARN,
  userKey,
} from '../support/emulator-harness';
import { registerSensitive as sensitive, sensitiveOfUsers } from '../support/sensitive';
import { pollUntil } from '../support/values';
import { closeAllEditors, fixtureUri, waitForEvent } from './helpers';

const RUN = Math.random().toString(36).slice(2, 8);
/** Users whose ids and properties must never reach a log. */
function users(n: number, tag: string): User[] {
  const out = Array.from({ length: n }, (_, k) => ({
    userId: `vsc-${RUN}-${tag}-${k}`,
    properties: JSON.stringify({ age: String(20 + k), secretNote: `pii-${RUN}-${tag}-${k}` }),
  }));
  sensitive(...sensitiveOfUsers(out));
  return out;
}
/** The number at the end of a user id of users(). */
const indexOf = (u: User) => Number(u.userId.split('-').at(-1));

const config = () => vscode.workspace.getConfiguration('putUsers');
const send = (uri?: vscode.Uri, confirmed = true) =>
  vscode.commands.executeCommand<SendResult>('putUsers.sendFile', uri, { confirmed });

async function writeInput(
  name: string,
  request: PutUsersRequest,
  format: 'json' | 'yaml' = 'json',
): Promise<vscode.Uri> {
  const { writeInput: write } = await import('../../src/core');
  const uri = fixtureUri(`send/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(write(request, format)));
  return uri;
}

/** Writes an input that is open (Send File opened it), and waits until its document holds the new text. */
async function rewriteOpen(uri: vscode.Uri, request: PutUsersRequest): Promise<void> {
  const { writeInput: write } = await import('../../src/core');
  const text = write(request, 'json');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await pollUntil(
    () => (document.getText() === text ? true : undefined),
    10_000,
    () => `${uri.path} was not read again`,
  );
}

function sent(result: SendResult | undefined): Extract<SendResult, { status: 'sent' }> {
  assert.equal(result?.status, 'sent', `the command's result: ${JSON.stringify(result)}`);
  return result as Extract<SendResult, { status: 'sent' }>;
}

/** The users of the users-not-in file the command wrote (read back with the core, as the CLI would). */
function usersNotIn(result: Extract<SendResult, { status: 'sent' }>, datasetArn = ARN): User[] {
  assert.ok(result.failedFile, `a users-not-in file was written: ${result.reportLines.join('\n')}`);
  const uri = vscode.Uri.parse(result.failedFile);
  assert.match(uri.path, /\.failed-\d{8}T\d{6}Z(-\d+)?\.putusers\.(json|yaml)$/);
  const text = readFileSync(uri.fsPath, 'utf8');
  const { request, findings } = readRequest(text, uri.path.endsWith('.yaml') ? 'yaml' : 'json');
  assert.deepEqual(
    findings.filter((f) => f.code.startsWith('cli/')),
    [],
    'the users-not-in file is valid for the AWS CLI',
  );
  assert.equal(request?.datasetArn, datasetArn);
  return request!.users;
}

/** No user got in: no users-not-in file (it would be `original` again), and the report says `original` is still the one to send. */
function assertNoCopyOf(result: Extract<SendResult, { status: 'sent' }>, original: string): void {
  assert.equal(result.failedFile, undefined, result.reportLines.join('\n'));
  assert.ok(!result.actions.includes('Open Users Not In'), result.actions.join(', '));
  assert.match(
    result.reportLines.at(-1)!,
    new RegExp(
      `^(Nothing was sent|No user got in), so no users-not-in file was written: ${original.replace(/[.]/g, '\\.')} is still the one to send\\.$`,
    ),
  );
  const folder = path.dirname(fixtureUri(original).fsPath);
  const stem = path.basename(original).replace(/\.putusers\.json$/, '');
  assert.deepEqual(
    readdirSync(folder).filter((n) => n.startsWith(`${stem}.failed-`)),
    [],
    'no copy beside the file',
  );
}

/** The CodeLenses of `uri` once the profile · region one is there (the target is read asynchronously, without the SDK), and, when given, has the title `title`. */
async function lensesOnceTargetRead(uri: vscode.Uri, title?: string): Promise<vscode.CodeLens[]> {
  await vscode.window.showTextDocument(uri);
  let lenses: vscode.CodeLens[] = [];
  return pollUntil(
    async () => {
      lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      const target = lenses.find((l) => l.command?.command === 'putUsers.chooseProfile');
      return target && (title === undefined || target.command?.title === title) ? lenses : undefined;
    },
    10_000,
    () =>
      `no profile · region CodeLens${title ? ` titled ${title}` : ''}; lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`,
  );
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('PutUsers: Send File (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: Emulator;

  /** Fires when the emulator has answered (or dropped) a request. */
  const answered = new vscode.EventEmitter<void>();

  before(async () => {
    emulator = await startTestEmulator({ onRequest: () => answered.fire() });
    sensitive(KEYS.secretAccessKey);
    writeFileSync(
      process.env['AWS_CONFIG_FILE']!,
      '[profile emulator]\nregion = us-east-1\n[profile noregion]\noutput = json\n',
    );
    writeFileSync(
      process.env['AWS_SHARED_CREDENTIALS_FILE']!,
      `[emulator]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n[noregion]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    );
    await config().update('profile', 'emulator', vscode.ConfigurationTarget.Global);
    // From the workspace settings: honoured because the workspace is trusted.
    await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Workspace);
  });
  beforeEach(() => {
    emulator.clear();
    emulator.setFaults([]);
  });
  afterEach(async () => {
    for (const key of ['concurrency', 'region', 'maxRequestsPerSecond'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await config().update('profile', 'emulator', vscode.ConfigurationTarget.Global);
    await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });
  after(async () => {
    for (const key of ['profile', 'endpoint', 'concurrency', 'region', 'maxRequestsPerSecond']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await emulator?.close();
    answered.dispose();
  });

  it('has not loaded the AWS SDK before the first send', () => {
    const loaded = Object.keys(require.cache).filter((m) =>
      /[\\/]dist[\\/]send\.js$|client-personalize-events/.test(m),
    );
    assert.deepEqual(loaded, [], 'activation, diagnostics, completions and the status bar must not load dist/send.js');
  });

  it('sends a file of up to 10 users in one request, signed with the profile, to the workspace endpoint', async () => {
    const input = users(7, 'happy');
    const uri = await writeInput('happy.putusers.json', { datasetArn: ARN, users: input });
    const result = sent(await send(uri, false)); // 7 users, no warnings: nothing to confirm
    assert.equal(result.report.accepted, 7);
    assert.equal(result.report.requests.length, 1);
    assert.equal(result.failedFile, undefined, 'every user got in: no users-not-in file');
    assert.deepEqual(result.actions, ['Show Report'], 'all in: the report is the only button');
    assert.deepEqual(emulator.acceptedUsers(), input, 'the emulator has exactly the file, in order');
    assert.equal(emulator.requests[0]!.scope?.region, 'us-east-1', "the profile's region");
    assert.equal(result.report.endpoint, emulator.url);
    assert.ok(
      Object.keys(require.cache).some((m) => /[\\/]dist[\\/]send\.js$/.test(m)),
      'the engine is loaded now',
    );
  });

  it('sends more than 10 users as consecutive requests of at most 10, in file order (YAML)', async () => {
    const input = users(23, 'many');
    const uri = await writeInput('many.putusers.yaml', { datasetArn: ARN, users: input }, 'yaml');
    const result = sent(await send(uri));
    assert.equal(result.report.accepted, 23);
    assert.deepEqual(
      result.report.requests.map((r) => [r.first, r.users]).sort((a, b) => a[0]! - b[0]!),
      [
        [0, 10],
        [10, 10],
        [20, 3],
      ],
    );
    assert.deepEqual(emulator.accepted.map((a) => a.users.length).sort(), [10, 10, 3]);
    assert.deepEqual(emulator.acceptedUsers().map(userKey).sort(), input.map(userKey).sort());
    assert.ok(
      emulator.accepted.every((a) => a.users.every((u, k) => k === 0 || indexOf(u) === indexOf(a.users[k - 1]!) + 1)),
      'each request holds consecutive users',
    );
  });

  // VS Code refuses modal dialogs in extension tests (DialogService.skipDialogs): it throws with
  // the dialog's text, which shows what was asked; nothing may have been sent.
  it('asks before sending more than 10 users as several requests', async () => {
    const input = users(23, 'ask');
    const uri = await writeInput('ask-many.putusers.json', { datasetArn: ARN, users: input });
    await assert.rejects(
      Promise.resolve(send(uri, false)),
      /refused to show dialog in tests\. Contents: PutUsers: send\/ask-many\.putusers\.json has 23 users, and one PutUsers request takes at most 10: the service would reject the file as one request\.$/,
    );
    assert.equal(emulator.requests.length, 0);
    assert.equal(
      sent(await send(uri, true)).report.accepted,
      23,
      'sends when confirmed (the file is not left claimed)',
    );
  });

  it('asks before sending a file with warnings, and says the first', async () => {
    const input = [{ userId: `vsc-${RUN}-warn-0`, properties: '{"Age": "30"}' }];
    sensitive(input[0]!.userId);
    const uri = await writeInput('ask-warning.putusers.json', { datasetArn: ARN, users: input });
    await assert.rejects(
      Promise.resolve(send(uri, false)),
      /Contents: PutUsers: send\/ask-warning\.putusers\.json has 1 warning\. First, line 6: Property key "Age" is not camelCase/,
    );
    assert.equal(emulator.requests.length, 0);
    assert.equal(sent(await send(uri, true)).report.accepted, 1, 'and sends it when confirmed');
  });

  it('stops on errors in the file and sends nothing', async () => {
    const result = await send(fixtureUri('putusers/errors.putusers.json'));
    assert.equal(result?.status, 'invalid');
    assert.ok((result as { errors: number }).errors >= 3);
    assert.equal(emulator.requests.length, 0);
  });

  it('finds the users the service rejects, gets every other user in, and writes the rejected ones beside the file', async () => {
    const input = users(23, 'reject');
    emulator.setFaults([
      {
        fault: {
          kind: 'reject-user',
          userIds: [input[4]!.userId, input[17]!.userId],
          message: 'The property age is not valid.',
        },
      },
    ]);
    const uri = await writeInput('reject.putusers.json', { datasetArn: ARN, users: input });
    const result = sent(await send(uri));
    assert.equal(result.report.accepted, 21);
    assert.equal(result.report.rejected, 2);
    assert.deepEqual(
      result.report.notIn.map((n) => [n.index, n.status, n.message]),
      [
        [4, 'rejected', 'The property age is not valid.'],
        [17, 'rejected', 'The property age is not valid.'],
      ],
    );
    const notIn = usersNotIn(result);
    assert.deepEqual(notIn, [input[4], input[17]]);
    assertNothingLostNothingTwice(emulator, input, notIn);
    assert.deepEqual(
      result.actions,
      ['Go to users[4]', 'Open Users Not In', 'Show Report'],
      'rejected users: go to the first, nothing to set',
    );
    // Show Report's document: read-only, its users[N] linked to the users, with tooltips that
    // VS Code's Markdown rendering of link text leaves as they are (no brackets, no backslashes).
    const report = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.reportUri));
    assert.equal(report.uri.scheme, 'putusers-report');
    assert.equal(report.getText(), result.reportLines.join('\n') + '\n');
    await vscode.window.showTextDocument(report);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', report.uri);
    // In the request lines of the search for the rejected users, and in their own lines.
    const rejectedLinks = links.filter((l) => /^users\[(4|17)\]$/.test(report.getText(l.range)));
    assert.ok(rejectedLinks.length >= 2, links.map((l) => report.getText(l.range)).join(', '));
    const document = await vscode.workspace.openTextDocument(uri);
    for (const link of rejectedLinks) {
      const k = Number(/\d+/.exec(report.getText(link.range))![0]);
      const line = document.positionAt(document.getText().indexOf(`"${input[k]!.userId}"`)).line;
      assert.equal(link.target?.with({ fragment: '' }).toString(), uri.toString());
      assert.ok(Math.abs(Number(link.target!.fragment.slice(1)) - 1 - line) <= 1, `users[${k}] links to its user`);
      assert.equal(
        link.tooltip,
        `Go to the user at index ${k}: line ${link.target!.fragment.slice(1)} of send/reject.putusers.json`,
      );
      assert.doesNotMatch(link.tooltip!, /[[\]\\*_`]/, 'nothing Markdown link text would eat');
    }
    // Each rejected user carries the service's message in the file, on its userId, until the next edit.
    const marked = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'PutUsers (service)')
      .map((d) => [document.getText(d.range), d.message, d.severity]);
    assert.deepEqual(marked, [
      [
        JSON.stringify(input[4]!.userId),
        'The service rejected users[4]: The property age is not valid.',
        vscode.DiagnosticSeverity.Error,
      ],
      [
        JSON.stringify(input[17]!.userId),
        'The service rejected users[17]: The property age is not valid.',
        vscode.DiagnosticSeverity.Error,
      ],
    ]);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), ' ');
    await vscode.workspace.applyEdit(edit);
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'PutUsers (service)'),
      [],
      'an edit clears them (the indexes may no longer be those users)',
    );
    assert.ok(
      result.reportLines.some((l) => l.trim().startsWith('users[4]: rejected: The property age is not valid.')),
      result.reportLines.join('\n'),
    );
  });

  for (const [what, fault, times] of [
    ['throttling (HTTP 400 ThrottlingException)', { kind: 'throttle' }, 2],
    ['throttling (HTTP 429)', { kind: 'throttle', status: 429 }, 1],
    ['HTTP 500', { kind: 'status', status: 500 }, 2],
    ['HTTP 503', { kind: 'status', status: 503 }, 1],
    ['a dropped connection', { kind: 'drop' }, 1],
    ['a slow answer', { kind: 'delay', ms: 300 }, 2],
  ] as const) {
    const retried = fault.kind !== 'delay'; // a slow answer is waited for: no retry
    it(`${retried ? `retries through ${what}` : `waits through ${what}, without a retry,`} and gets every user in, once`, async () => {
      const input = users(15, `fault${what.length}`);
      emulator.setFaults([{ fault, times }]);
      const uri = await writeInput(`fault-${what.length}.putusers.json`, { datasetArn: ARN, users: input });
      const result = sent(await send(uri));
      assert.equal(result.report.accepted, 15, result.reportLines.join('\n'));
      assertNothingLostNothingTwice(emulator, input, []);
      if (retried) assert.ok(result.report.attempts > result.report.requests.length, 'the SDK retried');
      else assert.equal(result.report.attempts, result.report.requests.length, 'no retry');
    });
  }

  it('sends at putUsers.maxRequestsPerSecond: the quota of 10 by default, more when the account has more', async function () {
    this.timeout(90_000);
    const input = users(300, 'pace');
    const uri = await writeInput('pace.putusers.json', { datasetArn: ARN, users: input });
    emulator.setQuota({ requestsPerSecond: 10, burst: 10 });
    let t0 = Date.now();
    const paced = sent(await send(uri));
    const pacedMs = Date.now() - t0;
    assert.deepEqual([paced.report.accepted, paced.report.throttled, paced.report.maxRequestsPerSecond], [300, 0, 10]);
    assert.ok(pacedMs >= 2_900, `30 requests at 10 per second take 2.9 s at least, not ${pacedMs} ms`);
    assert.match(paced.reportLines.find((l) => /users in \(/.test(l)) ?? '', /requests\/s \(at most 10\)\.$/);
    assertNothingLostNothingTwice(emulator, input, []);

    emulator.clear();
    emulator.setQuota({ requestsPerSecond: 100, burst: 100 });
    await config().update('maxRequestsPerSecond', 100, vscode.ConfigurationTarget.Global);
    t0 = Date.now();
    const raised = sent(await send(uri));
    const raisedMs = Date.now() - t0;
    assert.deepEqual(
      [raised.report.accepted, raised.report.throttled, raised.report.maxRequestsPerSecond],
      [300, 0, 100],
    );
    assert.ok(raisedMs < 2_500, `30 requests at 100 per second, well under the 2.9 s of 10: ${raisedMs} ms`);
    assertNothingLostNothingTwice(emulator, input, []);
    emulator.setQuota({ requestsPerSecond: 10, burst: 10 });
  });

  it('Send Folder: every input file of the folder in name order as one send, the users not in beside the folder', async () => {
    const first = users(10, 'folder-a');
    const second = users(5, 'folder-b');
    const input = [...first, ...second];
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: [second[2]!.userId] } }]);
    await writeInput('folder/batch-0002.putusers.yaml', { datasetArn: ARN, users: second }, 'yaml');
    await writeInput('folder/batch-0001.putusers.json', { datasetArn: ARN, users: first });
    const folder = fixtureUri('send/folder');
    const result = sent(
      await vscode.commands.executeCommand<SendResult>('putUsers.sendFolder', folder, { confirmed: true }),
    );
    assert.equal(result.report.accepted, 14);
    assert.deepEqual(
      result.report.notIn.map((n) => [n.index, n.status]),
      [[12, 'rejected']],
      'numbered across the files in name order',
    );
    assert.deepEqual(
      result.actions,
      ['Go to users[12]', 'Open Users Not In', 'Show Report'],
      'users[12] is placed in the second file',
    );
    assert.match(vscode.Uri.parse(result.failedFile!).path, /\/send\/folder\.failed-[^/]+\.putusers\.json$/);
    const notIn = usersNotIn(result);
    assert.deepEqual(notIn, [second[2]]);
    assertNothingLostNothingTwice(emulator, input, notIn);
    assert.deepEqual(
      (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).sort(),
      ['batch-0001.putusers.json', 'batch-0002.putusers.yaml'],
      'nothing written into the folder',
    );
  });

  it('Send Folder after a Send File that got nothing in (unknown dataset): no copy was written, so the mended folder is sent', async () => {
    const input = users(4, 'unknown-then-folder');
    const uri = await writeInput('folder-unknown/a.putusers.json', { datasetArn: UNKNOWN_ARN, users: input });
    const failed = sent(await send(uri));
    assert.equal(failed.report.fatal?.kind, 'not-found');
    assertNoCopyOf(failed, 'send/folder-unknown/a.putusers.json');
    await rewriteOpen(uri, { datasetArn: ARN, users: input }); // the ARN mended
    const folder = fixtureUri('send/folder-unknown');
    const result = sent(
      await vscode.commands.executeCommand<SendResult>('putUsers.sendFolder', folder, { confirmed: true }),
    );
    assert.equal(result.report.accepted, 4, result.reportLines.join('\n'));
    assertNothingLostNothingTwice(emulator, input, []);
  });

  it('Send Folder leaves out the users-not-in files of earlier sends and names them: a user mended since is sent once, as it is now', async () => {
    const input = users(12, 'stale');
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: [input[3]!.userId] } }]);
    const uri = await writeInput('folder-stale/a.putusers.json', { datasetArn: ARN, users: input });
    const first = sent(await send(uri));
    assert.equal(first.report.accepted, 11);
    const copy = path.basename(vscode.Uri.parse(first.failedFile!).path);
    assert.match(copy, /^a\.failed-\d{8}T\d{6}Z\.putusers\.json$/);
    const mended = input.map((u, k) => (k === 3 ? { ...u, properties: '{"age": "33"}' } : u));
    await rewriteOpen(uri, { datasetArn: ARN, users: mended });
    emulator.clear();
    emulator.setFaults([]);
    const result = sent(
      await vscode.commands.executeCommand<SendResult>('putUsers.sendFolder', fixtureUri('send/folder-stale'), {
        confirmed: true,
      }),
    );
    assert.equal(result.report.total, 12, 'the copy of users[3] before it was mended is not sent');
    assertNothingLostNothingTwice(emulator, mended, []);
    assert.equal(
      result.reportLines.at(-1),
      `Left out: 1 users-not-in file of earlier sends (send each on its own): ${copy}.`,
    );
  });

  it('Send Folder sends nothing when a file has an error', async () => {
    await writeInput('folder-bad/a.putusers.json', { datasetArn: ARN, users: users(2, 'folder-bad') });
    await vscode.workspace.fs.writeFile(
      fixtureUri('send/folder-bad/b.putusers.json'),
      new TextEncoder().encode(`{"datasetArn": "${ARN}", "users": [{"userId": 7}]}`),
    );
    const result = await vscode.commands.executeCommand<SendResult>(
      'putUsers.sendFolder',
      fixtureUri('send/folder-bad'),
      { confirmed: true },
    );
    assert.deepEqual(result, { status: 'invalid', errors: 1 });
    assert.equal(emulator.requests.length, 0);
  });

  it('a request that fails for good: its users go to the users-not-in file, the others get in', async () => {
    const input = users(25, 'down');
    emulator.setFaults([
      { when: (r) => r.userIds.includes(input[12]!.userId), fault: { kind: 'status', status: 503 } },
    ]);
    const uri = await writeInput('down.putusers.json', { datasetArn: ARN, users: input });
    const result = sent(await send(uri));
    assert.equal(result.report.accepted, 15);
    assert.equal(result.report.failed, 10);
    const notIn = usersNotIn(result);
    assert.deepEqual(notIn, input.slice(10, 20));
    assertNothingLostNothingTwice(emulator, input, notIn);
  });

  it('Cancel midway: requests in flight finish, nothing more is sent, and the unsent users plus what the emulator accepted are the file', async () => {
    await config().update('concurrency', 1, vscode.ConfigurationTarget.Global);
    const input = users(60, 'cancel');
    emulator.setFaults([{ fault: { kind: 'delay', ms: 250 } }]);
    const uri = await writeInput('cancel.putusers.json', { datasetArn: ARN, users: input });
    const running = send(uri);
    await waitForEvent(
      answered.event,
      () => (emulator.accepted.length >= 2 ? true : undefined),
      20_000,
      () => `${emulator.accepted.length} requests accepted`,
    );
    assert.equal(await vscode.commands.executeCommand('putUsers.cancelSending'), 1, 'one send was cancelled');
    const result = sent(await running);
    assert.equal(result.report.cancelled, true);
    assert.ok(result.report.accepted >= 20 && result.report.accepted < 60, `accepted ${result.report.accepted}`);
    assert.equal(
      result.report.accepted,
      emulator.acceptedUsers().length,
      'the report counts what the emulator accepted',
    );
    const notIn = usersNotIn(result);
    assert.ok(result.report.notIn.every((n) => n.status === 'unsent'));
    assertNothingLostNothingTwice(emulator, input, notIn);
    assert.deepEqual(notIn, input.slice(result.report.accepted), 'the unsent users are the rest of the file, in order');
  });

  it('refuses a second send of a file that is being sent (no user twice)', async () => {
    const input = users(12, 'busy');
    emulator.setFaults([{ fault: { kind: 'delay', ms: 400 } }]);
    const uri = await writeInput('twice.putusers.json', { datasetArn: ARN, users: input });
    const first = send(uri);
    const second = await send(uri);
    assert.equal(second?.status, 'busy');
    assert.equal(sent(await first).report.accepted, 12);
    assertNothingLostNothingTwice(emulator, input, []);
  });

  describe('says what is wrong and that the file is still the one to send (no copy of it written), when', () => {
    const fatal = async (setup: () => Thenable<void> | void, datasetArn = ARN) => {
      await setup();
      const input = users(3, `fatal${Math.random().toString(36).slice(2, 6)}`);
      const name = `fatal-${Math.random().toString(36).slice(2, 8)}`;
      const uri = await writeInput(`${name}.putusers.json`, { datasetArn, users: input });
      const result = sent(await send(uri));
      assert.equal(result.report.accepted, 0);
      assertNoCopyOf(result, `send/${name}.putusers.json`);
      assert.equal(emulator.acceptedUsers().length, 0);
      assert.ok(
        result.reportLines.some((l) => l.startsWith('Stopped: ')),
        result.reportLines.join('\n'),
      );
      return Object.assign(result.report, { actions: result.actions });
    };

    it('the dataset ARN is unknown (ResourceNotFoundException): the endpoint, not the region, is to check', async () => {
      const report = await fatal(() => undefined, UNKNOWN_ARN);
      assert.equal(report.fatal?.kind, 'not-found');
      assert.match(
        report.fatal!.message,
        /^The service at http:\/\/127\.0\.0\.1:\d+ found no dataset .*check that it holds this dataset\.$/,
      );
      assert.deepEqual(report.actions, ['Open Endpoint Setting', 'Show Report']);
    });

    it('the dataset is busy (ResourceInUseException)', async () => {
      const report = await fatal(() => undefined, BUSY_ARN);
      assert.equal(report.fatal?.kind, 'in-use');
      assert.deepEqual(report.actions, ['Show Report']);
    });

    it('the profile has no credentials', async () => {
      const report = await fatal(() => config().update('profile', 'ghost', vscode.ConfigurationTarget.Global));
      assert.equal(report.fatal?.kind, 'no-credentials');
      assert.match(report.fatal!.message, /"ghost"/);
      assert.deepEqual(report.actions, ['Choose Profile', 'Show Report']);
      assert.equal(emulator.requests.length, 0);
    });

    it('the SSO session has expired', async () => {
      // The SDK finds the SSO token cache under HOME: point it at a folder of the test's own.
      const home = process.env['HOME'];
      const dir = mkdtempSync(path.join(tmpdir(), 'putusers-sso-'));
      const start = 'https://example.awsapps.com/start';
      const savedConfig = readFileSync(process.env['AWS_CONFIG_FILE']!, 'utf8');
      appendFileSync(
        process.env['AWS_CONFIG_FILE']!,
        `[profile work]\nregion = us-east-1\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Sender\n[sso-session corp]\nsso_start_url = ${start}\nsso_region = us-east-1\n`,
      );
      mkdirSync(path.join(dir, '.aws', 'sso', 'cache'), { recursive: true });
      writeFileSync(
        path.join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`),
        JSON.stringify({
          accessToken: 'expired',
          expiresAt: '2020-01-01T00:00:00Z',
          region: 'us-east-1',
          startUrl: start,
        }),
      );
      process.env['HOME'] = dir;
      try {
        const report = await fatal(() => config().update('profile', 'work', vscode.ConfigurationTarget.Global));
        assert.equal(report.fatal?.kind, 'sso-expired', report.fatal?.message);
        assert.match(report.fatal!.message, /run `aws sso login --profile work`/);
        assert.deepEqual(report.actions, ['Choose Profile', 'Show Report']);
        assert.equal(emulator.requests.length, 0);
      } finally {
        process.env['HOME'] = home;
        writeFileSync(process.env['AWS_CONFIG_FILE']!, savedConfig);
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('there is no region', async () => {
      const report = await fatal(() => config().update('profile', 'noregion', vscode.ConfigurationTarget.Global));
      assert.equal(report.fatal?.kind, 'no-region');
      assert.deepEqual(report.actions, ['Set Region', 'Show Report']);
      assert.equal(emulator.requests.length, 0);
    });

    it('the endpoint is unreachable', async () => {
      const port = await closedPort();
      const report = await fatal(() =>
        config().update('endpoint', `http://127.0.0.1:${port}`, vscode.ConfigurationTarget.Workspace),
      );
      assert.equal(report.fatal?.kind, 'unreachable');
      assert.deepEqual(report.actions, ['Open Endpoint Setting', 'Show Report']);
    });

    it('the endpoint is http:// on another host (refused before any request)', async () => {
      const report = await fatal(() =>
        config().update('endpoint', 'http://personalize.example.com', vscode.ConfigurationTarget.Workspace),
      );
      assert.equal(report.fatal?.kind, 'insecure-endpoint');
      assert.deepEqual(report.actions, ['Open Endpoint Setting', 'Show Report']);
    });

    it('an http:// endpoint on another host is refused even when workspace settings try to allow it (user settings only)', async () => {
      const settingsFile = fixtureUri('.vscode/settings.json');
      const before = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(settingsFile))) as Record<
        string,
        unknown
      >;
      const changed = waitForEvent(
        vscode.workspace.onDidChangeConfiguration,
        () => (config().get('concurrency') === 2 ? true : undefined),
        10_000,
        () => 'the workspace settings were not read again',
      );
      const tampered = {
        ...before,
        'putUsers.endpoint': 'http://personalize.example.com',
        'putUsers.allowInsecureEndpoint': true,
        'putUsers.concurrency': 2,
      };
      await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(tampered, null, 4)));
      try {
        await changed;
        const report = await fatal(() => undefined);
        assert.equal(report.fatal?.kind, 'insecure-endpoint');
      } finally {
        await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(before, null, 4)));
        await waitForEvent(vscode.workspace.onDidChangeConfiguration, () =>
          config().get('concurrency') === 4 ? true : undefined,
        );
      }
    });

    it('putUsers.allowInsecureEndpoint in the user settings lets an http:// endpoint on another host through', async () => {
      await config().update('allowInsecureEndpoint', true, vscode.ConfigurationTarget.Global);
      try {
        // Not refused up front: sent, and then unreachable (this machine has no network).
        const report = await fatal(() =>
          config().update('endpoint', 'http://personalize.invalid', vscode.ConfigurationTarget.Workspace),
        );
        assert.equal(report.fatal?.kind, 'unreachable', report.fatal?.message);
      } finally {
        await config().update('allowInsecureEndpoint', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('the service keeps throttling: it keeps trying, slower, until Cancel', async () => {
      emulator.setFaults([{ fault: { kind: 'throttle' } }]);
      const input = users(3, 'throttled');
      const uri = await writeInput('throttled.putusers.json', { datasetArn: ARN, users: input });
      const sending = send(uri);
      await pollUntil(
        () => (emulator.requests.filter((r) => r.status === 400).length >= 3 ? true : undefined),
        20_000,
        () => `${emulator.requests.length} requests so far`,
      );
      await vscode.commands.executeCommand('putUsers.cancelSending');
      const result = sent(await sending);
      assert.equal(result.report.accepted, 0);
      assert.equal(result.report.cancelled, true);
      assert.equal(result.report.requests.length, 1, 'one request, sent again and again');
      assert.equal(result.report.requests[0]?.error?.kind, 'throttled');
      assert.ok(result.report.throttled >= 3, `${result.report.throttled} throttled attempts`);
      const gaps = emulator.requests.slice(1).map((r, k) => r.receivedAt - emulator.requests[k]!.receivedAt);
      assert.ok(
        gaps.every((gap) => gap >= 150),
        `each attempt waited longer than the 100 ms of the full pace: ${gaps.join(', ')} ms`,
      );
      assertNoCopyOf(result, 'send/throttled.putusers.json');
    });
  });

  it('an unsaved editor: the users not in open in a new unsaved editor', async () => {
    const input = users(4, 'untitled');
    emulator.setFaults([{ fault: { kind: 'reject-user', userIds: [input[1]!.userId] } }]);
    const { writeInput: write } = await import('../../src/core');
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content: write({ datasetArn: ARN, users: input }, 'json'),
    });
    await vscode.window.showTextDocument(document);
    const result = sent(await send(undefined, true));
    assert.equal(result.report.accepted, 3);
    const rest = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.failedFile);
    assert.ok(rest?.isUntitled, `an untitled editor holds the users not in: ${result.failedFile}`);
    assert.deepEqual(result.actions, ['Go to users[1]', 'Show Report'], 'the unsaved editor is open already');
    assert.deepEqual(readRequest(rest.getText(), 'json').request?.users, [input[1]]);
  });

  it('shows a Send CodeLens with the count and the requests, and where it would send', async () => {
    const input = users(23, 'lens');
    const uri = await writeInput('lens.putusers.json', { datasetArn: ARN, users: input });
    await vscode.window.showTextDocument(uri);
    const lenses = await lensesOnceTargetRead(uri);
    const sendLens = lenses.find((l) => l.command?.command === 'putUsers.sendFile');
    assert.equal(sendLens?.command?.title, '$(cloud-upload) Send 23 users as 3 requests');
    assert.equal((sendLens!.command!.arguments![0] as vscode.Uri).toString(), uri.toString());
    assert.equal(sendLens!.range.start.line, 2, 'above "users"');
    const targetLens = lenses.find((l) => l.command?.command === 'putUsers.chooseProfile');
    assert.equal(targetLens?.command?.title, `emulator · us-east-1 · ${emulator.url}`);
    assert.equal(emulator.requests.length, 0, 'showing lenses sends nothing');
  });

  it('says in the Send CodeLens what a large file takes at putUsers.maxRequestsPerSecond', async () => {
    const uri = await writeInput('lens-large.putusers.json', { datasetArn: ARN, users: users(1_000, 'lens-large') });
    await vscode.window.showTextDocument(uri);
    const sendLens = async (title: string) =>
      pollUntil(
        async () =>
          (await lensesOnceTargetRead(uri)).find(
            (l) => l.command?.command === 'putUsers.sendFile' && l.command.title === title,
          ),
        10_000,
        () => `no Send CodeLens titled ${title}`,
      );
    const atQuota = await sendLens('$(cloud-upload) Send 1,000 users as 100 requests, about 10 s');
    assert.equal(
      atQuota.command?.tooltip,
      'PutUsers: Send File (1,000 users in 100 requests, about 10 s at 10 requests/s)',
    );
    await config().update('maxRequestsPerSecond', 50, vscode.ConfigurationTarget.Global);
    await sendLens('$(cloud-upload) Send 1,000 users as 100 requests, about 2 s');
    assert.equal(emulator.requests.length, 0, 'showing lenses sends nothing');
  });

  it('asks which region when the dataset ARN names another one (no custom endpoint), and the CodeLens warns', async () => {
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('region', 'eu-west-1', vscode.ConfigurationTarget.Global);
    const uri = await writeInput('elsewhere.putusers.json', { datasetArn: ARN, users: users(2, 'elsewhere') });
    const warning = '$(warning) emulator · eu-west-1 (the dataset is in us-east-1)';
    const lenses = await lensesOnceTargetRead(uri, warning);
    assert.equal(lenses.find((l) => l.command?.command === 'putUsers.chooseProfile')?.command?.title, warning);
    await assert.rejects(
      Promise.resolve(send(uri, false)),
      /Contents: PutUsers: the dataset of send\/elsewhere\.putusers\.json is in us-east-1, but PutUsers would send to eu-west-1 \(putUsers\.region\)\.$/,
    );
    assert.equal(emulator.requests.length, 0);
  });

  it('Choose AWS Profile sets putUsers.profile, refuses a profile that does not exist, and the CodeLens follows', async () => {
    const uri = await writeInput('choose.putusers.json', { datasetArn: ARN, users: users(2, 'choose') });
    await vscode.window.showTextDocument(uri);
    assert.equal(await vscode.commands.executeCommand('putUsers.chooseProfile', 'noregion'), 'noregion');
    assert.equal(config().inspect('profile')?.globalValue, 'noregion');
    const targetTitle = async () =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)).find(
        (l) => l.command?.command === 'putUsers.chooseProfile',
      )?.command?.title;
    assert.equal(await targetTitle(), `noregion · no region · ${emulator.url}`);
    assert.equal(await vscode.commands.executeCommand('putUsers.chooseProfile', 'ghost'), undefined);
    assert.equal(config().inspect('profile')?.globalValue, 'noregion', 'unchanged');
    await vscode.commands.executeCommand('putUsers.chooseProfile', '');
    assert.equal(config().inspect('profile')?.globalValue, undefined, 'cleared');
    assert.equal(await targetTitle(), `default · no region · ${emulator.url}`);
  });
});
