import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  expandSnippet,
  inputJsonSchema,
  PUT_USERS_REQUEST,
  SKELETON_KINDS,
  skeleton,
  skeletonSnippet,
  USER,
  validate,
} from '../../../src/core';

const root = path.resolve(__dirname, '../../../..');

describe('skeletons', () => {
  // Recorded from /usr/bin/aws personalize-events put-users --generate-cli-skeleton KIND (aws-cli 2.9.19).
  for (const kind of SKELETON_KINDS) {
    it(`${kind} is byte for byte the AWS CLI's`, () => {
      assert.equal(skeleton(kind), readFileSync(path.join(root, 'test/fixtures/skeletons', `${kind}.txt`), 'utf8'));
    });
  }
  it('as snippets: the same text, with tab stops 1 to 3 in datasetArn, userId and properties', () => {
    for (const kind of ['input', 'yaml-input'] as const) {
      const snippet = skeletonSnippet(kind);
      assert.equal(expandSnippet(snippet), skeleton(kind));
      const stops = ['datasetArn', 'userId', 'properties'].map(
        (name) => new RegExp(`${name}["']?: (["'])\\$(\\d)\\1`).exec(snippet)?.[2],
      );
      assert.deepEqual(stops, ['1', '2', '3'], snippet);
    }
  });

  it('parses back to the CLI errors an unfilled skeleton has', () => {
    assert.deepEqual(
      validate(skeleton('input'), 'json').map((f) => f.awsCli ?? f.code),
      [
        'Invalid length for parameter users[0].userId, value: 0, valid min length: 1',
        'Invalid length for parameter users[0].properties, value: 0, valid min length: 1',
        'service/arn-pattern',
      ],
    );
    assert.deepEqual(
      validate(skeleton('yaml-input'), 'yaml').map((f) => f.awsCli ?? f.code),
      validate(skeleton('input'), 'json').map((f) => f.awsCli ?? f.code),
    );
  });
});

describe('JSON Schema', () => {
  it('matches a fresh generation from the model (run `npm run generate:schema`)', () => {
    const committed = readFileSync(path.join(root, 'schemas/putusers-input.schema.json'), 'utf8');
    assert.equal(committed, JSON.stringify(inputJsonSchema(), null, 2) + '\n');
  });
  it('carries the model constraints', () => {
    // The parts of the generated JSON Schema this test reads.
    interface Property {
      description?: string;
      pattern?: string;
      maxLength?: number;
      minItems?: number;
      maxItems?: number;
      additionalProperties?: boolean;
      properties: Record<string, Property>;
      items: Property;
    }
    const schema = inputJsonSchema() as unknown as Property & { $schema: string; required: string[] };
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ['datasetArn', 'users']);
    assert.equal(schema.properties.users.maxItems, 10);
    assert.equal(schema.properties.users.minItems, 1);
    assert.equal(schema.properties.users.items.additionalProperties, false);
    assert.equal(
      schema.properties.users.items.properties.properties.maxLength,
      USER.members[1]!.shape.kind === 'string' ? USER.members[1]!.shape.max : -1,
    );
    assert.equal(schema.properties.datasetArn.description, PUT_USERS_REQUEST.members[0]!.doc);
    assert.ok(
      new RegExp(schema.properties.datasetArn.pattern ?? '(no pattern)').test(
        'arn:aws:personalize:us-east-1:1:dataset/g/USERS',
      ),
    );
  });
});
