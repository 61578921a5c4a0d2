// Above `users` in an input file: "Send N users (as K requests)" and where they would go
// (profile · region), in a trusted workspace. From the analysis of the current version and the
// cached target: nothing is read or parsed for the lenses alone.
import * as vscode from 'vscode';
import { COMMAND } from '../command-ids';
import { plural } from '../../core';
import { about, estimateLine, estimateSend } from '../../send/estimate';
import { regionElsewhere } from '../../send/target';
import type { Ctx } from '../context';
import { senderName } from './target-status';
import type { VersionedAnalysis } from '../analysis/analyses';
import { presentSchema } from '../schema-presentation';
import { isPutUsersDocument } from '../documents';
import { toPosition } from '../ranges';
import { settings } from '../settings';

export function sendCodeLensProvider({
  target,
  documents,
  analyses,
  schemas,
}: Ctx): vscode.CodeLensProvider & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const subscriptions = [
    changed,
    target.onDidChange(() => changed.fire()),
    schemas.onDidChange(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration(
      (e) =>
        (e.affectsConfiguration('putUsers.codeLens') || e.affectsConfiguration('putUsers.maxRequestsPerSecond')) &&
        changed.fire(),
    ),
  ];
  return {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      if (!vscode.workspace.isTrusted || !settings.codeLens(document) || !isPutUsersDocument(document)) return [];
      if (documents.tooLargeForLiveChecks(document)) return [];
      const { analysis, schema } = await analyses.of(document);
      const facts = analysis.sendLens;
      if (!facts) return [];
      const count = facts.userCount;
      const at = new vscode.Range(toPosition(facts.at), toPosition(facts.at));
      const estimate = estimateSend(count, settings.maxRequestsPerSecond());
      // The time only when there is time to speak of: at the quota, from 10 requests on.
      const time = estimate.ms >= 1000 ? `, ${about(estimate.ms)}` : '';
      const lenses = [
        schemaLens(at, schema),
        new vscode.CodeLens(at, {
          title: `$(cloud-upload) Send ${plural(count, 'user')}${estimate.requests > 1 ? ` as ${plural(estimate.requests, 'request')}${time}` : ''}`,
          tooltip: `PutUsers: Send File (${estimateLine(estimate)})`,
          command: COMMAND.sendFile,
          arguments: [document.uri],
        }),
      ];
      const where = target.last;
      if (where?.localEmulator) {
        lenses.push(
          new vscode.CodeLens(at, {
            title: `$(beaker) local emulator · ${where.endpoint}`,
            tooltip:
              'Sends go to the local emulator, not to AWS: PutUsers: Stop Local Emulator to send with your profile',
            command: COMMAND.stopLocalEmulator,
          }),
        );
      } else if (where) {
        const arnRegion = facts.datasetArn === undefined ? undefined : regionElsewhere(facts.datasetArn, where);
        lenses.push(
          new vscode.CodeLens(at, {
            title: `${arnRegion ? '$(warning) ' : ''}${senderName(where)} · ${where.region ?? 'no region'}${where.endpoint ? ` · ${where.endpoint}` : ''}${arnRegion ? ` (the dataset is in ${arnRegion})` : ''}`,
            tooltip: !arnRegion
              ? 'The AWS profile and region to send with: click to choose another profile'
              : where.endpoint
                ? `The dataset ARN names ${arnRegion}, but sends go to ${where.endpoint} (putUsers.endpoint): it answers ResourceNotFoundException unless it holds this dataset. Clear putUsers.endpoint to send to AWS.`
                : `The dataset ARN names ${arnRegion}: sent to ${where.region}, its users would get ResourceNotFoundException. Click to choose another profile, or set putUsers.region.`,
            command: COMMAND.chooseProfile,
          }),
        );
      } else void target.refresh();
      return lenses;
    },
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}

/** Which dataset schema the file is checked against (a click opens it), or how to give it one. */
function schemaLens(at: vscode.Range, schema: VersionedAnalysis['schema']): vscode.CodeLens {
  const shown = presentSchema(schema);
  return new vscode.CodeLens(at, { ...shown.command, title: `$(${shown.icon}) ${shown.long}`, tooltip: shown.tooltip });
}
