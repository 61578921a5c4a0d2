// What the sending engine reports, in the extension's words: its settings and commands.
import type { Remedy } from '../../send/errors';
import type { SendTarget } from '../../send/target';

export function extensionRemedyWords(remedy: Remedy): string | undefined {
  switch (remedy.kind) {
    case 'choose-profile':
      return 'Profiles are chosen with PutUsers: Choose AWS Profile (putUsers.profile) or AWS_PROFILE.';
    case 'set-region':
      return remedy.region ? `Set putUsers.region to ${remedy.region}.` : 'Or set putUsers.region.';
    case 'allow-insecure-endpoint':
      return 'The user setting putUsers.allowInsecureEndpoint allows other hosts.';
    case 'check-endpoint':
      return 'Check putUsers.endpoint, or clear it to send to AWS.';
    case 'lower-rate':
      return "If putUsers.maxRequestsPerSecond is above your account's PutUsers quota (10 unless raised), lower it.";
  }
}

/** Where the region came from, in a few words (status-bar tooltip, Send File's question). */
export const REGION_FROM: Record<NonNullable<SendTarget['regionFrom']>, string> = {
  setting: 'putUsers.region',
  AWS_REGION: 'AWS_REGION',
  AWS_DEFAULT_REGION: 'AWS_DEFAULT_REGION',
  profile: "the profile's region",
};
