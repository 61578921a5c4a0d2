// The two Amazon Personalize (control plane) operations that tell a dataset's schema, as the
// service answers them in its JSON 1.1 protocol: DescribeDataset and DescribeSchema, for the
// datasets the emulator was started with. Errors are `{"__type": ..., "message": ...}` bodies,
// which botocore and the SDK read by `__type`.
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SCHEMA_OPERATIONS } from '../core';

/** What the control plane knows of a dataset: its ARN, and its schema's Avro JSON when it has one. */
export interface DescribedDataset {
  arn: string;
  schema?: string;
}

export type ControlVerdict = { status: number; body: unknown; errorType?: string; message?: string };

/** The operation an `X-Amz-Target` names, when it is one the emulator answers. */
export function controlOperation(target: string | undefined): 'DescribeDataset' | 'DescribeSchema' | undefined {
  const prefix = `${SCHEMA_OPERATIONS.targetPrefix}.`;
  if (!target?.startsWith(prefix)) return undefined;
  const name = target.slice(prefix.length);
  return name === SCHEMA_OPERATIONS.describeDataset || name === SCHEMA_OPERATIONS.describeSchema ? name : undefined;
}

/**
 * `arn:aws:personalize:REGION:ACCOUNT:dataset/GROUP/USERS` → the ARN of its schema,
 * `arn:aws:personalize:REGION:ACCOUNT:schema/GROUP-users`, and the dataset group's ARN.
 */
function relatedArns(datasetArn: string): { schemaArn: string; groupArn: string; group: string } {
  const m = /^(arn:[^:]+:personalize:[^:]*:[^:]*:)dataset\/([^/]+)\//.exec(datasetArn);
  const prefix = m?.[1] ?? 'arn:aws:personalize:us-east-1:000000000000:';
  const group = m?.[2] ?? 'emulated';
  return { schemaArn: `${prefix}schema/${group}-users`, groupArn: `${prefix}dataset-group/${group}`, group };
}

// A fixed moment: the emulator's datasets have always existed.
const CREATED = 1_700_000_000;

/** The answer to DescribeDataset or DescribeSchema with this request body. */
export function controlVerdict(
  operation: 'DescribeDataset' | 'DescribeSchema',
  body: string,
  datasets: ReadonlyMap<string, DescribedDataset>,
): ControlVerdict {
  let input: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body || '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    input = parsed as Record<string, unknown>;
  } catch {
    return error(400, 'SerializationException', 'Start of structure or map found where not expected.');
  }
  if (operation === SCHEMA_OPERATIONS.describeDataset) {
    const arn = input['datasetArn'];
    if (typeof arn !== 'string') return missing('datasetArn');
    const dataset = datasets.get(arn);
    if (!dataset) return error(400, 'ResourceNotFoundException', `Could not find resource: ${arn}`);
    const { schemaArn, groupArn } = relatedArns(arn);
    return {
      status: 200,
      body: {
        dataset: {
          name: 'users',
          datasetArn: arn,
          datasetGroupArn: groupArn,
          datasetType: SCHEMA_OPERATIONS.usersDatasetType,
          // A dataset the emulator checks no schema for has none to describe.
          ...(dataset.schema !== undefined ? { schemaArn } : {}),
          status: 'ACTIVE',
          creationDateTime: CREATED,
          lastUpdatedDateTime: CREATED,
        },
      },
    };
  }
  const schemaArn = input['schemaArn'];
  if (typeof schemaArn !== 'string') return missing('schemaArn');
  for (const dataset of datasets.values()) {
    const related = relatedArns(dataset.arn);
    if (dataset.schema === undefined || related.schemaArn !== schemaArn) continue;
    return {
      status: 200,
      body: {
        schema: {
          name: `${related.group}-users`,
          schemaArn,
          schema: dataset.schema,
          creationDateTime: CREATED,
          lastUpdatedDateTime: CREATED,
        },
      },
    };
  }
  return error(400, 'ResourceNotFoundException', `Could not find resource: ${schemaArn}`);
}

/** AWS's model validation of a required member that is absent. */
function missing(name: string): ControlVerdict {
  return error(
    400,
    'ValidationException',
    `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
  );
}

function error(status: number, errorType: string, message: string): ControlVerdict {
  return { status, errorType, message, body: { __type: errorType, message } };
}

/** Writes the verdict as the service does; returns the request id. */
export function answerControl(res: ServerResponse, verdict: ControlVerdict): string {
  const requestId = randomUUID();
  const body = JSON.stringify(verdict.body);
  res.writeHead(verdict.status, {
    'x-amzn-RequestId': requestId,
    'Content-Type': SCHEMA_OPERATIONS.contentType,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
  return requestId;
}
