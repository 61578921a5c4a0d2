// validate(text, format): every problem the AWS CLI or the service would report, located.
import { parseDocument } from './parse';
import { lineIndex } from './positions';
import { asPrinted, pyRepr, pyType } from './python-format';
import type { DatasetSchema } from './dataset-schema';
import { awsCliFindings } from './rules/aws-cli';
import type { RawFinding } from './rules/finding';
import { serviceFindings } from './rules/service';
import { mendSlips } from './syntax-slips';
import type { Node, ParseResult } from './tree';
import type { Finding, Format } from './types';

export interface ValidateOptions {
  /**
   * After a JSON syntax error that is one of the common slips (core/syntax-slips.ts), also report
   * what the AWS CLI would report once they are mended: the editor shows every problem at once.
   * Off for `putusers validate`, whose output is the AWS CLI's verdict (it stops at the first).
   */
  beyondSyntaxSlips?: boolean;
  /** The Users dataset's schema: `properties` is checked against it (codes `schema/...`). */
  datasetSchema?: DatasetSchema;
}

export function validate(text: string, format: Format, options: ValidateOptions = {}): Finding[] {
  return findingsOf(text, format, parseDocument(text, format), options);
}

/** The same, for a document already parsed (readRequest parses once for both). */
export function findingsOf(
  text: string,
  format: Format,
  parsed: ParseResult,
  options: ValidateOptions = {},
): Finding[] {
  const raw = rawFindings(text, format, parsed, options.datasetSchema);
  if (options.beyondSyntaxSlips && format === 'json' && parsed.error && !parsed.error.awsCli)
    raw.push(...findingsBeyondSlips(text, options.datasetSchema));
  if (raw.length === 0) return [];
  const lines = lineIndex(text);
  return raw.map(({ start, end, awsCli, ...rest }) =>
    awsCli === undefined
      ? { range: lines.rangeOf(start, end), ...rest }
      : { range: lines.rangeOf(start, end), ...rest, awsCli: asPrinted(awsCli) },
  );
}

/**
 * The findings of the text with its slips mended, located in the original; none when
 * mending them does not make it parse (then where later problems are is no longer certain).
 */
function findingsBeyondSlips(text: string, schema: DatasetSchema | undefined): RawFinding[] {
  const mended = mendSlips(text);
  if (mended === undefined) return [];
  const parsed = parseDocument(mended.text, 'json');
  if (parsed.error) return [];
  return rawFindings(mended.text, 'json', parsed, schema).map((f) => ({
    ...f,
    start: mended.originalOffset(f.start, 'start'),
    end: mended.originalOffset(f.end, 'end'),
  }));
}

function rawFindings(
  text: string,
  format: Format,
  parsed: ParseResult,
  schema: DatasetSchema | undefined,
): RawFinding[] {
  const flag = format === 'yaml' ? 'cli-input-yaml' : 'cli-input-json';
  if (parsed.error?.tooLarge) {
    const { start, end, message } = parsed.error;
    return [{ start, end, severity: 'error', code: 'cli/too-large', message }];
  }
  if (parsed.error) {
    return [
      {
        start: parsed.error.start,
        end: parsed.error.end,
        severity: 'error',
        code: parsed.error.awsCli ? 'cli/crash' : format === 'yaml' ? 'cli/invalid-yaml' : 'cli/invalid-json',
        message: parsed.error.message,
        awsCli:
          parsed.error.awsCli ??
          `Error parsing parameter '${flag}': Invalid ${format === 'yaml' ? 'YAML' : 'JSON'} received.`,
      },
    ];
  }
  const root: Node = parsed.root ?? { type: 'none', start: 0, end: 0 };
  // A `!!set` is a mapping in YAML but a Python set, which is no dict to the CLI (an `!!omap` is one).
  if (root.type !== 'dict' || root.pythonType === 'set') {
    const empty = parsed.root === null;
    return [
      {
        start: root.start,
        end: Math.max(root.end, Math.min(root.start + 1, text.length)),
        severity: 'error',
        code: 'cli/not-a-map',
        message: empty
          ? 'The document is empty: the AWS CLI needs a mapping with datasetArn and users.'
          : `The top level must be ${format === 'yaml' ? 'a mapping' : 'an object'} with datasetArn and users, not ${root.type === 'list' ? 'a list' : root.type === 'dict' ? 'a !!set' : 'a single value'}.`,
        awsCli: `Error parsing parameter '--${flag}': Invalid type: expecting map, received ${pyType(root)}`,
      },
    ];
  }
  // The CLI passes the top-level mapping as Python keyword arguments: a non-string key crashes it.
  const badKey = root.entries.find((e) => e.key.type !== 'str');
  if (badKey) {
    return [
      {
        start: badKey.key.start,
        end: badKey.key.end,
        severity: 'error',
        code: 'cli/crash',
        message: `The key ${pyRepr(badKey.key)} is not a string: the AWS CLI crashes on a top-level key that is not text ("keywords must be strings").`,
        awsCli: 'keywords must be strings',
      },
    ];
  }
  return [...awsCliFindings(root), ...serviceFindings(root, text, schema)];
}
