// A Users dataset's schema from AWS: DescribeDataset gives the dataset's schema ARN, DescribeSchema
// the schema's Avro JSON. Same profile, credentials, endpoint rules and retries as sending; the
// region is the one the dataset ARN names (the dataset exists only there). Read-only calls, so a
// Cancel may cut one in flight. Failures are worded as sending failures are (errors.ts).
import { DescribeDatasetCommand, DescribeSchemaCommand, PersonalizeClient } from '@aws-sdk/client-personalize';
import { regionOfArn, SCHEMA_OPERATIONS } from '../core';
import { type ClientOptions, clientConfig } from './client';
import { reloadSharedFiles } from './credentials';
import type { SendFailure } from './errors';
import { explainedFailure, insecureEndpoint, missingProfile } from './preflight';

export interface DescribeSchemaOptions extends ClientOptions {
  /** Allow http:// endpoints on other hosts than this machine (default: refused). */
  allowInsecureEndpoint?: boolean;
  signal?: AbortSignal;
}

export interface DescribedSchema {
  datasetArn: string;
  schemaArn: string;
  schemaName: string;
  /** The Avro JSON, as DescribeSchema gives it. */
  schemaText: string;
}

export type DescribeSchemaResult = { ok: true; schema: DescribedSchema } | { ok: false; failure: SendFailure };

export async function describeDatasetSchema(
  datasetArn: string,
  options: DescribeSchemaOptions = {},
): Promise<DescribeSchemaResult> {
  const refused = insecureEndpoint(options.endpoint, options.allowInsecureEndpoint);
  if (refused) return { ok: false, failure: refused };
  if (options.signal?.aborted)
    return { ok: false, failure: { kind: 'cancelled', code: 'Cancelled', message: 'Cancelled.', fatal: true } };
  const sharedFiles = await reloadSharedFiles();
  const noProfile = missingProfile(options, sharedFiles);
  if (noProfile) return { ok: false, failure: noProfile };
  const region = regionOfArn(datasetArn) ?? options.region;
  const stop = new AbortController();
  const config = clientConfig({ ...options, ...(region ? { region } : {}) }, stop.signal);
  if (options.endpoint) config.endpoint = controlPlaneEndpoint(options.endpoint);
  const client = new PersonalizeClient(config);
  const abort = () => stop.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const context = {
    datasetArn,
    ...(region ? { region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  const failed = (e: unknown, operation: string, arn = datasetArn) => ({
    ok: false as const,
    failure: explainedFailure(e, { ...context, datasetArn: arn, operation }, sharedFiles, options.profile),
  });
  const send = { abortSignal: stop.signal };
  try {
    let dataset;
    try {
      ({ dataset } = await client.send(new DescribeDatasetCommand({ datasetArn }), send));
    } catch (e) {
      return failed(e, SCHEMA_OPERATIONS.describeDataset);
    }
    if (dataset?.datasetType && dataset.datasetType.toLowerCase() !== SCHEMA_OPERATIONS.usersDatasetType.toLowerCase())
      return refusal('NotUsersDataset', `${datasetArn} is a ${dataset.datasetType} dataset, not a Users dataset.`);
    if (!dataset?.schemaArn) return refusal('NoSchema', `DescribeDataset gave no schema for ${datasetArn}.`);
    const { schemaArn } = dataset;
    let schema;
    try {
      ({ schema } = await client.send(new DescribeSchemaCommand({ schemaArn }), send));
    } catch (e) {
      return failed(e, SCHEMA_OPERATIONS.describeSchema, schemaArn);
    }
    if (schema?.schema === undefined) return refusal('NoSchema', `DescribeSchema gave no schema for ${schemaArn}.`);
    return {
      ok: true,
      schema: { datasetArn, schemaArn, schemaName: schema.name ?? schemaArn, schemaText: schema.schema },
    };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    client.destroy();
  }
}

function refusal(code: string, message: string): DescribeSchemaResult {
  return { ok: false, failure: { kind: 'other', code, message, fatal: true } };
}

/**
 * A custom endpoint serves the control plane too (the emulator answers both), except a regional
 * Personalize Events endpoint, whose control plane twin is `personalize.` instead.
 */
export function controlPlaneEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (!url.hostname.startsWith('personalize-events.')) return endpoint;
    url.hostname = url.hostname.replace(/^personalize-events\./, `${SCHEMA_OPERATIONS.endpointPrefix}.`);
    return url.toString().replace(/\/$/, endpoint.endsWith('/') ? '/' : '');
  } catch {
    return endpoint;
  }
}
