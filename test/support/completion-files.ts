// Realistic input files in the styles people write them (indents, one line, key order, every YAML
// quoting style, comments), for the completion tests in plain Node and in the editor.
import type { Format } from '../../src/core';
import { ARN } from './values';

/** Other users' property keys the tests propose: plain, with a single quote, with a double quote. */
export const PROPERTY_KEYS = ['age', "it's", 'quote"d', 'membershipTier'];

export const COMPLETION_FILES: { name: string; format: Format; text: string }[] = [
  {
    name: 'pretty, two spaces',
    format: 'json',
    text: `{
  "datasetArn": "${ARN}",
  "users": [
    {
      "userId": "u1",
      "properties": "{\\"age\\": \\"30\\", \\"membershipTier\\": \\"gold\\"}"
    },
    {
      "userId": "u2"
    },
    {
      "userId": "u3",
      "properties": "{}"
    }
  ]
}
`,
  },
  {
    name: 'one line, users first',
    format: 'json',
    text: `{"users": [{"properties": "{\\"age\\": \\"41\\"}", "userId": "a-1"}, {"userId": "a-2", "properties": "{\\"tag\\": \\"x\\\\\\"y\\"}"}], "datasetArn": "${ARN}"}`,
  },
  {
    name: 'tabs, CRLF',
    format: 'json',
    text: `{\r\n\t"datasetArn":"${ARN}",\r\n\t"users":[\r\n\t\t{"userId":"t1","properties":"{\\"age\\":\\"7\\"}"},\r\n\t\t{"userId":"t2"}\r\n\t]\r\n}\r\n`,
  },
  {
    name: 'block style, plain ARN, single-quoted properties',
    format: 'yaml',
    text: `datasetArn: ${ARN}
users:
- userId: u1
  properties: '{"age": "30", "membershipTier": "gold"}'
- userId: u2
- userId: u3
  properties: '{"note": "it''s fine"}'
`,
  },
  {
    name: 'indented list, double-quoted properties, quoted ARN, comments',
    format: 'yaml',
    text: `# users of the shop
datasetArn: '${ARN}'  # the Users dataset
users:
  - userId: "u1"
    properties: "{\\"age\\": \\"30\\", \\"tag\\": \\"a\\\\\\"b\\"}"
  - userId: u2 # no properties
    properties: '{}'
`,
  },
  {
    name: 'users first, double-quoted ARN',
    format: 'yaml',
    text: `users:
- properties: '{"age": "22"}'
  userId: z1
- userId: z2
datasetArn: "${ARN}"
`,
  },
  {
    name: 'being written: a blank line after the last user, one between users',
    format: 'json',
    text: `{
  "datasetArn": "${ARN}",
  "users": [
    {
      "userId": "w1",
      "properties": "{\\"age\\": \\"30\\"}"
    },

    {
      "userId": "w2"
    }
    
  ]
}
`,
  },
  {
    name: 'being written: blank lines in and after the list, indented and not',
    format: 'yaml',
    text: `datasetArn: ${ARN}
users:
  - userId: w1
    properties: '{"age": "30"}'

    
  - userId: w2
  
`,
  },
];
