// What the sending engine reports, in the command line's words: its flags.
import type { Remedy } from '../send/errors';

export function cliRemedyWords(remedy: Remedy): string | undefined {
  switch (remedy.kind) {
    case 'choose-profile':
      return 'Profiles are chosen with --profile or AWS_PROFILE.';
    case 'set-region':
      return remedy.region ? `Send with --region ${remedy.region}.` : 'Or pass --region.';
    case 'check-endpoint':
      return 'Check --endpoint-url, or leave it out to send to AWS.';
    case 'allow-insecure-endpoint':
      return undefined; // the command line has no such permission
    case 'lower-rate':
      return "If --max-rps is above your account's PutUsers quota (10 unless raised), send with a lower one.";
  }
}
