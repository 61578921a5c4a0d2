// The input files `putusers to-cli` is checked on: each a valid input whose values test one way a
// command line can go wrong (shell quoting, the CLI's shorthand, JSON, file paths).
import type { User } from '../../../src/core';
import { ARN } from '../../support/values';

export interface CorpusFile {
  /** Path relative to the corpus folder (the file form's command names it so). */
  name: string;
  /** The users, written with writeInput; or the file's text as it is. */
  users?: User[];
  text?: string;
}

const ascii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
const props = (o: Record<string, string>) => JSON.stringify(o);

export const CORPUS: CorpusFile[] = [
  { name: 'one.putusers.json', users: [{ userId: 'u1' }] },
  { name: 'props.putusers.json', users: [{ userId: 'u1', properties: props({ age: '45', gender: 'F' }) }] },
  { name: 'one.putusers.yaml', users: [{ userId: 'u1', properties: props({ tier: 'gold' }) }] },
  {
    name: 'commas-equals.json',
    users: [{ userId: 'a,b' }, { userId: 'k=v' }, { userId: 'x=,y,' }, { userId: ',lead' }],
  },
  {
    name: 'spaces.json',
    users: [{ userId: ' lead' }, { userId: 'trail ' }, { userId: 'in side' }, { userId: 'two  spaces' }],
  },
  {
    name: 'quotes.json',
    users: [{ userId: `O'Brien` }, { userId: 'say "hi"' }, { userId: `both ' and "` }, { userId: `'` }],
  },
  {
    name: 'backslashes.json',
    users: [
      { userId: 'CORP\\kim' },
      { userId: 'trail\\' },
      { userId: '\\\\server\\share' },
      { userId: 'a\\,b' },
      { userId: '\\"' },
    ],
  },
  {
    name: 'shell-specials.json',
    users: ['$HOME', '`id`', '$(id)', '!!', '%PATH%', '^', '&|<>()', '*?', '~x', '#x'].map((userId) => ({ userId })),
  },
  {
    name: 'options-lookalike.yaml',
    users: [{ userId: '--users' }, { userId: '-dash' }, { userId: 'userId=u2' }, { userId: 'properties=x' }],
  },
  {
    name: 'unicode.json',
    users: ['é', '日本語', '😀 emoji', '\u00a0nbsp\u00a0', 'ideo\u3000', 'a\u0085b', 'end\u0085'].map((userId) => ({
      userId,
    })),
  },
  {
    name: 'props-escapes.json',
    users: [
      { userId: 'p1', properties: props({ path: 'C:\\dir\\f', q: 'say "hi"' }) },
      { userId: 'p2', properties: '{"e": "\\u00e9\\ud83d\\ude00", "n": "a\\nb"}' },
    ],
  },
  {
    name: 'props-pipes-commas.json',
    users: [{ userId: 'u', properties: props({ tags: 'a|b|c', kv: 'x,y=z', name: `O'Brien` }) }],
  },
  { name: 'props-newlines.json', users: [{ userId: 'u', properties: '{\n  "age": "45"\n}' }] },
  { name: 'props-leading-space.json', users: [{ userId: 'u', properties: ' {"a": "1"} ' }] },
  {
    name: 'json-lookalike-ids.json',
    users: [{ userId: '{"x":1}' }, { userId: '[1]' }, { userId: '=eq' }, { userId: 'a]b}c' }],
  },
  {
    name: 'ten-users.json',
    users: Array.from({ length: 10 }, (_, i) => ({ userId: `user-${i}`, properties: props({ n: String(i) }) })),
  },
  { name: 'mixed.yaml', users: [{ userId: 'a' }, { userId: 'b', properties: props({ x: '1' }) }, { userId: 'c d' }] },
  { name: 'controls.json', users: [{ userId: 'tab\there' }, { userId: 'nul\u0001x' }] },
  { name: 'long.json', users: [{ userId: 'long', properties: props({ text: 'x, y = "z" '.repeat(1800) }) }] },
  { name: 'ascii.json', users: [{ userId: ascii, properties: props({ all: ascii }) }] },
  { name: "dir with space/it's a file.json", users: [{ userId: 'u1' }] },
  { name: '~tilde.putusers.json', users: [{ userId: 'u1' }] },
  {
    name: 'block.putusers.yaml',
    text: `datasetArn: ${ARN}\nusers:\n- userId: "\\u00e9t\\u00e9"\n  properties: |\n    {"age": "45",\n     "tags": "a|b"}\n- userId: 'it''s'\n`,
  },
  {
    name: 'anchors.yaml',
    text: `# anchors and aliases are resolved\ndatasetArn: ${ARN}\nusers:\n- userId: &id same\n  properties: &p '{"a": "1"}'\n- userId: *id\n  properties: *p\n`,
  },
  {
    name: 'json-escapes.json',
    text: `{"datasetArn": "${ARN}", "users": [{"userId": "\\u0041\\t\\"\\\\/"}, {"userId": "\\ud83d\\ude00"}]}`,
  },
  { name: 'plain-props-unquotable.json', users: [{ userId: 'x', properties: props({ a: ']}' }) }] },
];
