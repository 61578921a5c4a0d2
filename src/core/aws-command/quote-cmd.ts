// Quoting one argument of aws.exe for a command typed or pasted at the cmd.exe prompt.
//
// cmd.exe reads the line first: `%NAME%` is replaced by a variable's value (at the prompt, a name
// that is not defined is left as written), then `^` escapes the next character, `"` toggles a
// quoted mode in which `^` is literal and `&|<>()` lose their meaning, and `&|<>` outside it end
// the command. The rest of the line goes to aws.exe, which splits it with the C runtime's rules.
// So: quote for the C runtime (quoteMsvcrt), then put `^` before every character cmd.exe treats
// specially, `"` included, so cmd.exe never enters its quoted mode and removes every `^` we add.
// A `%` becomes `^%`: any `%...%` pair cmd.exe sees then names a variable ending in `^` (which
// nobody defines; the one case this cannot guard against), and the carets go in the next step.
// Targets the interactive prompt with delayed expansion off (its default); a batch file would
// need `%%` instead.
import { quoteMsvcrt } from './quote-msvcrt';
import { NotExpressibleError } from './not-expressible';

const SPECIAL = /[\^&|<>()%!"]/g;

/** The value as cmd.exe passes it to aws.exe. Throws NotExpressibleError for a line break (it ends the command). */
export function quoteCmd(value: string): string {
  if (/[\r\n]/.test(value)) throw new NotExpressibleError('a line break cannot be passed in a cmd.exe command line');
  return quoteMsvcrt(value).replace(SPECIAL, (c) => `^${c}`);
}
