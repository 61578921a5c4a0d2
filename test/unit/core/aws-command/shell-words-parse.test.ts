// The command-line tokenizer (bash, PowerShell, cmd.exe) and the CLI's shorthand grammar, rule by rule.
import * as assert from 'node:assert/strict';
import {
  detectShell,
  parseShorthand,
  pyRepr,
  type ShellDialect,
  ShellSyntaxError,
  shellWords,
  ShorthandError,
} from '../../../../src/core';

const words = (text: string, shell: ShellDialect = 'bash', cwdEntries?: string[]) =>
  shellWords(text, shell, cwdEntries ? { cwdEntries } : {}).map((w) => w.value);
const refused = (text: string, shell: ShellDialect, pattern: RegExp, cwdEntries?: string[]) =>
  assert.throws(
    () => words(text, shell, cwdEntries),
    (e: unknown) => e instanceof ShellSyntaxError && pattern.test(e.message),
  );

describe('shellWords: bash', () => {
  it('splits on blanks; quotes and escapes are removed', () => {
    assert.deepEqual(words(`a  'b c' "d e" f\\ g ''`), ['a', 'b c', 'd e', 'f g', '']);
  });
  it('keeps a backslash in double quotes unless it escapes $ ` " \\', () => {
    assert.deepEqual(words(`"a\\b" "\\"\\\\\\$"`), ['a\\b', '"\\$']);
  });
  it('joins \\ line continuations, CRLF too', () => {
    assert.deepEqual(words('aws \\\n  x\\\r\ny'), ['aws', 'xy']);
  });
  it("reads $'...' with C escapes", () => {
    assert.deepEqual(words(`$'a\\tb\\x41\\u00e9\\''`), ["a\tbAé'"]);
  });
  it('gives each character its source offset', () => {
    const [, w] = shellWords(`x 'ab'c`, 'bash');
    assert.deepEqual(w!.offsets, [3, 4, 6, 7]);
  });
  it('refuses expansions, substitutions and operators, located', () => {
    refused('a $HOME', 'bash', /\$HOME is expanded/);
    refused('a "${X}"', 'bash', /\$\{X\}/);
    refused('a $(ls)', 'bash', /expanded/);
    refused('a `ls`', 'bash', /Command substitution/);
    refused('a | b', 'bash', /pipe/);
    refused('a > f', 'bash', /redirection/);
    refused('a ~/x', 'bash', /home directory/);
    refused('a {x,y}', 'bash', /brace expansion/);
    refused("a 'b", 'bash', /never closed/);
    refused('a\nb', 'bash', /second command/);
    const e = (() => {
      try {
        words('aws $X');
      } catch (x) {
        return x as ShellSyntaxError;
      }
      return undefined;
    })();
    assert.deepEqual([e?.start, e?.end], [4, 6]);
  });
  it('a lone $, a # inside a word and a comment line are literal or ignored', () => {
    assert.deepEqual(words('a$ b#c # note\n# more'), ['a$', 'b#c']);
  });
  it('a glob matching no file stays as written; one matching a file is refused', () => {
    assert.deepEqual(words('properties=[a,b]', 'bash', ['x.json']), ['properties=[a,b]']);
    refused('u*', 'bash', /matches users\.json/, ['users.json']);
    refused('u*', 'bash', /not known/);
  });
});

describe('shellWords: PowerShell', () => {
  it('reads \'\' in single quotes, `" and "" in double quotes, backtick escapes and continuations', () => {
    assert.deepEqual(words(`'O''Brien' "a\`"b""c" x\`ty a\`\n b`, 'powershell'), [
      "O'Brien",
      'a"b"c',
      'x\ty',
      'a',
      'b',
    ]);
  });
  it('refuses variables, unquoted commas and pipes', () => {
    refused('a $env:X', 'powershell', /PowerShell/);
    refused('a userId=a,properties=b', 'powershell', /comma/);
    refused('a | b', 'powershell', /PowerShell syntax/);
  });
  it('skips the call operator before a quoted program', () => {
    assert.deepEqual(words(`& 'C:\\aws.exe' x`, 'powershell'), ['C:\\aws.exe', 'x']);
  });
  it('reads curly quotes as quotes and Unicode spaces as blanks', () => {
    assert.deepEqual(words(`a \u2018it\u2019\u2019s\u2019 \u201cq\u201d b\u00a0c`, 'powershell'), [
      'a',
      'it\u2019s',
      'q',
      'b',
      'c',
    ]);
  });
  it('passes values as they are under Standard passing (7.3+), empty and quoted ones included', () => {
    assert.deepEqual(words(`aws '"a b"' '' 'x y'`, 'powershell'), ['aws', '"a b"', '', 'x y']);
    assert.deepEqual(words(`$PSNativeCommandArgumentPassing = 'Standard'; aws '"a"'`, 'powershell'), ['aws', '"a"']);
  });
  it("applies Legacy passing inside to-cli's scope: PowerShell's values, joined into one line, split by the C runtime", () => {
    const scope = (inner: string) => `& { $PSNativeCommandArgumentPassing = 'Legacy'; ${inner} }`;
    assert.deepEqual(words(scope(`aws '"a b"' '' 'x y' 'say "hi"' '"t\\\\"'`), 'powershell'), [
      'aws',
      'a b',
      'x y',
      'say hi',
      't\\',
    ]);
    assert.deepEqual(words(`$psnativecommandargumentpassing = "legacy"\naws '"a"'`, 'powershell'), ['aws', 'a']);
    assert.deepEqual(words(`& {\n  $PSNativeCommandArgumentPassing = 'Legacy'\n  aws \`\n  'x y'\n}`, 'powershell'), [
      'aws',
      'x y',
    ]);
    const [, w] = shellWords(scope(`aws 'a b'`), 'powershell');
    assert.equal(w!.start, scope('aws ').length - 2); // the quote Legacy adds sits at the word's start
    refused(scope(`aws -x.y`), 'powershell', /split in two/);
    refused(scope(`aws $x`), 'powershell', /\$x is expanded/);
    refused(`& { $PSNativeCommandArgumentPassing = 'Legacy'; aws x`, 'powershell', /never closed/);
    refused(`& { aws x }`, 'powershell', /PowerShell syntax/);
    assert.equal(detectShell(scope('aws x')), 'powershell');
  });
});

describe('shellWords: cmd.exe', () => {
  it('removes ^ escapes and continuations, then splits as the C runtime does', () => {
    assert.deepEqual(words('a ^& b^\n c "d ""e"" f" \\"g\\" "h\\\\"', 'cmd'), [
      'a',
      '&',
      'b',
      'c',
      'd "e" f',
      '"g"',
      'h\\',
    ]);
  });
  it('refuses %VARIABLES% and unescaped operators', () => {
    refused('a %USERPROFILE%', 'cmd', /expanded by cmd/);
    refused('a & b', 'cmd', /cmd\.exe syntax/);
    // cmd.exe expands %...% before it reads carets: ^%PATH% is still expanded, %PATH^% names no variable.
    refused('a ^%PATH%', 'cmd', /%PATH% is expanded/);
    assert.deepEqual(words('a ^%PATH^% 100% 5^%', 'cmd'), ['a', '%PATH%', '100%', '5%']);
  });
});

describe('detectShell', () => {
  it('names the shell only from a line continuation', () => {
    assert.equal(detectShell('a `\n b'), 'powershell');
    assert.equal(detectShell('a ^\n b'), 'cmd');
    assert.equal(detectShell('a \\\n b'), 'bash');
    assert.equal(detectShell('a b'), undefined);
  });
});

const sh = (value: string) => pyRepr(parseShorthand(value));
const shError = (value: string) => {
  try {
    parseShorthand(value);
  } catch (e) {
    if (e instanceof ShorthandError) return e.message;
    throw e;
  }
  return assert.fail(`${value} parsed`);
};

describe('parseShorthand (awscli/shorthand.py)', () => {
  it('reads key=value pairs, whitespace around = and , allowed, trailing whitespace trimmed', () => {
    assert.equal(sh('userId=a b , properties = x y  '), "{'userId': 'a b', 'properties': 'x y'}");
  });
  it('keeps = inside values, \\, as a comma, other backslashes', () => {
    assert.equal(sh('userId=a=b'), "{'userId': 'a=b'}");
    assert.equal(sh('userId=a\\,b\\c'), "{'userId': 'a,b\\\\c'}");
  });
  it('reads a,b as a list and backtracks before the next key', () => {
    assert.equal(sh('properties=Gold,Silver,userId=u'), "{'properties': ['Gold', 'Silver'], 'userId': 'u'}");
  });
  it('tolerates ,, between pairs', () => {
    assert.equal(sh('userId=a,,properties=x'), "{'userId': 'a', 'properties': 'x'}");
  });
  it('in quotes only the quote and the backslash are escapes', () => {
    assert.equal(sh('userId="CORP\\bkim"'), "{'userId': 'CORP\\\\bkim'}");
    assert.equal(sh("userId='O\\'Brien'"), "{'userId': \"O'Brien\"}");
    assert.equal(sh('userId="a,b"'), "{'userId': 'a,b'}");
  });
  it('backtracks a quoted value whose last quote is escaped', () => {
    assert.equal(sh('properties="{\\"age\\":\\"45\\"'), "{'properties': '{\"age\":\"45\\\\'}");
  });
  it('reads {k=v} and [a,b] as a map and a list', () => {
    assert.equal(sh('properties={age=45}'), "{'properties': {'age': '45'}}");
    assert.equal(sh('properties=[a,b]'), "{'properties': ['a', 'b']}");
  });
  it('an empty value is an empty string', () => {
    assert.equal(sh('userId='), "{'userId': ''}");
  });
  it('refuses a second instance of a key, with the caret where the CLI puts it', () => {
    assert.equal(
      shError('userId=a,userId=b'),
      'Second instance of key "userId" encountered for input:\nuserId=a,userId=b\n         ^\n' +
        'This is often because there is a preceding "," instead of a space.',
    );
  });
  it('refuses JSON after =, an unquoted quote, a leading space, an empty word', () => {
    assert.match(shError('properties={"a":1}'), /^Expected: '=', received: '"'/);
    assert.match(shError("userId=O'Brien"), /^Expected: ',', received: '''/);
    assert.match(shError(' userId=a'), /^Expected: '=', received: ' '|^Expected: '=', received: 'u'/);
    assert.equal(shError(''), "Expected: '=', received: 'EOF' for input:\n\n^");
  });
  it('refuses a character outside the BMP unless quoted, counting columns in code points', () => {
    assert.equal(shError('userId=a😀'), "Expected: ',', received: '😀' for input:\nuserId=a😀\n        ^");
    assert.equal(sh('userId="a😀"'), "{'userId': 'a😀'}");
  });
  it('locates the error in the word', () => {
    try {
      parseShorthand('userId=a,userId=b');
    } catch (e) {
      assert.deepEqual([(e as ShorthandError).start, (e as ShorthandError).end], [9, 15]);
    }
  });
});
