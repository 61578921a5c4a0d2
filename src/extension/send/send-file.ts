// "PutUsers: Send File": validate with the core (errors stop it, warnings ask), offer to send a
// file of more than 10 users as consecutive requests, send with the engine (dist/send.js, loaded
// now) under a progress notification with Cancel, write the users not in beside the file, and
// say what happened. One send per file at a time: a second one could send a user twice.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  count,
  type Finding,
  MAX_USERS_PER_REQUEST as MAX_USERS,
  plural,
  type PutUsersRequest,
  type ParseResult,
  readRequestToSend,
  regionOfArn,
  usersList,
} from '../../core';
import type { SendOptions, SendReport } from '../../send';
import { about, estimateLine, estimateSend } from '../../send/estimate';
import { DEFAULT_REQUESTS_PER_SECOND } from '../../send/pacing';
import { regionElsewhere, type SendTarget } from '../../send/target';
import type { Ctx } from '../context';
import { formatOf, isPutUsersDocument } from '../documents';
import { firstProblem, refusedUntrusted, sayInvalid } from '../refusals';
import { settings } from '../settings';
import { engineTarget, loadSendEngine, type SendEngine } from './load-engine';
import { extensionRemedyWords, REGION_FROM } from './wording';
import type { UserPlace } from '../read-only-documents';
import { presentReport, targetBeside, userLinks, type UsersNotInTarget, writeUsersNotIn } from './report-view';

export interface SendFileOptions {
  /** Send without asking (warnings, several requests): for keybindings and automation. */
  confirmed?: boolean;
}

export type SendFileResult =
  | { status: 'no-document' | 'untrusted' | 'busy' | 'declined' | 'empty' }
  | { status: 'invalid'; errors: number }
  | {
      status: 'sent';
      report: SendReport;
      failedFile?: string;
      reportLines: string[];
      /** The report as a read-only document (what Show Report opens). */
      reportUri: string;
      /** The buttons of the message that says what happened. */
      actions: string[];
    };

export async function sendFile(ctx: Ctx, resource?: unknown, options: SendFileOptions = {}): Promise<SendFileResult> {
  if (refusedUntrusted()) return { status: 'untrusted' };
  let document: vscode.TextDocument | undefined;
  try {
    document =
      resource instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(resource)
        : (vscode.window.activeTextEditor?.document ?? (await inputOutOfFocus(ctx)));
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
  // Claimed before the first await, so that a second Send of this file cannot slip in.
  const controller = ctx.sends.claim(document);
  if (!controller) {
    void vscode.window.showWarningMessage(`PutUsers: ${name} is being sent already. Wait for it, or cancel it first.`);
    return { status: 'busy' };
  }
  try {
    return await validateAndSend(ctx, document, name, controller, options);
  } finally {
    ctx.sends.release(document);
  }
}

async function validateAndSend(
  ctx: Ctx,
  document: vscode.TextDocument,
  name: string,
  controller: AbortController,
  options: SendFileOptions,
): Promise<SendFileResult> {
  const { text, parsed } = ctx.documents.asRead(document);
  const parsedVersion = document.version;
  const read = readRequestToSend(text, formatOf(document), parsed);
  const { request } = read;
  if (!request) {
    sayInvalid(name, read.errors);
    return { status: 'invalid', errors: read.errors.length };
  }
  if (request.users.length === 0) {
    void vscode.window.showInformationMessage(`PutUsers: ${name} has no users to send.`);
    return { status: 'empty' };
  }
  if (!options.confirmed && !(await agreesToSend(name, request.users.length, read.findings)))
    return { status: 'declined' };
  // Where each user starts, for the report's links (the file may change while it is sent).
  const userPlaces = document.version === parsedVersion ? placesOfUsers(document, parsed) : [];
  const sent = await sendRequest(ctx, name, request, controller, options, () => ctx.rejectedUsers.clear(document.uri));
  if (!sent) return { status: 'declined' };
  return afterSend(ctx, { document, name, request, ...sent, userPlaces, parsedVersion, parsed });
}

/** Where each user of a parsed document starts. */
export function placesOfUsers(document: vscode.TextDocument, parsed: ParseResult): UserPlace[] {
  return (
    usersList(parsed.root)?.items.map((u) => ({ uri: document.uri, line: document.positionAt(u.start).line })) ?? []
  );
}

/**
 * Sends a request that was read and agreed to: where the status bar says (asking which region
 * when the ARN names another), with the engine loaded now, under a progress notification.
 * Undefined when the region was declined or the send cancelled before it began.
 */
export async function sendRequest(
  ctx: Ctx,
  name: string,
  request: PutUsersRequest,
  controller: AbortController,
  options: SendFileOptions,
  beforeSending: () => void = () => undefined,
): Promise<{ report: SendReport; engine: SendEngine } | undefined> {
  const where = await ctx.target.refresh();
  const region = where.localEmulator
    ? (regionOfArn(request.datasetArn) ?? where.region ?? 'us-east-1') // it answers in any region
    : options.confirmed
      ? where.region
      : await regionToSendTo(name, request.datasetArn, where);
  if (region === null || controller.signal.aborted) return undefined; // declined, or cancelled while asking
  beforeSending();
  const engine = loadSendEngine();
  const report = await sendWithProgress(engine, name, request, controller, {
    ...engineTarget(where),
    ...(region ? { region } : {}),
    concurrency: settings.concurrency(),
    maxRequestsPerSecond: settings.maxRequestsPerSecond(),
    allowInsecureEndpoint: settings.allowInsecureEndpoint(),
    logger: ctx.log,
  });
  return { report, engine };
}

/** The users not in written beside the file, the rejected ones marked in it, and the message. */
async function afterSend(
  ctx: Ctx,
  sent: {
    document: vscode.TextDocument;
    name: string;
    request: PutUsersRequest;
    report: SendReport;
    engine: SendEngine;
    userPlaces: readonly (UserPlace | undefined)[];
    parsed: ParseResult;
    parsedVersion: number;
  },
): Promise<SendFileResult> {
  const { document } = sent;
  return finishSend(ctx, { ...sent, source: document.uri, target: targetBeside(document) }, () => {
    // Marked only while the users are where they were when sent.
    if (document.version === sent.parsedVersion) ctx.rejectedUsers.show(document, sent.parsed, sent.report);
  });
}

/**
 * After a send (a file's or a folder's): the users not in written to a new file named after
 * `target`, the report, and the message that says what happened. `beforeMessage` marks what the
 * caller can (the rejected users in the file sent).
 */
export async function finishSend(
  ctx: Ctx,
  sent: {
    name: string;
    source: vscode.Uri;
    target: UsersNotInTarget;
    request: PutUsersRequest;
    report: SendReport;
    engine: SendEngine;
    userPlaces: readonly (UserPlace | undefined)[];
    /** Said after the report, in the message too (a folder's files left out). */
    note?: string;
  },
  beforeMessage: () => void = () => undefined,
): Promise<SendFileResult> {
  const { request, report, engine, note } = sent;
  // As `putusers send` does: when some users got in and some did not, a file holds exactly those not in.
  const failedFile = engine.allIn(report) ? undefined : await writeUsersNotIn(sent.target, request, report, ctx.log);
  const reportLines = engine.formatReport(report, {
    ...(failedFile ? { failedFile: failedFile.label } : { source: sent.name }),
    remedyWords: extensionRemedyWords,
  });
  if (note) reportLines.push(note);
  // The engine logged each request and the totals as they happened; the file is what is new.
  if (failedFile) ctx.log.info(engine.failedFileLine(report, failedFile.label));
  if (note) ctx.log.info(note);
  beforeMessage();
  const reportUri = ctx.reports.add(`${path.basename(sent.source.path)} — send`, reportLines, [
    userLinks(sent.userPlaces),
  ]);
  const actions = presentReport(ctx, {
    name: sent.name,
    report,
    reportUri,
    notInFile: failedFile,
    userPlaces: sent.userPlaces,
    ...(note ? { note } : {}),
  });
  return {
    status: 'sent',
    report,
    reportLines,
    reportUri: reportUri.toString(),
    actions,
    ...(failedFile ? { failedFile: failedFile.uri.toString() } : {}),
  };
}

/** Asks before sending a file with warnings, or one of more users than one request takes. */
export async function agreesToSend(name: string, total: number, warnings: readonly Finding[]): Promise<boolean> {
  if (
    warnings.length > 0 &&
    !(await confirm(
      `${name} has ${plural(warnings.length, 'warning')}. ${firstProblem(warnings)}`,
      'The service may reject the users concerned; the others still get in.',
      'Send Anyway',
    ))
  )
    return false;
  if (total <= MAX_USERS) return true;
  const estimate = estimateSend(total, settings.maxRequestsPerSecond());
  return confirm(
    `${name} has ${plural(total, 'user')}, and one PutUsers request takes at most ${MAX_USERS}: the service would reject the file as one request.`,
    `${estimateLine(estimate)} (${paceSource(estimate.requestsPerSecond)}): PutUsers sends them in file order, up to ${plural(settings.concurrency(), 'request')} at a time. A user the service rejects does not stop the others, and every user not in is written to a file beside this one.`,
    `Send ${count(estimate.requests)} Requests`,
  );
}

/** Where the pace comes from, in the confirmation. */
function paceSource(requestsPerSecond: number): string {
  return requestsPerSecond === DEFAULT_REQUESTS_PER_SECOND
    ? "the service's quota per dataset group; putUsers.maxRequestsPerSecond if your account's was raised"
    : 'putUsers.maxRequestsPerSecond';
}

/** The engine's send under a progress notification whose Cancel aborts it. */
function sendWithProgress(
  engine: SendEngine,
  name: string,
  request: PutUsersRequest,
  controller: AbortController,
  options: Omit<SendOptions, 'onProgress' | 'signal'>,
): Thenable<SendReport> {
  const total = request.users.length;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `PutUsers: sending ${name}`, cancellable: true },
    (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      const first = estimateSend(total, options.maxRequestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
      progress.report({ message: progressMessage(0, total, first.ms) });
      let reported = 0;
      return engine.sendUsers(request, {
        ...options,
        signal: controller.signal,
        onProgress: (done, _total, { accepted, msLeft }) => {
          progress.report({
            message: progressMessage(accepted, total, done < total ? msLeft : 0),
            increment: ((done - reported) / total) * 100,
          });
          reported = done;
        },
      });
    },
  );
}

/** `370 of 1,000 users in, about 1 min 5 s left` */
function progressMessage(accepted: number, total: number, msLeft: number): string {
  return `${count(accepted)} of ${plural(total, 'user')} in${msLeft > 0 ? `, ${about(msLeft)} left` : ''}`;
}

/**
 * The dataset ARN names a region and the service has the dataset only there: sending to another
 * region's endpoint can only end in ResourceNotFoundException. Ask which (null: declined).
 */
async function regionToSendTo(name: string, datasetArn: string, where: SendTarget): Promise<string | undefined | null> {
  const arnRegion = regionElsewhere(datasetArn, where);
  if (!arnRegion) return where.region;
  const toArn = `Send to ${arnRegion}`;
  const from = REGION_FROM[where.regionFrom!];
  if (where.endpoint) {
    // The region would only change the signature: the endpoint decides which datasets exist there.
    const anyway = 'Send Anyway';
    const choice = await vscode.window.showWarningMessage(
      `PutUsers: the dataset of ${name} is in ${arnRegion}, but PutUsers would send to ${where.endpoint} (putUsers.endpoint), signed for ${where.region} (${from}).`,
      {
        modal: true,
        detail: `That endpoint answers ResourceNotFoundException unless it holds this dataset. Clear putUsers.endpoint to send to AWS in ${arnRegion}.`,
      },
      anyway,
    );
    return choice === anyway ? where.region : null;
  }
  const choice = await vscode.window.showWarningMessage(
    `PutUsers: the dataset of ${name} is in ${arnRegion}, but PutUsers would send to ${where.region} (${from}).`,
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

/**
 * With no text editor active (Send clicked in the walkthrough, an editor of its own): the one
 * input among the visible editors, else the input active last, brought into sight first, so that
 * what is sent is on the screen.
 */
async function inputOutOfFocus(ctx: Ctx): Promise<vscode.TextDocument | undefined> {
  const inputs = [...new Set(vscode.window.visibleTextEditors.map((e) => e.document).filter(isPutUsersDocument))];
  if (inputs.length > 0) return inputs.length === 1 ? inputs[0] : undefined; // several: which one is not ours to guess
  const recent = ctx.activeInput.recent;
  if (recent) await vscode.window.showTextDocument(recent, { preview: false });
  return recent;
}
