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
const USERS_DATASET = /^dataset\/[^/]+\/USERS$/;

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
  if (!USERS_DATASET.test(resource)) {
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
  const parts = ARN_PARTS.exec(arn);
  const group = parts && /^(?:dataset-group\/([^/]+)|dataset\/([^/]+)\/[^/]*)$/.exec(parts[4]!);
  const name = group?.[1] ?? group?.[2];
  return parts && name ? `arn:${parts[1]}:personalize:${parts[2]}:${parts[3]}:dataset/${name}/USERS` : undefined;
}

function describeResource(resource: string): string {
  const group = /^dataset-group\/([^/]+)$/.exec(resource);
  if (group) return `the dataset group ${group[1]}`;
  const dataset = /^dataset\/([^/]+)\/([^/]*)$/.exec(resource);
  if (dataset) return `the ${dataset[2] || 'untyped'} dataset of ${dataset[1]}`;
  const kind = /^([a-z-]+)\//.exec(resource)?.[1];
  return kind ? `a ${kind.replace(/-/g, ' ')}` : `'${resource}'`;
}
