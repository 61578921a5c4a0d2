// Quoting one argument per shell: bash (and zsh where installed) run for real; PowerShell and
// cmd.exe through the models of test/support/windows-command-line.ts (neither is installed here).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  commandLine,
  NotExpressibleError,
  quoteBash,
  quoteCmd,
  quoteMsvcrt,
  quotePowerShell,
} from '../../../../src/core';
import { cmdLine, powerShellLegacyArgs, splitMsvcrtArgs } from '../../../support/windows-command-line';

/** Values every shell must pass unchanged. */
const VALUES = [
  'plain',
  'with space',
  '  leading and trailing  ',
  `it's`,
  'say "hi"',
  `both ' and "`,
  'back\\slash',
  'trailing\\',
  'trailing two\\\\',
  '\\"',
  'a\\\\"b',
  '$HOME $(id) ${x} `id`',
  '!event !! !$',
  '%PATH% %% %^% %a%b%',
  '^caret^^',
  'a&b|c<d>e (f) ;g',
  'tab\there',
  'uni: é ü ß 日本語 😀 \u2018quoted\u2019',
  '*?[a-z]~{a,b}',
  '=starts-with-equals',
  '~tilde',
  '-dash',
  '--users',
  '#hash',
  '',
  '{"age":"45","tags":"a|b"}',
  'userId=u1,properties="{\\"a\\":\\"1\\"}"',
];
const WITH_NEWLINES = ['line\nbreak', 'crlf\r\nend', '\n'];

const CMD_ENV = { PATH: 'C:\\Windows', HOME: 'C:\\Users\\me', a: 'A', b: 'B', x: 'X' };

describe('shell quoting', () => {
  it('bash: every value comes back as one word, newlines included', () => {
    const all = [...VALUES, ...WITH_NEWLINES];
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${all.map(quoteBash).join(' ')}`], { encoding: 'utf8' });
    assert.deepEqual(out.split('\0').slice(0, -1), all);
  });

  it('zsh: the same words (skipped when zsh is not installed)', function () {
    if (spawnSync('zsh', ['-c', 'true']).error) this.skip();
    const all = [...VALUES, ...WITH_NEWLINES];
    const out = execFileSync('zsh', ['-c', `printf '%s\\0' ${all.map(quoteBash).join(' ')}`], { encoding: 'utf8' });
    assert.deepEqual(out.split('\0').slice(0, -1), all);
  });

  it('bash: safe words stay bare, others are single-quoted', () => {
    assert.equal(quoteBash('personalize-events'), 'personalize-events');
    assert.equal(quoteBash('file://a/b.json'), 'file://a/b.json');
    assert.equal(quoteBash(''), `''`);
    assert.equal(quoteBash(`it's`), `'it'\\''s'`);
    assert.equal(quoteBash('=x'), `'=x'`);
    assert.equal(quoteBash('a b'), `'a b'`);
  });

  // The table of https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments
  // ("Parsing C command-line arguments"), row by row.
  it('the C runtime model splits Microsoft’s documented examples as documented', () => {
    assert.deepEqual(splitMsvcrtArgs('"a b c" d e'), ['a b c', 'd', 'e']);
    assert.deepEqual(splitMsvcrtArgs('"ab\\"c" "\\\\" d'), ['ab"c', '\\', 'd']);
    assert.deepEqual(splitMsvcrtArgs('a\\\\\\b d"e f"g h'), ['a\\\\\\b', 'de fg', 'h']);
    assert.deepEqual(splitMsvcrtArgs('a\\\\\\"b c d'), ['a\\"b', 'c', 'd']);
    assert.deepEqual(splitMsvcrtArgs('a\\\\\\\\"b c" d e'), ['a\\\\b c', 'd', 'e']);
    assert.deepEqual(splitMsvcrtArgs('a"b"" c d'), ['ab" c d']);
  });

  // The same page: "Within a quoted string, a pair of double quotation marks is interpreted as a
  // single escaped double quotation mark", after an even run of backslashes too.
  it('the C runtime model reads `""` inside quotes as a quote, after backslashes too', () => {
    assert.deepEqual(splitMsvcrtArgs('"a""b" c'), ['a"b', 'c']);
    assert.deepEqual(splitMsvcrtArgs(String.raw`"a\\""b" c`), [String.raw`a\"b`, 'c']);
    // Outside quotes the pair opens and closes a quoted part.
    assert.deepEqual(splitMsvcrtArgs(String.raw`a\\""b c`), [String.raw`a\b`, 'c']);
  });

  // https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_parsing
  // ("Passing arguments that contain quote characters", on $PSNativeCommandArgumentPassing): what
  // TestExe -echoargs prints under Legacy passing, for the examples without variables or --%.
  it('the PowerShell Legacy model passes Microsoft’s documented examples as documented', () => {
    const argv = (line: string) => splitMsvcrtArgs(powerShellLegacyArgs(line));
    // "To get the same results in Legacy mode, you must escape the quotes": the path, quotes kept.
    assert.deepEqual(argv(String.raw`"\""C:\Program Files (x86)\Microsoft\\"""`), [
      String.raw`"C:\Program Files (x86)\Microsoft\"`,
    ]);
    // What Standard passing newly preserves (embedded quotes, empty strings) Legacy does not.
    assert.deepEqual(argv(`'a" "b' 'c" "d' e" "f`), ['a b', 'c d', 'e f']);
    assert.deepEqual(argv(`'' a b ''`), ['a', 'b']);
    // "If you use the -- token when calling an external command, the -- string is passed".
    assert.deepEqual(argv('-a -b -- -c'), ['-a', '-b', '--', '-c']);
  });

  it('C runtime: every value comes back, newlines included', () => {
    const all = [...VALUES, ...WITH_NEWLINES];
    assert.deepEqual(splitMsvcrtArgs(all.map(quoteMsvcrt).join(' ')), all);
    assert.equal(quoteMsvcrt('a\\b'), 'a\\b');
    assert.equal(quoteMsvcrt('a b\\'), '"a b\\\\"');
    assert.equal(quoteMsvcrt('x"y'), '"x\\"y"');
  });

  it('cmd.exe: every value comes back through the prompt and the C runtime, with variables defined', () => {
    for (const value of VALUES) {
      const line = quoteCmd(value);
      assert.deepEqual(splitMsvcrtArgs(cmdLine(line, CMD_ENV)), [value], `${JSON.stringify(value)} as ${line}`);
    }
    assert.deepEqual(splitMsvcrtArgs(cmdLine(VALUES.map(quoteCmd).join(' '), CMD_ENV)), VALUES);
  });

  it('cmd.exe: a line break cannot be passed', () => {
    for (const value of WITH_NEWLINES) assert.throws(() => quoteCmd(value), NotExpressibleError);
  });

  it('cmd.exe: escapes ^ & | < > ( ) % ! and " with a caret', () => {
    assert.equal(quoteCmd('a&b'), 'a^&b');
    assert.equal(quoteCmd('100%'), '100^%');
    assert.equal(quoteCmd('x y'), '^"x y^"');
    assert.equal(quoteCmd('say "hi"'), '^"say \\^"hi\\^"^"');
  });

  it('PowerShell (Legacy passing): every value comes back, newlines included', () => {
    const all = [...VALUES, ...WITH_NEWLINES];
    for (const value of all) {
      const token = quotePowerShell(value);
      assert.deepEqual(splitMsvcrtArgs(powerShellLegacyArgs(token)), [value], `${JSON.stringify(value)} as ${token}`);
    }
  });

  it('PowerShell: single quotes of all four kinds are doubled; a command with quotes runs under Legacy', () => {
    assert.equal(quotePowerShell(`it's`), `'it''s'`);
    assert.equal(quotePowerShell('\u2019'), `'\u2019\u2019'`);
    assert.equal(quotePowerShell('a,b'), `'a,b'`);
    assert.equal(commandLine('powershell', ['aws', 'x', 'y']), 'aws x y');
    assert.equal(
      commandLine('powershell', ['aws', '--users', 'a b']),
      `& { $PSNativeCommandArgumentPassing = 'Legacy'; aws --users '"a b"' }`,
    );
  });

  it('continues long commands with \\, backtick or ^ before each option', () => {
    const words = ['aws', 'personalize-events', 'put-users', '--dataset-arn', 'arn:x', '--users', 'userId=u1'];
    assert.equal(
      commandLine('bash', words, { multiline: true }),
      'aws personalize-events put-users \\\n  --dataset-arn arn:x \\\n  --users userId=u1',
    );
    assert.match(commandLine('powershell', words, { multiline: true }), / `\n {2}--users/);
    assert.match(commandLine('cmd', words, { multiline: true }), / \^\n {2}--users/);
    const out = execFileSync(
      'bash',
      ['-c', commandLine('bash', ['printf', '%s\\0', 'a b', '--x', `'`], { multiline: true })],
      {
        encoding: 'utf8',
      },
    );
    assert.deepEqual(out.split('\0').slice(0, -1), ['a b', '--x', `'`]);
  });

  it('refuses NUL in every shell', () => {
    for (const shell of ['bash', 'powershell', 'cmd'] as const)
      assert.throws(() => commandLine(shell, ['aws', 'a\0b']), NotExpressibleError);
  });
});
