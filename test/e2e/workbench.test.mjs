// End to end, as a person uses it: what `npm start` serves (the .vsix installed into the real
// VS Code server, the sample workspace, the emulator), driven in Chromium through the UI only:
// keys, clicks, the Problems panel, the command palette, quick fixes, completion, the editor
// title's Send button, notifications. Asserts on what is on screen, on the files saved and on
// what the emulator received. Screenshots of every step go to test-results/e2e/ (not committed);
// with PUTUSERS_README_IMAGES=1 (npm run docs:images) the README's go to docs/images/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repo } from '../../scripts/vscode-server/server.mjs';
import {
  activeTab,
  clickIntoEditor,
  editorText,
  eventually,
  goTo,
  openFile,
  pickQuickItem,
  problems,
  quickFixMenu,
  runCommand,
  screenshots,
  showProblems,
  toast,
  workbenchSession,
} from './workbench.mjs';

const require = createRequire(import.meta.url);
const core = require('../../dist/core.js');

describe('PutUsers in the browser workbench that npm start serves', function () {
  this.timeout(120_000);
  const shot = screenshots(
    path.join(repo, 'test-results', 'e2e'),
    process.env.PUTUSERS_README_IMAGES ? path.join(repo, 'docs', 'images') : undefined,
  );
  // No README at startup: its markdown preview opens whenever the markdown extension and a webview
  // are ready (over 90 s on a busy CI machine once) and would take the focus from a step.
  const session = workbenchSession(() => ({ startupEditor: 'none' }), shot);
  let demo;
  let page;
  const readWorkspaceFile = (name) => fs.readFileSync(path.join(demo.workspace, name), 'utf8');

  before(async () => {
    ({ demo, page } = session);
    // The chat view takes a third of the window: close it, as most users of this extension would.
    await runCommand(page, 'View: Hide Secondary Side Bar');
    await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden' });
  });

  it('shows the mistakes of an input file in the Problems panel, in the AWS CLI’s words, located', async () => {
    await openFile(page, 'mistakes.putusers.json');
    await showProblems(page);
    const rows = await eventually(
      () => problems(page),
      (r) => r.length === 5,
      'five problems',
    );
    assert.deepEqual(
      rows.map((r) => `${r.where} ${r.code}`),
      [
        '[Ln 6, Col 27] cli/invalid-type',
        '[Ln 8, Col 9] cli/missing-member',
        '[Ln 9, Col 13] cli/unknown-member',
        '[Ln 13, Col 23] cli/invalid-type',
        '[Ln 18, Col 29] schema/key-not-camel-case',
      ],
    );
    assert.ok(rows.every((r) => r.source === 'PutUsers'));
    // The sample's users.avsc: the status bar names it.
    await page.locator('.statusbar-item', { hasText: 'users.avsc' }).waitFor();
    assert.match(rows[2].message, /^Unknown member "userID" in users\[1\]: did you mean "userId"\?/);
    // The same verdicts as the command line gives for the file.
    const datasetSchema = core.readDatasetSchema(readWorkspaceFile('users.avsc')).schema;
    const cli = core
      .validate(readWorkspaceFile('mistakes.putusers.json'), 'json', { datasetSchema })
      .map((f) => f.message);
    assert.deepEqual(
      rows.map((r) => r.message),
      cli,
    );
    await shot(page, 'problems', { readme: 'problems' });
  });

  it('fixes a mistake with a quick fix (Ctrl+.)', async () => {
    await openFile(page, 'mistakes.putusers.json');
    await goTo(page, '9:13'); // on "userID"
    const fix = await quickFixMenu(page, 'Rename to "userId"');
    await shot(page, 'quick-fix', { readme: 'quick-fix' });
    await fix.click();
    // The unknown member and the missing userId were one slip: both go.
    const rows = await eventually(
      () => problems(page),
      (r) => r.length === 3,
      'three problems left',
    );
    assert.ok(!rows.some((r) => /userID|"userId" in users\[1\]/.test(r.message)), JSON.stringify(rows));
    await page.keyboard.press('Control+S');
    const saved = await eventually(
      () => JSON.parse(readWorkspaceFile('mistakes.putusers.json')),
      (f) => 'userId' in f.users[1],
      'the fix saved',
    );
    assert.deepEqual(saved.users[1], { userId: 'user-0102', properties: '{"numberOfVideosWatched": "21"}' });
  });

  it('completes a member with Ctrl+Space and fills its snippet', async () => {
    await openFile(page, 'users.putusers.yaml');
    await goTo(page, 5); // "- userId: user-0004", the user without properties
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home'); // whatever indentation VS Code chose: replace it
    await page.keyboard.type('  ');
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'properties' }).first();
    await item.waitFor();
    await shot(page, 'completion', { readme: 'completion' });
    await item.click();
    // The snippet's placeholders: the key, then the value.
    await page.keyboard.type('age');
    await page.keyboard.press('Tab');
    await page.keyboard.type('33');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    const { request, findings } = await eventually(
      () => core.readRequest(readWorkspaceFile('users.putusers.yaml'), 'yaml'),
      (r) => r.request?.users.at(-1).properties,
      'the completed file saved',
    );
    assert.deepEqual(findings, []);
    assert.deepEqual(request.users.at(-1), { userId: 'user-0004', properties: '{"age": "33"}' });
  });

  it('generates the AWS CLI’s skeleton from the command palette', async () => {
    await runCommand(page, 'PutUsers: Generate Skeleton');
    await pickQuickItem(page, 'yaml-input');
    await activeTab(page, 'Untitled');
    const text = await eventually(
      () => editorText(page),
      (t) => t.includes('datasetArn'),
      'the skeleton in the editor',
    );
    const trimLines = (t) =>
      t
        .split('\n')
        .map((l) => l.trimEnd())
        .join('\n')
        .trim();
    assert.equal(trimLines(text), trimLines(core.skeleton('yaml-input')));
    await shot(page, 'skeleton');
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('sends a file with the editor title’s Send button: asks, shows progress, says what happened, writes the users not in, opens the report', async () => {
    const name = '25-users.putusers.json';
    const rejected = 'user-0207';
    // The service takes its time, and rejects one user: the message must say so and the file must keep it.
    demo.emulator.setFaults([
      { when: [1, 2, 3], fault: { kind: 'delay', ms: 1500 } },
      { when: (r) => r.userIds.includes(rejected), fault: { kind: 'reject-user', userIds: [rejected] } },
    ]);
    demo.emulator.clear();
    await openFile(page, name);
    await page.locator('.editor-actions [aria-label^="Send File"]').click();

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const asked = (await dialog.innerText()).replace(/\s+/g, ' ');
    assert.match(
      asked,
      /25 users, and one PutUsers request takes at most 10: the service would reject the file as one request\./,
    );
    assert.match(
      asked,
      /25 users in 3 requests, under a second at 10 requests\/s \(the service's quota per dataset group; putUsers\.maxRequestsPerSecond if your account's was raised\): PutUsers sends them in file order, up to 4 requests at a time\./,
    );
    await shot(page, 'send-confirm');
    await dialog.getByRole('button', { name: 'Send 3 Requests' }).click();

    await toast(page, /sending 25-users\.putusers\.json/).waitFor();
    assert.match((await toast(page, /sending/).innerText()).replace(/\s+/g, ' '), /\d+ of 25 users/);
    await shot(page, 'send-progress');

    const result = toast(page, /24 of 25 users of 25-users\.putusers\.json are in/);
    await result.waitFor({ timeout: 60_000 });
    const message = (await result.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /The service rejected 1 user \(marked in the file\), e\.g\. users\[6\]: [^.]+\./);
    assert.match(message, /The 1 not in are in 25-users\.failed-\d{8}T\d{6}Z\.putusers\.json, ready to send again/);
    await shot(page, 'send-result', { readme: 'send-result' });

    // What the emulator took: every user but the rejected one, once each, in file order.
    const all = core.readRequest(readWorkspaceFile(name), 'json').request.users;
    assert.deepEqual(
      demo.emulator
        .acceptedUsers()
        .map((u) => u.userId)
        .sort(),
      all
        .map((u) => u.userId)
        .filter((id) => id !== rejected)
        .sort(),
    );
    const failedName = /(25-users\.failed-\S+\.putusers\.json)/.exec(message)[1];
    assert.deepEqual(
      core.readRequest(readWorkspaceFile(failedName), 'json').request.users.map((u) => u.userId),
      [rejected],
    );

    await result.getByRole('button', { name: 'Show Report' }).click();
    const report = await eventually(
      () => editorText(page),
      (t) => /InvalidInputException|rejected/.test(t),
      'the report in an editor',
    );
    assert.match(report, /users\[6\]/);
    assert.ok(!report.includes(rejected), 'the report names users by index, never by id');
    await shot(page, 'report');
    // The report links each user to the file: Open Link on users[6] goes to it, where the service's message is.
    // By keyboard: a Ctrl+click was taken by whatever overlay (a hover, a toast) lay on the line in a CI run.
    await page.locator('.view-lines .detected-link', { hasText: 'users[' }).first().waitFor(); // underlined as a link
    // Its hover says where it goes, whole: VS Code renders a link's tooltip as Markdown link text.
    await page.locator('.view-lines .detected-link', { hasText: 'users[' }).first().hover();
    const hover = await eventually(
      () => page.locator('.monaco-hover:visible').first().innerText(),
      (t) => /Go to/.test(t),
      "the report link's hover",
    );
    assert.match(hover, /^Go to the user at index \d+: line \d+ of 25-users\.putusers\.json \(/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('sers[6]: rejected');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft'); // the cursor at the match's start, inside users[6]
    await runCommand(page, 'Open Link');
    await activeTab(page, name);
    await showProblems(page);
    const rows = await eventually(
      () => problems(page),
      (r) => r.some((row) => /^The service rejected users\[6\]: /.test(row.message)),
      'the rejected user in the Problems panel',
    );
    assert.equal(rows.find((row) => /rejected users\[6\]/.test(row.message)).source, 'PutUsers (service)');
    // A report is read-only: closing it asks nothing.
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no "Save?" dialog');
  });

  it('sends a few hundred users at the service’s pace: the estimate before, the time left during, every user in', async () => {
    const name = 'paced.putusers.json';
    const users = Array.from({ length: 400 }, (_, k) => ({
      userId: `paced-${String(k).padStart(4, '0')}`,
      properties: JSON.stringify({ numberOfVideosWatched: String(k % 50), membership: 'Member' }),
    }));
    const datasetArn = core.readRequest(readWorkspaceFile('25-users.putusers.json'), 'json').request.datasetArn;
    fs.writeFileSync(path.join(demo.workspace, name), core.writeInput({ datasetArn, users }, 'json'));
    demo.emulator.setFaults([]);
    demo.emulator.clear();
    try {
      // Quick Open may still list the folder as it was (its file search caches); the Explorer
      // shows the file once the watcher has seen it.
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
      await row.waitFor();
      await row.click();
      await activeTab(page, name);
      // Nothing in it but what sending 400 users in one request would be (the schema holds its keys).
      await showProblems(page);
      const rows = await eventually(
        () => problems(page),
        (r) => r.some((row) => /400 users: one PutUsers request takes at most 10/.test(row.message)),
        'the too-many-users warning of the file',
      );
      assert.deepEqual(
        rows.filter((row) => /dataset's schema/.test(row.message)).map((row) => row.message),
        [],
        'the users fit the schema',
      );
      await page.locator('.editor-actions [aria-label^="Send File"]').click();

      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor();
      const asked = (await dialog.innerText()).replace(/\s+/g, ' ');
      assert.match(asked, /paced\.putusers\.json has 400 users/);
      assert.match(
        asked,
        /400 users in 40 requests, about 4 s at 10 requests\/s \(the service's quota per dataset group/,
      );
      await shot(page, 'send-paced-confirm');
      await dialog.getByRole('button', { name: 'Send 40 Requests' }).click();

      // While it runs: users in and the time left, which shrinks.
      const progress = toast(page, /sending paced\.putusers\.json/);
      await progress.waitFor();
      const said = await eventually(
        async () => (await progress.innerText()).replace(/\s+/g, ' '),
        (t) => /\d+ of 400 users in, about \d+ s left/.test(t),
        'the time left in the progress notification',
        10_000,
      );
      await shot(page, 'send-paced-progress');
      const inAtFirst = Number(/(\d+) of 400 users in/.exec(said)[1]);
      assert.ok(inAtFirst < 400, said);

      const result = toast(page, /all 400 users of paced\.putusers\.json are in/);
      await result.waitFor({ timeout: 60_000 });
      const message = (await result.innerText()).replace(/\s+/g, ' ');
      assert.doesNotMatch(message, /not in/, message);
      const accepted = demo.emulator.acceptedUsers().map((u) => u.userId);
      assert.equal(new Set(accepted).size, 400, 'none twice');
      assert.deepEqual([...accepted].sort(), users.map((u) => u.userId).sort(), 'every user in');
      const received = demo.emulator.requests.filter((r) => r.path === '/users');
      const spanMs = received.at(-1).receivedAt - received[0].receivedAt;
      // 39 intervals of 100 ms, less the random lag of up to 20 ms the first may have had.
      assert.ok(spanMs >= 3_850, `40 requests at 10 per second span 3.88 s at least, not ${spanMs} ms`);
      assert.equal(received.filter((r) => r.errorType === 'ThrottlingException').length, 0, 'none throttled');
    } finally {
      await runCommand(page, 'View: Close All Editors');
      fs.rmSync(path.join(demo.workspace, name), { force: true });
    }
  });

  it('walks through Get Started: a sample with a mistake, its quick fix, the local emulator, Send, each step ticked', async () => {
    demo.emulator.clear();
    const openWalkthrough = async () => {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with PutUsers' })
        .first()
        .click();
    };
    await openWalkthrough();
    const step = (id) => page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
    const ticked = (id) => step(id).and(page.locator('[aria-checked="true"]')).waitFor();
    const press = async (id, button) => {
      await step(id).click(); // expands it (the first is expanded already)
      await page.locator('.getting-started-step.expanded a.monaco-button', { hasText: button }).click();
    };

    await press('createSample', 'Create Sample File');
    await activeTab(page, 'sample.putusers.json');
    await showProblems(page);
    await eventually(
      () => problems(page),
      (r) => r.map((row) => row.code).join() === 'cli/missing-member,cli/unknown-member',
      "the sample's one mistake, as the AWS CLI words it",
    );
    // The focus back from the Problems panel: a click into the sample, beside the walkthrough
    // (Quick Open left no editor focused once in CI, with the two editor groups).
    await clickIntoEditor(page, 'sample.putusers.json');
    await goTo(page, '9:8'); // on "userID"
    await (await quickFixMenu(page, 'Rename to "userId"')).click();
    await eventually(
      () => problems(page),
      (r) => r.length === 0,
      'no problem left',
    );
    // Back to the walkthrough (its tab alone showed the Welcome start page again), as a user reopens it.
    await openWalkthrough();
    await ticked('createSample');
    await ticked('quickFix');

    await press('startEmulator', 'Start Local Emulator');
    await toast(page, /the local emulator listens at http:\/\/127\.0\.0\.1:\d+/).waitFor();
    await ticked('startEmulator');
    // The walkthrough fills its editor group: Send brings the sample back into sight, then sends it.
    await press('send', 'Send File');
    await toast(page, /all 2 users of sample\.putusers\.json are in/).waitFor();
    await activeTab(page, 'sample.putusers.json');
    await openWalkthrough();
    for (const id of ['createSample', 'quickFix', 'startEmulator', 'send']) await ticked(id);
    await shot(page, 'walkthrough');
    // The sends went to the emulator inside VS Code, not to the one npm start runs.
    assert.deepEqual(demo.emulator.requests, []);
    await runCommand(page, 'PutUsers: Stop Local Emulator');
    await toast(page, /the local emulator stopped/).waitFor();
  });
});
