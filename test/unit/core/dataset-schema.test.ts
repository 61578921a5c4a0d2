// The Users dataset's schema: reading it (and what makes it unusable, located on the schema's
// text), and `properties` checked against it in JSON and YAML, located on the key or value.
import * as assert from 'node:assert/strict';
import {
  type Format,
  parseDocument,
  propertyKeyAt,
  pyStr,
  readDatasetSchema,
  SCHEMA_FILE,
  siblingSchemaNames,
  validate,
} from '../../../src/core';
import { ARN, covered } from './helpers';

const field = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
const schemaText = (...fields: unknown[]) =>
  JSON.stringify(
    {
      type: 'record',
      name: 'Users',
      namespace: 'com.amazonaws.personalize.schema',
      fields: [field('USER_ID', 'string'), ...fields],
      version: '1.0',
    },
    null,
    2,
  );

const SCHEMA = readDatasetSchema(
  schemaText(
    field('AGE', 'int'),
    field('VIDEOS_WATCHED', 'long'),
    field('SCORE', ['null', 'float']),
    field('BALANCE', 'double'),
    field('MEMBERSHIP', 'string', { categorical: true }),
    field('NEWSLETTER', ['boolean', 'null']),
  ),
).schema!;

/** The schema findings of one user's properties (given as an object or a JSON text), as `code covered-text`. */
function check(properties: unknown, format: Format = 'json'): string[] {
  const props = typeof properties === 'string' ? properties : JSON.stringify(properties);
  const text =
    format === 'json'
      ? JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties: props }] }, null, 2)
      : `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '${props.replace(/'/g, "''")}'\n`;
  return validate(text, format, { datasetSchema: SCHEMA })
    .filter((f) => f.code.startsWith('schema/'))
    .map((f) => `${f.code} ${covered(text, f).replace(/\\"/g, '"')}`); // JSON's escaped quotes read plainly
}

const FITS = { age: 30, videosWatched: 12, balance: 1.5, membership: 'Gold|Early adopter' };

describe('core: the dataset schema', () => {
  describe('reading it', () => {
    it('maps field names to camelCase keys, with type, nullability and categorical', () => {
      assert.deepEqual(
        SCHEMA.fields.map((f) => [f.name, f.key, f.type, f.nullable, f.categorical]),
        [
          ['AGE', 'age', 'int', false, false],
          ['VIDEOS_WATCHED', 'videosWatched', 'long', false, false],
          ['SCORE', 'score', 'float', true, false],
          ['BALANCE', 'balance', 'double', false, false],
          ['MEMBERSHIP', 'membership', 'string', false, true],
          ['NEWSLETTER', 'newsletter', 'boolean', true, false],
        ],
      );
    });

    it('refuses what the service would not take for a Users dataset, located, and gives no schema', () => {
      const cases: [string, RegExp, string][] = [
        ['{"type": "record", "fields": [', /not JSON/, ''],
        ['[]', /must be an Avro record/, '[]'],
        [schemaText(field('AGE', 'int')).replace('USER_ID', 'ITEM_ID'), /no USER_ID field/, '['],
        [schemaText(field('AGE', 'map')), /AGE: the service takes "string", "int"/, '"map"'],
        [schemaText(field('AGE', ['null', 'int', 'string'])), /AGE: the service takes/, '['],
        [schemaText(field('AGE', ['int', 'string'])), /AGE: the service takes/, '['],
        [schemaText(), /1 to 25 metadata fields besides USER_ID; this one has 0/, '['],
        [
          schemaText(...Array.from({ length: 26 }, (_, i) => field(`F${i}`, 'string'))),
          /1 to 25 metadata fields besides USER_ID; this one has 26/,
          '[',
        ],
        [schemaText(field('MY_AGE', 'int'), field('MyAge', 'int')), /both "myAge"/, '{'],
        [schemaText(field('AGE', 'int')).replace('"record"', '"enum"'), /"type" must be "record"/, '"enum"'],
        [
          schemaText(field('AGE', ['null', 'int'], { categorical: true })),
          /AGE: only a string field can be "categorical"; this one is "int"/,
          '"categorical"',
        ],
      ];
      for (const [text, message, start] of cases) {
        const { schema, findings } = readDatasetSchema(text);
        assert.equal(schema, undefined, text);
        assert.ok(findings.length > 0, text);
        assert.ok(findings.every((f) => f.code === 'schema/invalid-schema' && f.severity === 'error'));
        assert.ok(
          findings.some((f) => message.test(f.message)),
          `${text}: ${findings.map((f) => f.message).join(' | ')}`,
        );
        const first = findings.find((f) => message.test(f.message))!;
        assert.ok(covered(text, first).startsWith(start), `${covered(text, first)} at ${start}`);
      }
    });
  });

  describe('properties against it', () => {
    it('has nothing to say of properties that fit, numbers written as strings included', () => {
      assert.deepEqual(check(FITS), []);
      assert.deepEqual(check({ ...FITS, age: '30', videosWatched: '9007199254740993', balance: '-2.5e3' }), []);
      assert.deepEqual(check({ ...FITS, score: null, newsletter: 'true' }), []);
      assert.deepEqual(check({ ...FITS, score: 2, newsletter: false }), [], 'an integer is a float');
    });

    it('names the field a key in another form means, and the nearest for a typo', () => {
      assert.deepEqual(check({ ...FITS, age: undefined, AGE: 30 }), ['schema/key-not-camel-case "AGE"']);
      assert.deepEqual(check({ ...FITS, videosWatched: undefined, videos_watched: 1 }), [
        'schema/key-not-camel-case "videos_watched"',
      ]);
      assert.deepEqual(check({ ...FITS, membership: undefined, membrship: 'Gold' }), [
        'schema/unknown-key "membrship"',
        'schema/missing-field "{"age":30,"videosWatched":12,"balance":1.5,"membrship":"Gold"}"',
      ]);
      const [typo] = validate(
        JSON.stringify({
          datasetArn: ARN,
          users: [{ userId: 'u1', properties: JSON.stringify({ ...FITS, agee: 3 }) }],
        }),
        'json',
        { datasetSchema: SCHEMA },
      ).filter((f) => f.code === 'schema/unknown-key');
      assert.match(typo!.message, /did you mean "age"\?/);
      assert.deepEqual(check({ ...FITS, userId: 'u1' }), ['schema/user-id-in-properties "userId"']);
    });

    it('refuses values that do not fit their field, on the value', () => {
      const wrong = (value: Record<string, unknown>) => check({ ...FITS, ...value });
      assert.deepEqual(wrong({ age: 4.5 }), ['schema/wrong-type 4.5']);
      assert.deepEqual(wrong({ age: '4.5' }), ['schema/wrong-type "4.5"']);
      assert.deepEqual(wrong({ age: 'thirty' }), ['schema/wrong-type "thirty"']);
      assert.deepEqual(wrong({ age: 2147483648 }), ['schema/wrong-type 2147483648']);
      assert.deepEqual(wrong({ age: -2147483648 }), []);
      assert.deepEqual(wrong({ videosWatched: '9223372036854775808' }), ['schema/wrong-type "9223372036854775808"']);
      assert.deepEqual(wrong({ age: true }), ['schema/wrong-type true']);
      assert.deepEqual(wrong({ score: '1e39' }), ['schema/wrong-type "1e39"']);
      assert.deepEqual(wrong({ balance: '1e39' }), []);
      assert.deepEqual(wrong({ membership: 42 }), ['schema/wrong-type 42']);
      assert.deepEqual(wrong({ membership: false }), ['schema/wrong-type false']);
      assert.deepEqual(wrong({ newsletter: 1 }), ['schema/wrong-type 1']);
      assert.deepEqual(wrong({ newsletter: 'yes' }), ['schema/wrong-type "yes"']);
    });

    it('allows null and a missing key only where the type is a union with "null"', () => {
      assert.deepEqual(check({ ...FITS, age: null }), ['schema/missing-field null']);
      const { balance: _, ...withoutBalance } = FITS;
      assert.equal(check(withoutBalance).length, 1);
      assert.match(check(withoutBalance)[0]!, /^schema\/missing-field /);
    });

    it('refuses an empty category in a categorical field only', () => {
      for (const membership of ['Gold||Silver', '|Gold', 'Gold|'])
        assert.deepEqual(check({ ...FITS, membership }), [`schema/empty-category "${membership}"`]);
    });

    it('reports no key-case warning of its own when the schema checks keys', () => {
      const text = JSON.stringify({
        datasetArn: ARN,
        users: [{ userId: 'u1', properties: JSON.stringify({ ...FITS, AGE: 1, age: undefined }) }],
      });
      const codes = validate(text, 'json', { datasetSchema: SCHEMA }).map((f) => f.code);
      assert.deepEqual(codes, ['schema/key-not-camel-case']);
      assert.ok(
        validate(text, 'json').some((f) => f.code === 'service/properties-key-case'),
        'without a schema it warns',
      );
    });

    it('locates the same findings in YAML, and says a user without properties lacks the required fields', () => {
      assert.deepEqual(check({ ...FITS, age: 'x', gendr: 'F' }, 'yaml'), [
        'schema/wrong-type "x"',
        'schema/unknown-key "gendr"',
      ]);
      const text = `datasetArn: ${ARN}\nusers:\n- userId: u1\n`;
      const [missing] = validate(text, 'yaml', { datasetSchema: SCHEMA });
      assert.equal(missing?.code, 'schema/missing-field');
      assert.match(missing!.message, /"age", "videosWatched", "balance", "membership"/);
    });
  });
});

describe('core: the properties key at an offset', () => {
  const keyAt = (text: string, format: Format, at: string) => {
    const root = parseDocument(text, format).root;
    assert.ok(root?.type === 'dict');
    const users = root.entries.find((e) => pyStr(e.key) === 'users')!.value;
    assert.ok(users.type === 'list' && users.items[0]!.type === 'dict');
    const properties = users.items[0].entries.find((e) => pyStr(e.key) === 'properties')!.value;
    assert.ok(properties.type === 'str');
    return propertyKeyAt(text, properties, text.indexOf(at));
  };

  it('finds the key under the cursor in JSON escapes, YAML quotes and a block scalar', () => {
    const json = JSON.stringify({
      datasetArn: ARN,
      users: [{ userId: 'u1', properties: '{"age": 3, "gender": "F"}' }],
    });
    assert.equal(keyAt(json, 'json', 'gender'), 'gender');
    assert.equal(keyAt(json, 'json', 'age'), 'age');
    assert.equal(keyAt(json, 'json', '3,'), undefined, 'a value is no key');
    const yaml = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '{"age": 3, "gender": "F"}'\n`;
    assert.equal(keyAt(yaml, 'yaml', 'gender'), 'gender');
    const block = `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: |\n    {"age": 3, "gender": "F"}\n`;
    assert.equal(keyAt(block, 'yaml', 'gender'), 'gender');
  });
});

describe('core: the schema file names', () => {
  it('looks for the schema beside a file under Avro’s name first, then the older .schema.json', () => {
    assert.deepEqual(siblingSchemaNames('people.putusers.json'), [
      'people.putusers.avsc',
      'people.avsc',
      'people.putusers.schema.json',
      'people.schema.json',
    ]);
    assert.deepEqual(siblingSchemaNames('people.csv'), ['people.avsc', 'people.schema.json']);
    assert.deepEqual(SCHEMA_FILE.folderNames, ['users.avsc', 'users.schema.json']);
    assert.equal(SCHEMA_FILE.renamed('people.schema.json'), 'people.avsc');
  });
});
