// The single source of truth for PutUsers: every constraint and doc string the validator,
// the JSON Schema, hovers, completions and skeletons use comes from here.
// Sources: the Personalize Events API model (botocore/Smithy) and ../shared/docs/putusers-facts.md.

import { sameName } from './nearest';
export interface StringShape {
  kind: 'string';
  min?: number;
  max?: number;
  /** A regular expression the whole value must match (service-side only). */
  pattern?: string;
  /** The model's `sensitive` trait: never log such a value. */
  sensitive?: boolean;
  /** The value is a JSON document held in a string (the model's `jsonvalue`). */
  jsonValue?: boolean;
}

export interface ListShape {
  kind: 'list';
  min?: number;
  max?: number;
  member: StructureShape;
}

export interface StructureShape {
  kind: 'structure';
  name: string;
  /** Members in the model's order: the CLI lists them in this order ("must be one of: ..."). */
  members: readonly Member[];
}

export type Shape = StringShape | ListShape | StructureShape;

export interface Member {
  name: string;
  required: boolean;
  shape: Shape;
  /** The model's documentation as plain text (markdown code spans allowed). */
  doc: string;
  /** The first sentence of the doc: what the CLI's YAML skeleton prints. */
  overview: string;
  /** An example value for completions and snippets. */
  example?: string;
}

/** At most this many characters in one categorical value (one `|`-separated list). */
export const MAX_CATEGORICAL_VALUE_LENGTH = 1000;

/**
 * A Users dataset's schema: the Avro record `CreateSchema` takes. `USER_ID` (a string) and 1 to
 * 25 metadata fields, each an Avro primitive or a union of one with "null". `properties` keys are
 * the fields' names in camelCase.
 */
export const USERS_SCHEMA = {
  userIdField: 'USER_ID',
  minMetadataFields: 1,
  maxMetadataFields: 25,
  fieldTypes: ['string', 'int', 'long', 'float', 'double', 'boolean'],
} as const;

export type SchemaFieldType = (typeof USERS_SCHEMA.fieldTypes)[number];

export const USER: StructureShape = {
  kind: 'structure',
  name: 'User',
  members: [
    {
      name: 'userId',
      required: true,
      shape: { kind: 'string', min: 1, max: 256, sensitive: true },
      doc: 'The ID associated with the user.',
      overview: 'The ID associated with the user.',
      example: 'user-1',
    },
    {
      name: 'properties',
      required: false,
      shape: { kind: 'string', min: 1, max: 24000, sensitive: true, jsonValue: true },
      doc:
        'A string map of user-specific metadata. Each element in the map consists of a key-value pair. ' +
        'For example, `{"numberOfVideosWatched": "45"}`.\n\n' +
        'The keys use camel case names that match the fields in the schema for the Users dataset. ' +
        "In the previous example, the `numberOfVideosWatched` matches the 'NUMBER_OF_VIDEOS_WATCHED' field " +
        'defined in the Users schema. For categorical string data, to include multiple categories for a single ' +
        'user, separate each category with a pipe separator (`|`). For example, `"Member|Frequent shopper"`.',
      overview: 'A string map of user-specific metadata.',
      example: '{"numberOfVideosWatched": "45"}',
    },
  ],
};

export const PUT_USERS_REQUEST: StructureShape = {
  kind: 'structure',
  name: 'PutUsersRequest',
  members: [
    {
      name: 'datasetArn',
      required: true,
      shape: { kind: 'string', max: 256, pattern: 'arn:([a-z\\d-]+):personalize:.*:.*:.+' },
      doc: 'The Amazon Resource Name (ARN) of the Users dataset you are adding the user or users to.',
      overview: 'The Amazon Resource Name (ARN) of the Users dataset you are adding the user or users to.',
      example: 'arn:aws:personalize:us-east-1:123456789012:dataset/my-dataset-group/USERS',
    },
    {
      name: 'users',
      required: true,
      shape: { kind: 'list', min: 1, max: 10, member: USER },
      doc: 'A list of user data.',
      overview: 'A list of user data.',
    },
  ],
};

export const OPERATION = {
  name: 'PutUsers',
  cliCommand: 'aws personalize-events put-users',
  doc: 'Adds one or more users to a Users dataset.',
  method: 'POST',
  path: '/users',
  signingName: 'personalize',
  endpointPrefix: 'personalize-events',
  errors: ['InvalidInputException', 'ResourceNotFoundException', 'ResourceInUseException'],
} as const;

/**
 * The two Amazon Personalize (control plane) operations that tell a dataset's schema: JSON 1.1
 * over `POST /` with `X-Amz-Target: AmazonPersonalize.<name>`, signed for `personalize` like
 * PutUsers, at `personalize.<region>.amazonaws.com`.
 */
export const SCHEMA_OPERATIONS = {
  targetPrefix: 'AmazonPersonalize',
  contentType: 'application/x-amz-json-1.1',
  endpointPrefix: 'personalize',
  describeDataset: 'DescribeDataset',
  describeSchema: 'DescribeSchema',
  /** The `datasetType` DescribeDataset gives a Users dataset. */
  usersDatasetType: 'Users',
} as const;

/** The list shape of `users` (its min/max are the batch limits the sender uses). */
export const USER_LIST = PUT_USERS_REQUEST.members[1]!.shape as ListShape;

/** The most users one PutUsers request takes (10): what senders batch by and what a split file holds. */
export const MAX_USERS_PER_REQUEST = USER_LIST.max ?? 10;

/**
 * The service's PutUsers quota: requests per second per dataset group ("Maximum rate of PutUsers
 * requests per dataset group: 10/second", the Amazon Personalize quotas page; adjustable through
 * Service Quotas). The emulator enforces it and the sender paces itself by it unless told more.
 */
export const PUT_USERS_REQUESTS_PER_SECOND = 10;

/** A string shape's pattern as the service applies it: the whole value must match. */
export function fullPattern(pattern: string): string {
  return `^(?:${pattern})$`;
}

export function memberOf(shape: StructureShape, name: string): Member | undefined {
  for (const m of shape.members) if (m.name === name) return m;
  return undefined;
}

/** The member a near-miss name means (`userID`, `UserId`, `dataset_arn`), if any. */
export function suggestMember(shape: StructureShape, name: string): string | undefined {
  return shape.members.find((m) => sameName(m.name, name))?.name;
}
