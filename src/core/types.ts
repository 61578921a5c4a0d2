// Shared shapes of the core's public interface. Positions are 0-based, as in the VS Code API.
import type { FindingCode } from './finding-codes';

export type Format = 'json' | 'yaml';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

/** One problem in an input file. `cli/...` codes are what the AWS CLI reports before sending; `service/...` what the service rejects. */
export interface Finding {
  range: Range;
  severity: Severity;
  code: FindingCode;
  message: string;
  /** The exact line the AWS CLI v2 prints for this problem (only on `cli/...` findings). */
  awsCli?: string;
}

/** A user as the PutUsers API takes it. */
export interface User {
  userId: string;
  properties?: string;
}

export interface PutUsersRequest {
  datasetArn: string;
  users: User[];
}
