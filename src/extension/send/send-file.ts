// "PutUsers: Send File": validate with the core (errors stop it, warnings ask), offer to send a
// file of more than 10 users as consecutive requests, send with the engine (dist/send.js, loaded
// now) under a progress notification with Cancel, write the users not in beside the file, and
// say what happened. One send per file at a time: a second one could send a user twice.
import * as vscode from 'vscode';
import { CONTEXT_KEY } from '../command-ids';
import { type Finding, MAX_USERS_PER_REQUEST as MAX_USERS, plural, readRequestToSend } from '../../core';
import type { SendReport } from '../../send';
import { regionElsewhere, type SendTarget } from '../../send/target';
import { formatOf, parsedDocument } from '../documents';
import { settings } from '../settings';
import { loadSendEngine } from './load-engine';
import { extensionRemedyWords, REGION_FROM } from './wording';
import { presentReport, writeUsersNotIn } from './report-view';
import type { TargetStatus } from './target-status';

export interface SendFileOptions {
  /** Send without asking (warnings, several requests): for keybindings and automation. */
  confirmed?: boolean;
}

export type SendFileResult =
  | { status: 'no-document' | 'untrusted' | 'busy' | 'declined' | 'empty' }
  | { status: 'invalid'; errors: number }
  | { status: 'sent'; report: SendReport; failedFile?: string; reportLines: string[] };

/** Sends in progress, by document URI: the Cancel command aborts them. */
const sending = new Map<string, AbortController>();

export function cancelSending(): number {
  sending.forEach((controller) => controller.abort());
  return sending.size;
}

/** Tracks the sends in progress; the `putUsers.sending` context key shows the Cancel command. */
function setSending(key: string, controller: AbortController | undefined): void {
  if (controller) sending.set(key, controller);
  else sending.delete(key);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEY.sending, sending.size > 0);
}

export async function sendFile(
  log: vscode.LogOutputChannel,
  target: TargetStatus,
  resource?: unknown,
  options: SendFileOptions = {},
): Promise<SendFileResult> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window
      .showErrorMessage(
        'PutUsers: sending is disabled in Restricted Mode. Trust this workspace to send its files to AWS.',
        'Manage Workspace Trust',
      )
      .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
    return { status: 'untrusted' };
  }
  let document: vscode.TextDocument | undefined;
  try {
    document =
      resource instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(resource)
        : vscode.window.activeTextEditor?.document;
  } catch (e) {
    void vscode.window.showErrorMessage(
      `PutUsers: cannot open ${vscode.workspace.asRelativePath(resource as vscode.Uri)}: ${(e as Error).message}`,
    );
    return { status: 'no-document' };
  }
  if (!document) {
    void vscode.window.showErrorMessage('PutUsers: open a PutUsers input file to send it.');
    return { status: 'no-document' };
  }
  const name = vscode.workspace.asRelativePath(document.uri);
  const key = document.uri.toString();
  if (sending.has(key)) {
    void vscode.window.showWarningMessage(`PutUsers: ${name} is being sent already. Wait for it, or cancel it first.`);
    return { status: 'busy' };
  }

  // Claimed before the first await, so that a second Send of this file cannot slip in.
  const controller = new AbortController();
  setSending(key, controller);
  try {
    return await validateAndSend(document, name, controller, log, target, options);
  } finally {
    setSending(key, undefined);
  }
}

async function validateAndSend(
  document: vscode.TextDocument,
  name: string,
  controller: AbortController,
  log: vscode.LogOutputChannel,
  target: TargetStatus,
  options: SendFileOptions,
): Promise<SendFileResult> {
  const {
    request,
    findings: shown,
    errors,
  } = readRequestToSend(document.getText(), formatOf(document), parsedDocument(document));
  if (!request) {
    void vscode.window
      .showErrorMessage(
        `PutUsers: ${name} has ${plural(errors.length, 'error')}: nothing was sent. ${firstProblem(errors)}`,
        'Show Problems',
      )
      .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { status: 'invalid', errors: errors.length };
  }
  const total = request.users.length;
  if (total === 0) {
    void vscode.window.showInformationMessage(`PutUsers: ${name} has no users to send.`);
    return { status: 'empty' };
  }
  if (!options.confirmed) {
    if (
      shown.length > 0 &&
      !(await confirm(
        `${name} has ${plural(shown.length, 'warning')}. ${firstProblem(shown)}`,
        'The service may reject the users concerned; the others still get in.',
        'Send Anyway',
      ))
    )
      return { status: 'declined' };
    const requests = Math.ceil(total / MAX_USERS);
    if (
      total > MAX_USERS &&
      !(await confirm(
        `${name} has ${total} users; one PutUsers request takes at most ${MAX_USERS} (the AWS CLI refuses this file).`,
        `Send them as ${requests} consecutive requests of at most ${MAX_USERS} users, in file order, ${settings.concurrency()} at a time?`,
        `Send ${requests} Requests`,
      ))
    )
      return { status: 'declined' };
  }

  const where = await target.refresh();
  const region = options.confirmed ? where.region : await regionToSendTo(name, request.datasetArn, where);
  if (region === null || controller.signal.aborted) return { status: 'declined' }; // declined, or cancelled while asking
  const engine = loadSendEngine();
  const report: SendReport = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `PutUsers: sending ${name}`, cancellable: true },
    (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      progress.report({ message: `0 of ${total} users` });
      let reported = 0;
      return engine.sendUsers(request, {
        ...(where.profileFrom !== 'default' ? { profile: where.profile } : {}),
        ...(region ? { region } : {}),
        ...(where.endpoint ? { endpoint: where.endpoint } : {}),
        concurrency: settings.concurrency(),
        allowInsecureEndpoint: settings.allowInsecureEndpoint(),
        signal: controller.signal,
        logger: log,
        onProgress: (done) => {
          progress.report({ message: `${done} of ${total} users`, increment: ((done - reported) / total) * 100 });
          reported = done;
        },
      });
    },
  );
  // As `putusers send` does: whenever a user is not in, a file holds exactly those not in.
  const failedFile = engine.allIn(report) ? undefined : await writeUsersNotIn(document, request, report, log);
  const reportLines = engine.formatReport(report, {
    ...(failedFile ? { failedFile: failedFile.label } : {}),
    remedyWords: extensionRemedyWords,
  });
  // The engine logged each request and the totals as they happened; the file is what is new.
  if (failedFile) log.info(engine.failedFileLine(report, failedFile.label));
  presentReport(name, report, reportLines, failedFile);
  return { status: 'sent', report, reportLines, ...(failedFile ? { failedFile: failedFile.uri.toString() } : {}) };
}

/**
 * The dataset ARN names a region and the service has the dataset only there: sending to another
 * region's endpoint can only end in ResourceNotFoundException. Ask which (null: declined).
 */
async function regionToSendTo(name: string, datasetArn: string, where: SendTarget): Promise<string | undefined | null> {
  const arnRegion = regionElsewhere(datasetArn, where);
  if (!arnRegion) return where.region;
  const toArn = `Send to ${arnRegion}`;
  const choice = await vscode.window.showWarningMessage(
    `PutUsers: the dataset of ${name} is in ${arnRegion}, but PutUsers would send to ${where.region} (${REGION_FROM[where.regionFrom!]}).`,
    {
      modal: true,
      detail: `The service would answer ResourceNotFoundException in ${where.region}. Set putUsers.region to send there always.`,
    },
    toArn,
    `Send to ${where.region}`,
  );
  return choice === undefined ? null : choice === toArn ? arnRegion : where.region;
}

async function confirm(message: string, detail: string, yes: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(`PutUsers: ${message}`, { modal: true, detail }, yes)) === yes;
}

function firstProblem(findings: readonly Finding[]): string {
  const first = findings[0];
  return first ? `First, line ${first.range.start.line + 1}: ${first.message}` : '';
}
