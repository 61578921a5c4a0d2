// The VS Code-free core: what `require('./dist/core.js')` exports.
// (Implementation in progress: validate/readRequest/writeInput/skeleton land in the next commits.)
export * from './types';
export * from './model';
import type { Finding, Format, PutUsersRequest } from './types';

/** Every problem the AWS CLI (cli/...) or the service (service/...) would report, located. */
export declare function validate(text: string, format: Format): Finding[];
/** The request a file holds, when its shape is usable for sending (any number of users), plus the findings. */
export declare function readRequest(text: string, format: Format): { request?: PutUsersRequest; findings: Finding[] };
/** An input file for the CLI holding `request` (JSON indented by 4 like the CLI's skeleton, or YAML). */
export declare function writeInput(request: PutUsersRequest, format: Format): string;
/** The CLI's `--generate-cli-skeleton` output, byte for byte. */
export declare function skeleton(kind: 'input' | 'yaml-input' | 'output'): string;
/** `.yaml`/`.yml` are YAML, everything else JSON (the CLI's flags tell them apart; we go by name). */
export declare function formatOfPath(path: string): Format;
