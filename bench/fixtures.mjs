// Deterministic input documents for the benchmarks.
export const ARN = 'arn:aws:personalize:us-east-1:123456789012:dataset/bench/USERS';

export function users(count) {
  return Array.from({ length: count }, (_, i) => ({
    userId: `user-${String(i).padStart(6, '0')}`,
    properties: JSON.stringify({
      age: String(18 + (i % 60)),
      membership: i % 3 ? 'Member|Frequent shopper' : 'Guest',
      numberOfVideosWatched: String(i % 500),
      country: ['US', 'DE', 'JP', 'BR'][i % 4],
      signupYear: String(2000 + (i % 25)),
    }),
  }));
}

/** A JSON input file of `count` users, indented like the CLI's skeleton. */
export const jsonDocument = (count) => JSON.stringify({ datasetArn: ARN, users: users(count) }, null, 4) + '\n';

/** The same users as an input file in YAML, as `putusers` and the extension write it (block style). */
export function yamlDocument(count) {
  const lines = [`datasetArn: ${ARN}`, 'users:'];
  for (const user of users(count)) lines.push(`- userId: ${user.userId}`, `  properties: '${user.properties}'`);
  return `${lines.join('\n')}\n`;
}
