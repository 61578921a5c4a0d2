// The VS Code-free core: what `require('./dist/core.js')` exports. Loads in plain Node.
export * from './types';
export { FINDING_CODES, type FindingCode } from './finding-codes';
export * from './model';
export { validate, findingsOf, type ValidateOptions } from './validate';
export { readRequest, readRequestToSend, writeInput, formatOfPath } from './request';
export { skeleton, skeletonSnippet, SKELETON_KINDS, type SkeletonKind } from './skeleton';
export { inputJsonSchema } from './schema';
export { convertDocument, type Conversion } from './convert';
export { quoteString, scalarText, toJsonText, toYamlText, toText } from './emit';
export { ALIAS_EXPANSION_LIMIT, parseDocument } from './parse';
export { lineIndex, type LineIndex } from './positions';
export { count, plural } from './plural';
export { datasetArnProblems, datasetGroupArnOf, regionOfArn, usersDatasetArnFor } from './arn';
export { pyRepr, pyStr, pyType, reprFloat } from './python-format';
export { camelCase } from './camel-case';
export type { Node, DictNode, ListNode, StrNode, Entry, Span, ParseResult } from './tree';
export { member, usersList } from './tree';
export { locate, userIndexOf, type Location, type PathStep } from './locate';
export { headOf } from './tree';
export { createJsonCursorMemo, jsonCursor, type JsonCursor, type JsonCursorMemo } from './json-cursor';
export { completionContext, type CompletionContext } from './completion-context';
export { snippetProposals, snippetSpot, type SnippetSpot } from './snippet-spots';
export {
  completionProposals,
  type CompletionProposal,
  type ProposalSources,
  type UsedValue,
} from './completion-proposals';
export {
  addPropertyValues,
  type PropertyValues,
  type PropertyValueUse,
  usedValuesOf,
  valuesOfOtherUsers,
} from './property-values';
export { escapeSnippet, expandSnippet, inputSnippet, userSnippet } from './snippets';
export { type SyntaxSlip, syntaxSlips } from './syntax-slips';
export { memberAt, memberDoc, structureAt } from './model-paths';
export { analyzeDocument, analyzeInSteps, type DocumentAnalysis } from './analysis';
export {
  datasetSchemaOf,
  fieldLiteral,
  propertyKeyAt,
  readDatasetSchema,
  SCHEMA_FILE,
  siblingSchemaNames,
  type DatasetSchema,
  type SchemaField,
  type SchemaReading,
} from './dataset-schema';
export {
  MAX_FOLDS,
  MAX_OUTLINE_USERS,
  type Fold,
  type Outline,
  type OutlineSymbol,
  type PropertyKeyUse,
  type SendLensFacts,
} from './outline';
export { NotExpressibleError } from './aws-command/not-expressible';
export { commandLine, type CommandLineOptions, type Shell, SHELLS } from './aws-command/shell';
export { quoteBash } from './aws-command/quote-bash';
export { quoteCmd } from './aws-command/quote-cmd';
export { quoteMsvcrt } from './aws-command/quote-msvcrt';
export { quotePowerShell } from './aws-command/quote-powershell';
export {
  shorthandUser,
  shorthandUsers,
  shorthandValue,
  type ShorthandOptions,
  type ShorthandQuote,
} from './aws-command/shorthand-format';
export {
  cliInputWords,
  inlineWords,
  type InlineOptions,
  toCliCommand,
  type ToCliOptions,
  usersJson,
} from './aws-command/to-cli';
export {
  detectShell,
  SHELL_DIALECTS,
  shellWords,
  ShellSyntaxError,
  type ShellDialect,
  type ShellWord,
} from './aws-command/shell-words';
export { parseShorthand, ShorthandError } from './aws-command/shorthand-parse';
export {
  type CommandProblem,
  type CommandReading,
  type PutUsersCommandOptions,
  readPutUsersCommand,
} from './aws-command/put-users-command';
