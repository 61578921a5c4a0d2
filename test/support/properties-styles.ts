// One `properties` object written in every way an input file can hold it: a JSON string, YAML
// double- and single-quoted on one line and folded over several, literal and folded block
// scalars with chomping and indentation indicators; each with LF and CRLF. For the tests of
// where decoded offsets map in the source, of hovers and of completions inside `properties`.
import type { Format } from '../../src/core';
import { ARN } from './values';

/** The object every style holds: a key and value each way JSON can write them. */
export const STYLED_PROPERTIES = { age: '30', tier: 'it\'s "gold"', newsletter: true, score: 1.5 };

/** The inner JSON on several lines (block scalars keep or fold them; quoted scalars fold them). */
const LINES = ['{"age": "30",', '"tier": "it\'s \\"gold\\"",', '"newsletter": true, "score": 1.5}'];

export type PropertiesStyle =
  | 'json'
  | 'double-quoted'
  | 'double-quoted, folded'
  | 'single-quoted'
  | 'single-quoted, folded'
  | 'literal'
  | 'literal, strip'
  | 'literal, keep, indent 2'
  | 'folded'
  | 'folded, strip, more indented';

export interface StyledFile {
  name: string;
  style: PropertiesStyle;
  format: Format;
  text: string;
  /** How the inner JSON's characters are written in this style: a token's text as it is in the file. */
  encode: (innerJson: string) => string;
}

const backslash = (s: string) => JSON.stringify(s).slice(1, -1);
const single = (s: string) => s.replace(/'/g, "''");
const raw = (s: string) => s;

/** `properties:`'s value in YAML at two spaces under `- `, then a second user. */
const yaml = (value: string) => `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: ${value}\n- userId: u2\n`;
const block = (header: string, lines: string[]) => yaml(`${header}\n${lines.map((l) => `    ${l}`).join('\n')}`);

const LF_FILES: StyledFile[] = [
  {
    name: 'JSON string',
    style: 'json',
    format: 'json',
    text: JSON.stringify(
      { datasetArn: ARN, users: [{ userId: 'u1', properties: LINES.join(' ') }, { userId: 'u2' }] },
      null,
      2,
    ),
    encode: backslash,
  },
  {
    name: 'double-quoted',
    style: 'double-quoted',
    format: 'yaml',
    text: yaml(`"${backslash(LINES.join(' '))}"`),
    encode: backslash,
  },
  {
    name: 'double-quoted over lines',
    style: 'double-quoted, folded',
    format: 'yaml',
    text: yaml(`"${LINES.map(backslash).join('\n    ')}"`),
    encode: backslash,
  },
  {
    name: 'single-quoted',
    style: 'single-quoted',
    format: 'yaml',
    text: yaml(`'${single(LINES.join(' '))}'`),
    encode: single,
  },
  {
    name: 'single-quoted over lines',
    style: 'single-quoted, folded',
    format: 'yaml',
    text: yaml(`'${LINES.map(single).join('\n\n    ')}'`),
    encode: single,
  },
  { name: 'literal block', style: 'literal', format: 'yaml', text: block('|', LINES), encode: raw },
  { name: 'literal block, strip', style: 'literal, strip', format: 'yaml', text: block('|-', LINES), encode: raw },
  {
    name: 'literal block, keep, indentation indicator, comment',
    style: 'literal, keep, indent 2',
    format: 'yaml',
    text: block('|+2 # the JSON', ['', ...LINES.map((l, i) => (i === 1 ? `  ${l}` : l)), '']),
    encode: raw,
  },
  { name: 'folded block', style: 'folded', format: 'yaml', text: block('>', LINES), encode: raw },
  {
    name: 'folded block, strip, a more indented line and an empty one',
    style: 'folded, strip, more indented',
    format: 'yaml',
    text: block('>-', [LINES[0]!, '', `  ${LINES[1]!}`, LINES[2]!]),
    encode: raw,
  },
];

/** Every style, with LF and with CRLF line breaks. */
export const STYLED_FILES: StyledFile[] = [
  ...LF_FILES,
  ...LF_FILES.map((f) => ({ ...f, name: `${f.name}, CRLF`, text: f.text.replace(/\n/g, '\r\n') })),
];
