// What a dataset ARN says beyond its pattern (the pattern itself is the model's).
const ARN_REGION = /^arn:[^:]*:personalize:([^:]*):/;

/** The region a dataset ARN names (`arn:aws:personalize:us-east-1:...` → us-east-1). */
export function regionOfArn(arn: string): string | undefined {
  return ARN_REGION.exec(arn)?.[1] || undefined;
}

const ARN_PARTS = /^arn:([^:]*):personalize:([^:]*):([^:]*):(.*)$/;
/** us-east-1, us-gov-west-1, cn-north-1, ap-southeast-2, ... */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

export interface ArnProblem {
  code: 'service/arn-placeholder' | 'service/arn-not-users-dataset';
  message: string;
}

/**
 * What keeps an ARN that passes the service's pattern from naming a Users dataset: a region or
 * account still a placeholder (the snippet's `region`, `account`), a dataset group, a dataset of
 * another type, another kind of resource.
 */
export function datasetArnProblems(arn: string): ArnProblem[] {
  const parts = ARN_PARTS.exec(arn);
  if (!parts) return [];
  const [, , region, account, resource] = parts as unknown as [string, string, string, string, string];
  const problems: ArnProblem[] = [];
  const placeholders = [
    ...(REGION.test(region) ? [] : [`'${region}' is not an AWS Region`]),
    ...(ACCOUNT.test(account) ? [] : [`'${account}' is not a 12-digit AWS account ID`]),
  ];
  if (placeholders.length > 0)
    problems.push({
      code: 'service/arn-placeholder',
      message: `datasetArn is not filled in: ${placeholders.join(', and ')}. The service finds no dataset at it.`,
    });
  const named = resourceOf(resource);
  if (named.kind !== 'dataset' || named.type !== 'USERS') {
    const users = usersDatasetArnFor(arn);
    problems.push({
      code: 'service/arn-not-users-dataset',
      message: `datasetArn names ${describeResource(resource)}, not a Users dataset: PutUsers adds users only to a dataset group's USERS dataset${users ? `, here ${users}` : ' (arn:aws:personalize:REGION:ACCOUNT:dataset/DATASET_GROUP/USERS)'}. The service will not add them here.`,
    });
  }
  return problems;
}

/** The Users dataset ARN of the dataset group an ARN names (its group, or another dataset of it). */
export function usersDatasetArnFor(arn: string): string | undefined {
  const group = groupOf(arn);
  return group && `${group.prefix}:dataset/${group.name}/USERS`;
}

/**
 * The dataset group an ARN names (its group, or a dataset of it): the unit the service's
 * PutUsers quota counts requests per (10 per second unless raised).
 */
export function datasetGroupArnOf(arn: string): string | undefined {
  const group = groupOf(arn);
  return group && `${group.prefix}:dataset-group/${group.name}`;
}

/** `arn:PARTITION:personalize:REGION:ACCOUNT` and the group's name, for a group's or a dataset's ARN. */
function groupOf(arn: string): { prefix: string; name: string } | undefined {
  const parts = ARN_PARTS.exec(arn);
  const resource = parts && resourceOf(parts[4]!);
  if (!parts || (resource?.kind !== 'dataset-group' && resource?.kind !== 'dataset')) return undefined;
  return { prefix: `arn:${parts[1]}:personalize:${parts[2]}:${parts[3]}`, name: resource.group };
}

type Resource =
  | { kind: 'dataset-group'; group: string }
  | { kind: 'dataset'; group: string; type: string }
  | { kind: 'other'; name: string };

/** `dataset-group/G`, `dataset/G/TYPE`, or another resource (`solution/S`, ...). */
function resourceOf(resource: string): Resource {
  const group = /^dataset-group\/([^/]+)$/.exec(resource);
  if (group) return { kind: 'dataset-group', group: group[1]! };
  const dataset = /^dataset\/([^/]+)\/([^/]*)$/.exec(resource);
  if (dataset) return { kind: 'dataset', group: dataset[1]!, type: dataset[2]! };
  return { kind: 'other', name: resource };
}

function describeResource(resource: string): string {
  const r = resourceOf(resource);
  if (r.kind === 'dataset-group') return `the dataset group ${r.group}`;
  if (r.kind === 'dataset') return `the ${r.type || 'untyped'} dataset of ${r.group}`;
  const kind = /^([a-z-]+)\//.exec(r.name)?.[1];
  return kind ? `a ${kind.replace(/-/g, ' ')}` : `'${r.name}'`;
}
