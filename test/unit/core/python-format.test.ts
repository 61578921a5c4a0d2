import * as assert from 'node:assert/strict';
import { parseDocument, pyRepr, pyStr, reprFloat } from '../../../src/core';

const yamlValue = (scalar: string) => {
  const parsed = parseDocument(`v: ${scalar}\n`, 'yaml');
  if (!parsed.root || parsed.root.type !== 'dict') throw new Error('no mapping');
  return parsed.root.entries[0]!.value;
};

describe('Python value formatting', () => {
  it('prints floats as Python repr does', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [1000, '1000.0'],
      [1e16, '1e+16'],
      [1.5e-7, '1.5e-07'],
      // A literal past 2^53 on purpose: Python prints the double it rounds to, as we must.
      // eslint-disable-next-line no-loss-of-precision
      [12345678901234567, '1.2345678901234568e+16'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [123456789012345.6, '123456789012345.6'],
      [-0, '-0.0'],
      [0.1 + 0.2, '0.30000000000000004'],
      [NaN, 'nan'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [1e300 * 10, '1e+301'],
      [5e-324, '5e-324'],
    ];
    for (const [x, expected] of cases) assert.equal(reprFloat(x), expected, String(x));
  });

  it('quotes strings as repr does', () => {
    const str = (s: string) => pyRepr({ type: 'str', value: s, start: 0, end: 0 });
    assert.equal(str('abc'), "'abc'");
    assert.equal(str("it's"), `"it's"`);
    assert.equal(str(`it's "x"`), `'it\\'s "x"'`);
    assert.equal(str('a\\b'), "'a\\\\b'");
    assert.equal(str('tab\there\nnl'), "'tab\\there\\nnl'");
    assert.equal(str('\x00\x7f'), "'\\x00\\x7f'");
    assert.equal(str('é 日本 😀'), "'é 日本 😀'");
    assert.equal(str('\u00a0\u200b\u2028'), "'\\xa0\\u200b\\u2028'");
    assert.equal(str('\ud800'), "'\\ud800'");
  });

  it('prints YAML-built values as the CLI does', () => {
    assert.equal(pyStr(yamlValue('2024-01-02')), '2024-01-02');
    assert.equal(pyRepr(yamlValue('2024-01-02')), 'datetime.date(2024, 1, 2)');
    assert.equal(pyStr(yamlValue('2024-01-02T10:00:00Z')), '2024-01-02 10:00:00');
    assert.equal(pyRepr(yamlValue('2024-01-02T10:00:00Z')), 'datetime.datetime(2024, 1, 2, 10, 0)');
    assert.equal(pyStr(yamlValue('2024-01-02T10:00:00.5+02:00')), '2024-01-02 08:00:00.500000');
    assert.equal(pyStr(yamlValue('!!binary aGk=')), "b'hi'");
    assert.equal(pyStr(yamlValue('{a: [1, 2.5, true, null, "x"]}')), "{'a': [1, 2.5, True, None, 'x']}");
    assert.equal(pyStr(yamlValue('{}')), '{}');
    assert.equal(pyStr(yamlValue('[]')), '[]');
  });
});
