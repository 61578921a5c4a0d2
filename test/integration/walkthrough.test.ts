// The Get Started walkthrough, step by step, with the commands its buttons run: a sample file
// with one mistake, its quick fix, the local emulator, Send. Asserts the document, diagnostics,
// CodeLenses and what the send reports.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readRequest, validate } from '../../src/core';
import type { SendFileResult } from '../../src/extension/send/send-file';
import { closeAllEditors, lensTitles, saveDocument } from './helpers';
import { applyFix, waitForOurs } from './putusers-helpers';
import { pollUntil } from '../support/values';

describe('Get Started: the walkthrough’s steps', function () {
  this.timeout(60_000);
  after(async () => {
    await vscode.commands.executeCommand('putUsers.stopLocalEmulator');
    await closeAllEditors();
  });

  it('creates a sample with one mistake, fixes it, and sends it to the local emulator', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.createSampleFile');
    const doc = editor.document;
    assert.match(doc.uri.path, /\/sample(-\d+)?\.putusers\.json$/);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    // Step 2: the mistake the AWS CLI refuses, one slip with one fix.
    const shown = await waitForOurs(doc.uri, 2);
    assert.deepEqual(
      shown.map((d) => d.code),
      ['cli/missing-member', 'cli/unknown-member'],
    );
    const text = await applyFix(doc, shown[1]!, /^Rename to "userId"/);
    assert.deepEqual(validate(text, 'json'), []);
    await saveDocument(doc);

    // Step 3: sends go to the emulator, and the CodeLens says so.
    const url = await vscode.commands.executeCommand<string>('putUsers.startLocalEmulator');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await pollUntil(
      async () => ((await lensTitles(doc.uri)).some((t) => t.includes(`local emulator · ${url}`)) ? true : undefined),
      5_000,
      () => 'a CodeLens naming the local emulator',
    );

    // Step 4: Send, as the walkthrough's button runs it (no argument: the visible input).
    const result = await vscode.commands.executeCommand<SendFileResult>('putUsers.sendFile', undefined, {
      confirmed: true,
    });
    assert.equal(result.status, 'sent', JSON.stringify(result));
    const { report } = result as Extract<SendFileResult, { status: 'sent' }>;
    assert.equal(report.endpoint, url);
    assert.deepEqual(
      [report.total, report.accepted, report.rejected, report.failed, report.unsent],
      [readRequest(doc.getText(), 'json').request!.users.length, 2, 0, 0, 0],
    );

    // Stopped, sends go where the settings say again.
    await vscode.commands.executeCommand('putUsers.stopLocalEmulator');
    await pollUntil(
      async () => ((await lensTitles(doc.uri)).some((t) => t.includes('local emulator')) ? undefined : true),
      5_000,
      () => 'no CodeLens naming the local emulator',
    );
    await vscode.workspace.fs.delete(doc.uri);
  });
});
