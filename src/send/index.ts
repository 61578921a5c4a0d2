// The sending engine as the front ends load it: bundled to dist/send.js with the AWS SDK, which
// the extension requires only when sending (extension/send/load-engine.ts) and the CLI only for
// `putusers send`. Nothing else in the project loads the SDK. The SDK-free parts the front ends
// need before sending (target.ts, batches.ts, failed-file.ts, log.ts) are imported from their
// modules directly, so that importing them never pulls this bundle in.
export { sendUsers, type SendOptions } from './engine';
export { allIn, failedFileLine, formatReport, type SendReport, usersNotInWorthAFile } from './report';
export { writeFailedFile } from './failed-file';
export { lineLogger } from './log';
export {
  describeDatasetSchema,
  type DescribedSchema,
  type DescribeSchemaOptions,
  type DescribeSchemaResult,
} from './describe-schema';
