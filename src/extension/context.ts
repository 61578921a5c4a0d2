// The extension's one owner of state (rust-analyzer's `Ctx`): what activate() creates, every
// provider and command reads, and nothing else holds. Module globals would hide who depends on
// what, and outlive a deactivation (an extension enabled again without a reload keeps its modules).
import * as vscode from 'vscode';
import { type ActiveInput, trackActiveInput } from './active-input';
import { type Analyses, createAnalyses } from './analysis/analyses';
import { type AwsSchemas, createAwsSchemas } from './aws-schemas';
import { createDatasetSchemas, type DatasetSchemas } from './dataset-schemas';
import { createValidation, type Validation } from './diagnostics';
import { createInputDocuments, type InputDocuments } from './documents';
import { registerRejectedUsers, type RejectedUsers } from './send/rejected-users';
import { registerReadOnlyDocuments, type ReadOnlyDocuments } from './read-only-documents';
import { createLocalEmulator, type LocalEmulator } from './send/local-emulator';
import { createSendsInProgress, type SendsInProgress } from './send/sends-in-progress';
import { createTargetStatus, type TargetStatus } from './send/target-status';
import { createDatasetArnIndex, type DatasetArnIndex } from './workspace-arns';
import { createPropertyValueIndex, type PropertyValueIndex } from './workspace-property-values';

export interface Ctx {
  /** Disposed when the extension deactivates: everything registered goes here. */
  readonly subscriptions: vscode.Disposable[];
  /** The PutUsers output channel (no secrets, no `properties` contents). */
  readonly log: vscode.LogOutputChannel;
  /** The parse (and completion checkpoints) of each input document, per version. */
  readonly documents: InputDocuments;
  /** Dataset ARNs the workspace's input files use, for completions. */
  readonly datasetArns: DatasetArnIndex;
  /** The values the workspace's input files give each properties key, for completions. */
  readonly propertyValues: PropertyValueIndex;
  /** The active editor's document when it is an input. */
  readonly activeInput: ActiveInput;
  /** The Users dataset schema each input is checked against. */
  readonly schemas: DatasetSchemas;
  /** Users dataset schemas fetched from AWS, per dataset ARN. */
  readonly awsSchemas: AwsSchemas;
  /** Each input's findings and outline, per version, from the worker thread. */
  readonly analyses: Analyses;
  /** Diagnostics: as you type, or on demand for a file too large. */
  readonly validation: Validation;
  /** The local emulator this window sends to while it runs. */
  readonly localEmulator: LocalEmulator;
  /** Where a send would go (profile, region, endpoint) and its status-bar item. */
  readonly target: TargetStatus;
  /** The sends in progress, one per file. */
  readonly sends: SendsInProgress;
  /** Send reports and lists of rejected CSV rows, as read-only documents. */
  readonly reports: ReadOnlyDocuments;
  /** The users the service rejected, as diagnostics on the file sent. */
  readonly rejectedUsers: RejectedUsers;
}

export function createCtx(context: vscode.ExtensionContext): Ctx {
  const subscriptions = context.subscriptions;
  const log = vscode.window.createOutputChannel('PutUsers', { log: true });
  subscriptions.push(log);
  const activeInput = trackActiveInput(subscriptions);
  const localEmulator = createLocalEmulator(subscriptions, log);
  const documents = createInputDocuments();
  const target = createTargetStatus(subscriptions, activeInput, localEmulator);
  const awsSchemas = createAwsSchemas(subscriptions, { state: context.workspaceState, target, log });
  const schemas = createDatasetSchemas(subscriptions, awsSchemas);
  const analyses = createAnalyses(subscriptions, { log, documents, schemas });
  return {
    subscriptions,
    log,
    documents,
    schemas,
    analyses,
    validation: createValidation(subscriptions, { documents, analyses, schemas, log, activeInput }),
    datasetArns: createDatasetArnIndex(subscriptions),
    propertyValues: createPropertyValueIndex(subscriptions),
    activeInput,
    localEmulator,
    target,
    awsSchemas,
    sends: createSendsInProgress(),
    reports: registerReadOnlyDocuments(subscriptions),
    rejectedUsers: registerRejectedUsers(subscriptions),
  };
}

/** A command's implementation, given the state it works on. */
export type CommandFactory = (ctx: Ctx) => (...args: unknown[]) => unknown;

export function registerCommand(ctx: Ctx, id: string, factory: CommandFactory): void {
  ctx.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
}
