// The sending engine (bundled to dist/send.js with the AWS SDK; the extension requires it only
// when sending, the CLI only for `putusers send`). Nothing else in the project loads the SDK.
export { sendUsers, type SendOptions } from './engine';
export {
  allIn,
  failedFileLine,
  formatReport,
  ranges,
  requestLine,
  totalsLine,
  userLine,
  type RequestReport,
  type SendReport,
  type UserNotIn,
} from './report';
export { failedFileName, notInRequest, writeFailedFile } from './failed-file';
export { checkEndpoint, isLoopback, type EndpointCheck } from './endpoint';
export { describeError, type ErrorContext, type FailureKind, type SendFailure } from './errors';
export {
  batchName,
  DEFAULT_CONCURRENCY,
  halves,
  MAX_CONCURRENCY,
  MAX_USERS_PER_REQUEST,
  toBatches,
  type Batch,
} from './batches';
export { profileNames, readSendTarget, regionFromEnvironment, type SendTarget, type TargetSettings } from './target';
export { sendBisecting, type Attempt, type Settled } from './bisect';
export {
  describeUser,
  lineLogger,
  LOG_LEVELS,
  SENSITIVE_USER_MEMBERS,
  silentLogger,
  type LogLevel,
  type SendLogger,
} from './log';
export { DEFAULT_MAX_ATTEMPTS, type ClientOptions } from './client';
export { explainMissingCredentials, profileName } from './credentials';
