// After a send: the users not in, as a new input file beside the original (or, where nothing can
// be written, an unsaved editor: they are never only in memory) when some users got in (when
// none did, the original is still the one to send), and a message that says what happened with
// the next step as its buttons (the whole report is behind Show Report; the PutUsers log has
// each request as it happened).
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMAND } from '../command-ids';
import { count, type Format, plural, type PutUsersRequest, writeInput } from '../../core';
import type { SendReport } from '../../send';
import { failureText, type SendFailure } from '../../send/errors';
import { failedFileName, notInRequest } from '../../send/failed-file';
import { reasonNotIn, stillToSendLine, usersNotInWorthAFile } from '../../send/report';
import type { Ctx } from '../context';
import type { LinkRule, UserPlace } from '../read-only-documents';
import { extensionRemedyWords } from './wording';
import { formatOf } from '../documents';
import { uriExists } from '../files';

export interface UsersNotInFile {
  uri: vscode.Uri;
  /** How the report names it: the workspace-relative path, or "an unsaved editor". */
  label: string;
  saved: boolean;
}

/** Where the users not in go: named after `uri` (a file, or `<folder>.putusers.json` for a folder), in `format`. */
export interface UsersNotInTarget {
  uri: vscode.Uri;
  format: Format;
  /** An unsaved editor's: nowhere to write beside it. */
  untitled: boolean;
}

export const targetBeside = (document: vscode.TextDocument): UsersNotInTarget => ({
  uri: document.uri,
  format: formatOf(document),
  untitled: document.isUntitled,
});

/**
 * Writes the users not in beside the target (never over an existing file); an untitled editor
 * when that cannot be done; nothing when no user got in (usersNotInWorthAFile).
 */
export async function writeUsersNotIn(
  target: UsersNotInTarget,
  request: PutUsersRequest,
  report: SendReport,
  log: vscode.LogOutputChannel,
): Promise<UsersNotInFile | undefined> {
  const rest = usersNotInWorthAFile(report) ? notInRequest(request, report) : undefined;
  if (!rest) return undefined;
  const { format } = target;
  const text = writeInput(rest, format);
  if (!target.untitled) {
    const now = new Date();
    const folder = vscode.Uri.joinPath(target.uri, '..');
    try {
      for (let attempt = 1; attempt < 1000; attempt++) {
        const uri = vscode.Uri.joinPath(folder, path.basename(failedFileName(target.uri.path, now, attempt)));
        if (await uriExists(uri)) continue;
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        return { uri, label: vscode.workspace.asRelativePath(uri), saved: true };
      }
    } catch (e) {
      log.warn(
        `could not write the users not in beside ${vscode.workspace.asRelativePath(target.uri)}: ${(e as Error).message}; they are in an unsaved editor instead`,
      );
    }
  }
  const untitled = await vscode.workspace.openTextDocument({
    language: format === 'yaml' ? 'yaml' : 'json',
    content: text,
  });
  await vscode.window.showTextDocument(untitled, { preview: false, preserveFocus: true });
  return { uri: untitled.uri, label: 'an unsaved editor (save it to keep them)', saved: false };
}

/** What the message after a send is about. */
export interface SendOutcome {
  /** The file's workspace-relative name. */
  name: string;
  report: SendReport;
  /** The report as a read-only document (ctx.reports), for Show Report. */
  reportUri: vscode.Uri;
  notInFile: UsersNotInFile | undefined;
  /** Where each user starts, for links and Go to. */
  userPlaces: readonly (UserPlace | undefined)[];
  /** A last sentence (a folder's files left out). */
  note?: string;
}

/**
 * The links of a report: each `users[N]` (or `users[N..M]`) to where users[N] starts, with a
 * tooltip in words, as VS Code shows it as Markdown link text (`users[N]` would lose its brackets).
 */
export function userLinks(places: readonly (UserPlace | undefined)[]): LinkRule {
  return {
    pattern: /users\[(\d+)(?:\.\.\d+)?\]/g,
    place: (m) => places[Number(m[1])],
    tooltip: (m, place) =>
      `Go to the user at index ${m[1]}: line ${place.line + 1} of ${vscode.workspace.asRelativePath(place.uri)}`,
  };
}

/** One message: how many got in, why not all, where the rest are; buttons for the next step (their labels returned). */
export function presentReport(
  ctx: Pick<Ctx, 'reports'>,
  { name, reportUri, report, notInFile, userPlaces, note }: SendOutcome,
): string[] {
  const notIn = report.total - report.accepted;
  const actions = new Map<string, () => unknown>();
  const rejected = report.notIn.find((u) => u.status === 'rejected');
  const place = rejected && userPlaces[rejected.index];
  if (rejected && place) {
    actions.set(`Go to users[${rejected.index}]`, () =>
      vscode.window.showTextDocument(place.uri, { selection: new vscode.Range(place.line, 0, place.line, 0) }),
    );
  }
  if (notInFile?.saved) actions.set('Open Users Not In', () => vscode.window.showTextDocument(notInFile.uri));
  const nextStep = nextStepFor(report.fatal);
  if (nextStep) actions.set(...nextStep);
  actions.set('Show Report', () => ctx.reports.show(reportUri));

  let message: string;
  if (notIn === 0) {
    const throttled = report.throttled
      ? `; the service throttled ${plural(report.throttled, 'attempt')}, each sent again`
      : '';
    message = `PutUsers: all ${count(report.total)} users of ${name} are in (${plural(report.requests.length, 'request')}, ${(report.ms / 1000).toFixed(1)} s${throttled}).`;
  } else {
    const parts = [`PutUsers: ${count(report.accepted)} of ${count(report.total)} users of ${name} are in.`];
    if (report.fatal) parts.push(sentence(failureText(report.fatal, extensionRemedyWords)));
    else if (report.cancelled) parts.push('Cancelled: nothing more was sent.');
    if (rejected)
      parts.push(
        sentence(
          `The service rejected ${plural(report.rejected, 'user')} (marked in the file), e.g. users[${rejected.index}]: ${reasonNotIn(rejected)}`,
        ),
      );
    if (notInFile) parts.push(`The ${notIn} not in are in ${notInFile.label}, ready to send again.`);
    else parts.push(stillToSendLine(report, name));
    message = parts.join(' ');
  }
  if (note) message += ` ${note}`;
  const show =
    notIn === 0
      ? vscode.window.showInformationMessage
      : report.accepted === 0
        ? vscode.window.showErrorMessage
        : vscode.window.showWarningMessage;
  void show(message, ...actions.keys()).then((choice) => choice && actions.get(choice)?.());
  return [...actions.keys()];
}

/** Ends with a full stop (the service's messages often do not). */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text : `${text.trimEnd()}.`;
}

/**
 * The button for the next step after what stopped the send: the remedy's setting or command when
 * the failure has one (the message words it), else the one its kind points to.
 */
function nextStepFor(fatal: SendFailure | undefined): [string, () => unknown] | undefined {
  if (!fatal) return undefined;
  const chooseProfile: [string, () => unknown] = [
    'Choose Profile',
    () => vscode.commands.executeCommand(COMMAND.chooseProfile),
  ];
  const setRegion: [string, () => unknown] = ['Set Region', openSetting('putUsers.region')];
  const setEndpoint: [string, () => unknown] = ['Open Endpoint Setting', openSetting('putUsers.endpoint')];
  switch (fatal.remedy?.kind) {
    case 'choose-profile':
      return chooseProfile;
    case 'set-region':
      return setRegion;
    case 'allow-insecure-endpoint':
    case 'check-endpoint':
      return setEndpoint; // most often the fix is an https:// endpoint; the message names the permission
    case undefined:
      break;
  }
  switch (fatal.kind) {
    case 'sso-expired': // after `aws sso login`, or with another profile
    case 'credentials-refused':
      return chooseProfile;
    case 'not-found':
      return setRegion;
    case 'endpoint':
    case 'unreachable':
      return setEndpoint;
    default:
      return undefined;
  }
}

function openSetting(id: string): () => unknown {
  return () => vscode.commands.executeCommand('workbench.action.openSettings', id);
}
