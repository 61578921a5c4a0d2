import * as assert from 'node:assert/strict';
import { parseDocument, pyStr, pyType } from '../../../src/core';
import { ARN, at, findings } from './helpers';

/** What the CLI's loader makes of `userId: <scalar>` (str = no error), per the facts doc. */
function read(scalar: string, header = '') {
  const parsed = parseDocument(`${header}userId: ${scalar}\n`, 'yaml');
  assert.ok(parsed.root && parsed.root.type === 'dict', `${scalar}: ${JSON.stringify(parsed.error)}`);
  const v = parsed.root.entries[0]!.value;
  return `${pyType(v)} ${pyStr(v)}`;
}

describe('YAML as the AWS CLI reads it (ruamel.yaml, YAML 1.2)', () => {
  it('resolves scalars like the CLI', () => {
    const table: [string, string][] = [
      ['1_000', "<class 'int'> 1000"],
      ['0o17', "<class 'int'> 15"],
      ['017', "<class 'int'> 17"],
      ['0b101', "<class 'int'> 5"],
      ['+12', "<class 'int'> 12"],
      ['0x1F', "<class 'int'> 31"],
      ['-.5', "<class 'float'> -0.5"],
      ['.NaN', "<class 'float'> nan"],
      ['.inf', "<class 'float'> inf"],
      ['-.inf', "<class 'float'> -inf"],
      ['1e3', "<class 'float'> 1000.0"],
      ['1.', "<class 'float'> 1.0"],
      ['True', "<class 'bool'> True"],
      ['true', "<class 'bool'> True"],
      ['FALSE', "<class 'bool'> False"],
      ['yes', "<class 'str'> yes"],
      ['no', "<class 'str'> no"],
      ['off', "<class 'str'> off"],
      ['Null', "<class 'NoneType'> None"],
      ['NULL', "<class 'NoneType'> None"],
      ['~', "<class 'NoneType'> None"],
      ['', "<class 'NoneType'> None"],
      ['12:30', "<class 'str'> 12:30"],
      ['2024-01-02', "<class 'datetime.date'> 2024-01-02"],
      ['2024-1-2', "<class 'str'> 2024-1-2"],
      ['2024-01-02T10:00:00Z', "<class 'datetime.datetime'> 2024-01-02 10:00:00"],
      ['2024-01-02 10:00:00', "<class 'datetime.datetime'> 2024-01-02 10:00:00"],
      ['!!str 12', "<class 'str'> 12"],
      ['!!binary aGk=', "<class 'bytes'> b'hi'"],
      ['!!int "3"', "<class 'int'> 3"],
      ['!!float 1', "<class 'float'> 1.0"],
      ['"12"', "<class 'str'> 12"],
      ["'true'", "<class 'str'> true"],
      ['=x', "<class 'str'> =x"],
    ];
    for (const [scalar, expected] of table) assert.equal(read(scalar), expected, scalar);
  });

  it('folds a NEL written in a flow scalar to a space, and keeps one an escape makes (ruamel, pure)', () => {
    const parsed = parseDocument('a: "a \x85 b"\nb: x\x85y\nc: "e\\N\\x85\\u0085"\n', 'yaml');
    assert.ok(parsed.root?.type === 'dict');
    assert.deepEqual(
      parsed.root.entries.map((e) => (e.value.type === 'str' ? e.value.value : e.value.type)),
      ['a b', 'x y', 'e\x85\x85\x85'],
    );
  });

  it('follows a %YAML 1.1 directive', () => {
    assert.equal(read('yes', '%YAML 1.1\n---\n'), "<class 'bool'> True");
    assert.equal(read('017', '%YAML 1.1\n---\n'), "<class 'int'> 15");
    assert.equal(read('1:30', '%YAML 1.1\n---\n'), "<class 'int'> 90");
  });

  it('resolves anchors, aliases and merge keys', () => {
    const parsed = parseDocument(
      'base: &b {userId: u1, properties: p}\nuser:\n  <<: *b\n  userId: u2\nids: [&x a, *x]\n',
      'yaml',
    );
    assert.equal(
      pyStr(parsed.root!),
      "{'base': {'userId': 'u1', 'properties': 'p'}, 'user': {'userId': 'u2', 'properties': 'p'}, 'ids': ['a', 'a']}",
    );
  });

  it('rejects what ruamel rejects, located', () => {
    const invalid = (text: string) => {
      const all = findings(text, 'yaml');
      assert.equal(all.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(all)}`);
      assert.equal(all[0]!.code, 'cli/invalid-yaml');
      assert.equal(all[0]!.awsCli, "Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
      return all[0]!;
    };
    let f = invalid('datasetArn: a\nusers: []\ndatasetArn: b\n');
    assert.equal(at(f), '2:0-2:10');
    assert.match(f.message, /Duplicate key/);
    f = invalid('a: 1\n---\nb: 2\n');
    assert.equal(at(f), '1:0-1:3');
    assert.match(f.message, /second YAML document/);
    f = invalid('users:\n\t- userId: a\n');
    assert.equal(f.range.start.line, 1);
    invalid('a: !foo x\n');
    invalid('a: =\n');
    invalid('a: "unclosed\n');
    invalid('a: [1, 2\n');
    invalid('? {a: 1}\n: x\n');
    for (const tabbed of ['users:\tx\n', 'a: b\t# c\n', 'a: u\t1\n', 'a: b\t\n'])
      assert.match(invalid(tabbed).message, /tab/, JSON.stringify(tabbed));
    assert.deepEqual(
      findings('a: "x\ty"  # a\ttab\nb: |\n  c\td\n', 'yaml').map((f) => f.code),
      ['cli/missing-member', 'cli/missing-member', 'cli/unknown-member', 'cli/unknown-member'],
    );
  });

  it("builds ruamel's Python types: tuples, sets, ordereddicts, pairs, lenient base64, %TAG handles", () => {
    assert.equal(read('{? [a, b] : 1}'), "<class 'dict'> {('a', 'b'): 1}");
    assert.equal(read('!!set {a, b}'), "<class 'set'> {'a', 'b'}");
    assert.equal(
      read('!!omap [a: 1, b: 2]'),
      "<class 'ruamel.yaml.compat.ordereddict'> ordereddict([('a', 1), ('b', 2)])",
    );
    assert.equal(read('!!pairs [a: 1, a: 2]'), "<class 'list'> [('a', 1), ('a', 2)]");
    assert.equal(read("!!binary '!!!'"), "<class 'bytes'> b''");
    assert.equal(read('!!binary wOk='), "<class 'bytes'> b'\\xc0\\xe9'");
    assert.equal(read('!!null x'), "<class 'NoneType'> None");
    assert.equal(read('!e!str 12', '%TAG !e! tag:yaml.org,2002:\n---\n'), "<class 'str'> 12");
  });

  it('reports what crashes the CLI with its last line', () => {
    const [f] = findings('1: a\ndatasetArn: x\n', 'yaml');
    assert.equal(f!.code, 'cli/crash');
    assert.equal(f!.awsCli, 'keywords must be strings');
    assert.equal(at(f!), '0:0-0:1');
  });

  it('reads on where ruamel does and js-yaml stops: comments glued to a token, flow and quoted lines at column 0', () => {
    const cases: [string, string][] = [
      [`datasetArn: ${ARN}\nusers:\n- userId: "u1"# the first\n  properties: '{}'# none\n`, 'u1'],
      [`datasetArn: ${ARN}\nusers: [{userId: u1}]#one user\n`, 'u1'],
      [`datasetArn: ${ARN}\nusers: [\n{userId: u1,\nproperties: '{}'},#first\n]\n`, 'u1'],
      [`datasetArn: ${ARN}\nusers:\n- userId: "u1\nu2"\n`, 'u1 u2'],
      [`datasetArn: ${ARN}\nusers:\n- userId: "u1\n\tu2"\n`, 'u1 u2'],
    ];
    for (const [text, userId] of cases) {
      assert.deepEqual(findings(text, 'yaml'), [], text);
      const root = parseDocument(text, 'yaml').root;
      assert.ok(root?.type === 'dict');
      const users = root.entries[1]!.value;
      assert.ok(users.type === 'list' && users.items[0]!.type === 'dict');
      assert.equal(pyStr(users.items[0].entries[0]!.value), userId, text);
    }
  });

  it('locates findings in the file as it is after reading on past lines at column 0', () => {
    const text = `datasetArn: ${ARN}\nusers: [\n{userId: u1},\n{userID: u2},\n{userId: u3, properties: 7}\n]\n`;
    assert.deepEqual(
      findings(text, 'yaml').map(
        (f) =>
          `${f.code} ${at(f)} ${text.split('\n')[f.range.start.line]!.slice(f.range.start.character, f.range.end.character)}`,
      ),
      ['cli/missing-member 3:0-3:1 {', 'cli/unknown-member 3:1-3:7 userID', 'cli/invalid-type 4:25-4:26 7'],
    );
  });

  it('refuses a flow-mapping key whose `:` is on a later line, as ruamel does', () => {
    for (const text of [
      '{"foo"\n: bar}\n',
      '{ foo # note\n  :bar }\n',
      'k: {\n k\n :\n v\n }\n',
      '- { multi\n  line: value}\n',
    ]) {
      const parsed = parseDocument(text, 'yaml');
      assert.ok(parsed.error, text);
      assert.match(parsed.error.message, /must be on one line/, text);
    }
    assert.ok(parseDocument('{ ? foo\n : bar, "a": 1 }\n', 'yaml').root, 'an explicit key may span lines');
  });

  it('gives None for an empty document, which the CLI refuses as not a map', () => {
    for (const text of ['', '# only a comment\n', '---\n']) {
      const all = findings(text, 'yaml');
      assert.equal(all.length, 1);
      assert.equal(
        all[0]!.awsCli,
        "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>",
      );
    }
    assert.equal(
      findings('- a\n', 'yaml')[0]!.awsCli,
      "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'list'>",
    );
  });
});
