// Users dataset schemas fetched from AWS for inputs with no local schema file: DescribeDataset,
// then DescribeSchema (dist/send.js, loaded on the first fetch), with the profile, credentials
// and endpoint Send uses. Only where the workspace opted in (putUsers.datasetSchemaFromAws) and
// is trusted. Cached per dataset ARN in the workspace's state, so a schema is fetched once and
// then only by "PutUsers: Refresh Dataset Schema"; a failure is kept until a refresh or until
// the profile, region or endpoint changes. Each schema shows as a read-only JSON document.
import * as vscode from 'vscode';
import { regionOfArn } from '../core';
import { failureText } from '../send/errors';
import { OWN_SCHEMES } from './documents';
import { settings } from './settings';
import { engineTarget, loadSendEngine } from './send/load-engine';
import type { TargetStatus } from './send/target-status';
import { extensionRemedyWords } from './send/wording';

export const AWS_SCHEMA_SCHEME = OWN_SCHEMES.awsSchema;
const STATE_KEY = 'putUsers.awsDatasetSchemas';

export interface FetchedSchema {
  schemaArn: string;
  schemaName: string;
  /** The Avro JSON as DescribeSchema gave it. */
  text: string;
  fetchedAt: number;
}

export type AwsSchema =
  { state: 'fetching' } | ({ state: 'fetched' } & FetchedSchema) | { state: 'failed'; message: string };

export interface AwsSchemas {
  /** Whether inputs here may be checked against a schema from AWS: opted in, and the workspace trusted. */
  enabled(scope: vscode.ConfigurationScope): boolean;
  /** What is known of the dataset's schema, without fetching (undefined: nothing yet). */
  peek(datasetArn: string): AwsSchema | undefined;
  /** What is known, starting a fetch when nothing is. */
  lookup(datasetArn: string): AwsSchema;
  /** Fetches anew. */
  refresh(datasetArn: string): Promise<AwsSchema>;
  /** The read-only document that shows the schema (its text pretty-printed, as it is checked). */
  uriOf(datasetArn: string): vscode.Uri;
  /** The text of a fetched schema as shown and read. */
  textOf(fetched: FetchedSchema): string;
  /** A dataset's schema was fetched, or failed to be. */
  readonly onDidChange: vscode.Event<string>;
}

export function createAwsSchemas(
  subscriptions: vscode.Disposable[],
  { state, target, log }: { state: vscode.Memento; target: TargetStatus; log: vscode.LogOutputChannel },
): AwsSchemas {
  const changed = new vscode.EventEmitter<string>();
  const contentChanged = new vscode.EventEmitter<vscode.Uri>();
  const known = new Map<string, AwsSchema>(
    Object.entries(state.get<Record<string, FetchedSchema>>(STATE_KEY, {})).map(([arn, f]) => [
      arn,
      { state: 'fetched', ...f },
    ]),
  );
  const persist = () =>
    state.update(
      STATE_KEY,
      Object.fromEntries(
        [...known].flatMap(([arn, s]) =>
          s.state === 'fetched'
            ? [[arn, { schemaArn: s.schemaArn, schemaName: s.schemaName, text: s.text, fetchedAt: s.fetchedAt }]]
            : [],
        ),
      ),
    );
  const uriOf = (datasetArn: string) => {
    const group = /:dataset\/([^/]+)\//.exec(datasetArn)?.[1] ?? 'dataset';
    return vscode.Uri.from({ scheme: AWS_SCHEMA_SCHEME, path: `/${group}/USERS.schema.json`, query: datasetArn });
  };
  const textOf = (fetched: FetchedSchema) => {
    try {
      return `${JSON.stringify(JSON.parse(fetched.text), null, 2)}\n`;
    } catch {
      return fetched.text; // as given: its problems are located on it
    }
  };

  const inFlight = new Map<string, Promise<AwsSchema>>();
  let lastTarget: string | undefined;
  const fetch = (datasetArn: string): Promise<AwsSchema> => {
    const running = inFlight.get(datasetArn);
    if (running) return running;
    known.set(datasetArn, { state: 'fetching' });
    const done = describe(datasetArn).then(async (result) => {
      inFlight.delete(datasetArn);
      known.set(datasetArn, result);
      if (result.state === 'fetched') await persist();
      log.info(
        result.state === 'fetched'
          ? `Fetched the schema ${result.schemaName} of ${datasetArn} from AWS`
          : `Could not fetch the schema of ${datasetArn} from AWS: ${result.message}`,
      );
      contentChanged.fire(uriOf(datasetArn));
      changed.fire(datasetArn);
      return result;
    });
    inFlight.set(datasetArn, done);
    return done;
  };
  const describe = async (datasetArn: string): Promise<Exclude<AwsSchema, { state: 'fetching' }>> => {
    try {
      const where = await target.refresh();
      const result = await loadSendEngine().describeDatasetSchema(datasetArn, {
        ...engineTarget(where),
        region: regionOfArn(datasetArn) ?? where.region,
        allowInsecureEndpoint: settings.allowInsecureEndpoint(),
      });
      return result.ok
        ? {
            state: 'fetched',
            schemaArn: result.schema.schemaArn,
            schemaName: result.schema.schemaName,
            text: result.schema.schemaText,
            fetchedAt: Date.now(),
          }
        : { state: 'failed', message: failureText(result.failure, extensionRemedyWords) };
    } catch (e) {
      return { state: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  };

  subscriptions.push(
    changed,
    contentChanged,
    vscode.workspace.registerTextDocumentContentProvider(AWS_SCHEMA_SCHEME, {
      onDidChange: contentChanged.event,
      provideTextDocumentContent(uri) {
        const now = known.get(uri.query);
        // Still JSON when there is no schema to show: the editor's JSON checks stay quiet.
        return now?.state === 'fetched'
          ? textOf(now)
          : `${JSON.stringify(`The schema of ${uri.query} ${now?.state === 'failed' ? `could not be fetched: ${now.message}` : 'is not fetched yet'}`)}\n`;
      },
    }),
    // Another profile, region or endpoint may succeed where this one failed (the target is read
    // again often: only a change counts).
    target.onDidChange((where) => {
      const now = JSON.stringify([where.profile, where.region, where.endpoint, where.credentials]);
      if (now === lastTarget) return;
      const first = lastTarget === undefined;
      lastTarget = now;
      if (first) return;
      const failed = [...known].filter(([, s]) => s.state === 'failed');
      for (const [arn] of failed) known.delete(arn);
      if (failed[0]) changed.fire(failed[0][0]);
    }),
  );

  return {
    enabled: (scope) => vscode.workspace.isTrusted && settings.datasetSchemaFromAws(scope),
    peek: (datasetArn) => known.get(datasetArn),
    lookup(datasetArn) {
      const now = known.get(datasetArn);
      if (now) return now;
      void fetch(datasetArn);
      return known.get(datasetArn)!;
    },
    refresh: fetch,
    uriOf,
    textOf,
    onDidChange: changed.event,
  };
}
