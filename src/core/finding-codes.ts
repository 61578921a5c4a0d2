// Every code a finding can carry, with what it means: the one table the rules, the quick fixes,
// the request reader and the emulator branch on. `cli/...`: the AWS CLI refuses the file before
// sending; `service/...`: the CLI sends it and the service rejects or mangles it; `schema/...`:
// `properties` does not fit the Users dataset's schema (checked when one is known).
export const FINDING_CODES = {
  'cli/invalid-json': 'not JSON as Python’s json module reads it',
  'cli/invalid-yaml': 'not YAML as ruamel.yaml reads it',
  'cli/crash': 'the AWS CLI crashes on it (a Python exception instead of a validation message)',
  'cli/too-large': 'YAML aliases that expand beyond what the AWS CLI can build in memory (it never answers)',
  'cli/not-a-map': 'the top level is not a mapping',
  'cli/unknown-member': 'a member the request has no field for',
  'cli/missing-member': 'a required member is missing',
  'cli/invalid-type': 'a value of the wrong type',
  'cli/too-short': 'an empty string or list where the model wants at least one',
  'service/too-many-users': 'more than 10 users in one request',
  'service/duplicate-user-id': 'a userId twice in one request',
  'service/too-long': 'a string over its maximum length',
  'service/arn-pattern': 'a datasetArn the service’s pattern refuses',
  'service/arn-placeholder': 'a datasetArn whose region or account is still a placeholder',
  'service/arn-not-users-dataset': 'a datasetArn that names no Users dataset (a dataset group, another dataset type)',
  'service/properties-not-json': 'a properties string that is not JSON',
  'service/properties-not-object': 'a properties string that is JSON but not an object',
  'service/properties-duplicate-key': 'a properties key twice in one object (which value counts is not defined)',
  'service/properties-key-case': 'a properties key that is not camelCase',
  'service/properties-nested-value': 'a properties value that is an object or a list',
  'service/categorical-too-long': 'a categorical properties value over 1000 characters',
  'schema/invalid-schema': 'a dataset schema the service would not take for a Users dataset (on the schema file)',
  'schema/unknown-key': 'a properties key that names no field of the dataset’s schema',
  'schema/key-not-camel-case':
    'a properties key written as its field’s name or another form than the field’s camelCase',
  'schema/wrong-type': 'a properties value that does not fit its field’s type',
  'schema/missing-field': 'a field that is not nullable, missing from properties or null',
  'schema/empty-category': 'a categorical value with an empty category (`a||b`)',
  'schema/user-id-in-properties': 'the user’s id repeated inside properties',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;
