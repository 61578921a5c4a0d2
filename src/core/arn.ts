// What a dataset ARN says beyond its pattern (the pattern itself is the model's).
const ARN_REGION = /^arn:[^:]*:personalize:([^:]*):/;

/** The region a dataset ARN names (`arn:aws:personalize:us-east-1:...` → us-east-1). */
export function regionOfArn(arn: string): string | undefined {
  return ARN_REGION.exec(arn)?.[1] || undefined;
}
