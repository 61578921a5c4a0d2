// `npm start -- --workspace DIR`: a folder of the user's own opens in Restricted Mode (VS Code asks,
// as it should for a folder it has not seen); once trusted, Send File reaches the emulator through
// the server's machine settings, for a dataset the emulator was not told of, and the folder gets
// no settings file of ours.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repo } from '../../scripts/vscode-server/server.mjs';
import { openFile, runCommand, screenshots, toast, workbenchSession } from './workbench.mjs';

describe('npm start with a workspace folder of your own', function () {
  this.timeout(120_000);
  const shot = screenshots(path.join(repo, 'test-results', 'e2e-own-folder'));
  let folder;
  const session = workbenchSession(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-own-'));
    const arn = 'arn:aws:personalize:eu-west-1:999999999999:dataset/mine/USERS';
    const users = [{ userId: 'a1' }, { userId: 'a2' }];
    fs.writeFileSync(
      path.join(folder, 'mine.putusers.json'),
      `${JSON.stringify({ datasetArn: arn, users }, null, 4)}\n`,
    );
    return { folder };
  }, shot);
  after(() => folder && fs.rmSync(folder, { recursive: true, force: true }));

  it('opens in Restricted Mode, and sends once the folder is trusted, leaving the folder as it was', async () => {
    const { demo, page } = session;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor();
    // The walkthrough's Send pressed in Restricted Mode: refused, and its step is not ticked for it
    // (a fresh window: no send has got users in yet).
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with PutUsers' })
      .first()
      .click();
    const sendStep = page.locator('.getting-started-step[data-step-id$="#send"]');
    await sendStep.click();
    await page.locator('.getting-started-step.expanded a.monaco-button', { hasText: 'Send File' }).click();
    await toast(page, /sending is disabled in Restricted Mode/).waitFor();
    assert.equal(await sendStep.getAttribute('aria-checked'), 'false');

    await page.locator('.banner a', { hasText: 'Manage' }).click();
    await page
      .locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ })
      .first()
      .click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'detached' });

    await openFile(page, 'mine.putusers.json');
    await page.locator('.editor-actions [aria-label^="Send File"]').click();
    // The ARN names eu-west-1, the demo profile us-east-1: Send File says where it would send, and asks.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog
      .filter({
        hasText:
          /is in eu-west-1, but PutUsers would send to http:\/\/127\.0\.0\.1:\d+ \(putUsers\.endpoint\), signed for us-east-1/,
      })
      .waitFor();
    await dialog.locator('.monaco-button', { hasText: 'Send Anyway' }).click();
    await toast(page, /all 2 users of mine\.putusers\.json are in/).waitFor();
    await shot(page, 'sent');
    assert.deepEqual(demo.emulator.acceptedUsers(), [{ userId: 'a1' }, { userId: 'a2' }]);
    assert.equal(demo.emulator.requests[0].scope?.region, 'us-east-1', "the demo profile's region");
    assert.deepEqual(
      fs.readdirSync(folder),
      ['mine.putusers.json'],
      'no .vscode/settings.json or other file of ours in the folder',
    );
  });
});
