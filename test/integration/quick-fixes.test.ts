// Quick fixes in the real editor: JSON slips (with the JSON service's diagnostics), the CLI's
// findings fixed in turn, ARNs of the wrong resource, and splitting more than 10 users.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { validate } from '../../src/core';
import { closeAllEditors, fixtureUri, openFixture, openUntitled, saveDocument, waitForDiagnostics } from './helpers';
import { ARN } from '../support/values';
import { applyFix, codeActionTitled, ours, waitForOurs } from './putusers-helpers';

describe('PutUsers quick fixes', () => {
  afterEach(closeAllEditors);

  const syntaxCases: [string, string, string, RegExp][] = [
    ['json', `{\n  "datasetArn": "${ARN}",\n  "users": [{"userId": "u1"},]\n}\n`, 'json', /Remove the trailing comma/],
    [
      'json',
      `{\n  "datasetArn": "${ARN}",\n  // the first user\n  "users": [{"userId": "u1"}]\n}\n`,
      'json',
      /Remove the comment/,
    ],
    [
      'jsonc',
      `{\n  "datasetArn": "${ARN}",\n  // the first user\n  "users": [{"userId": "u1"}]\n}\n`,
      'PutUsers',
      /Remove the comment/,
    ],
    ['json', `{\n  'datasetArn': "${ARN}",\n  "users": [{"userId": "u1"}]\n}\n`, 'json', /Use double quotes/],
  ];
  syntaxCases.forEach(([language, text, reporter, fix], n) => {
    it(`one diagnostic per JSON slip (${reporter}'s), and its fix: ${fix.source} in ${language}`, async () => {
      // A file of its own each (an untitled name comes back, and the JSON service's last diagnostics with it).
      const uri = fixtureUri(`syntax/slip-${n}.${language}`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const shown = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0);
      // VS Code's JSON service reports what it sees, at the cause (its "no comments" has no source);
      // the CLI's finding of the same problem then stays out.
      assert.deepEqual(
        shown.map((d) => d.source ?? 'json'),
        [reporter],
        shown.map((d) => `${d.source}: ${d.message}`).join('; '),
      );
      const action = await codeActionTitled(doc.uri, shown[0]!.range, fix);
      await vscode.workspace.applyEdit(action.edit!);
      assert.deepEqual(validate(doc.getText(), 'json'), [], doc.getText());
      await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
      await saveDocument(doc);
    });
  });

  it('keeps checking the rest of a JSON file after its slips, located where the mistakes are, and they stay once the slips are fixed', async () => {
    const text = `{\n  // the demo dataset\n  "datasetArn": "${ARN}",\n  "users": [\n    {"userID": "u1"},\n    {"userId": 7},\n  ],\n}\n`;
    const uri = fixtureUri('syntax/beyond-slips.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const located = (ds: vscode.Diagnostic[]) => ds.map((d) => `${d.code} ${doc.getText(d.range)}`);
    const expected = ['cli/missing-member {', 'cli/unknown-member "userID"', 'cli/invalid-type 7'];
    // The slips are the JSON service's to report (a comment, two trailing commas), ours the rest.
    const shown = await waitForDiagnostics(doc.uri, (ds) => ours(ds).length >= 3 && ds.length >= 6);
    assert.deepEqual(located(ours(shown)), expected);
    const theirs = shown.filter((d) => d.source !== 'PutUsers');
    assert.equal(theirs.length, 3, theirs.map((d) => d.message).join('; '));
    const all = await codeActionTitled(doc.uri, theirs[0]!.range, /^Fix all 3 JSON slips/);
    await vscode.workspace.applyEdit(all.edit!);
    // The comment's line is gone: diagnostics left from before would cover other text.
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.every((d) => d.source === 'PutUsers') && located([...ds]).join() === expected.join(),
    );
    await saveDocument(doc);
  });

  (
    [
      ['json', (arn: string) => `{\n  "datasetArn": "${arn}",\n  "users": [{"userId": "u1"}]\n}\n`],
      ['yaml', (arn: string) => `datasetArn: ${arn}\nusers:\n- userId: u1\n`],
      ['yaml', (arn: string) => `datasetArn: '${arn}'\nusers:\n- userId: u1\n`],
    ] as const
  ).forEach(([format, template], n) => {
    it(`turns a dataset group's ARN, or an ITEMS dataset's, into the Users dataset's (${format}: ${template('A').split('\n')[0]})`, async () => {
      const users = ARN;
      for (const [m, wrong] of [
        users.replace(/dataset\/(\w+)\/USERS/, 'dataset-group/$1'),
        users.replace('/USERS', '/ITEMS'),
      ].entries()) {
        // Files, not untitled editors: VS Code guesses an untitled editor's language as it likes.
        const uri = fixtureUri(`arns/arn-${n}-${m}.putusers.${format}`);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template(wrong)));
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        const [diagnostic] = await waitForOurs(doc.uri, 1);
        assert.equal(diagnostic!.code, 'service/arn-not-users-dataset');
        assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
        const text = await applyFix(doc, diagnostic!, /^Use the Users dataset/);
        assert.equal(validate(text, format).length, 0, text);
        assert.ok(text.includes(users), text);
        assert.deepEqual(ours(vscode.languages.getDiagnostics(doc.uri)), []);
        await saveDocument(doc);
      }
    });
  });

  it('renames a near-miss key, quotes a number, and turns a properties object into the escaped string', async () => {
    const original = (await openFixture('putusers/errors.putusers.json')).getText();
    const doc = await openUntitled(original, 'json');
    let diagnostics = await waitForOurs(doc.uri, 4);
    let text = await applyFix(
      doc,
      diagnostics.find((d) => /userID/.test(d.message))!,
      /Rename to "userId"/,
    );
    assert.match(text, /"userId": "u1"/);
    diagnostics = await waitForOurs(doc.uri, 3);
    text = await applyFix(
      doc,
      diagnostics.find((d) => d.code === 'cli/invalid-type' && /userId/.test(d.message))!,
      /Quote 42/,
    );
    assert.match(text, /"userId": "42"/);
    diagnostics = await waitForOurs(doc.uri, 2);
    text = await applyFix(
      doc,
      diagnostics.find((d) => /properties must be a string/.test(d.message))!,
      /JSON string/,
    );
    assert.match(text, /"properties": "\{\\"age\\": \\"30\\", \\"ok\\": true\}"/);
    diagnostics = await waitForOurs(doc.uri, 1);
    text = await applyFix(
      doc,
      diagnostics.find((d) => /trackingId/.test(d.message))!,
      /Remove "trackingId"/,
    );
    assert.deepStrictEqual(validate(text, 'json'), []);
  });

  it('quotes a YAML date and writes a YAML mapping as a properties string', async () => {
    const doc = await openUntitled((await openFixture('putusers/errors.putusers.yaml')).getText(), 'yaml');
    let diagnostics = await waitForOurs(doc.uri, 3);
    let text = await applyFix(
      doc,
      diagnostics.find((d) => /date/.test(d.message))!,
      /Quote/,
    );
    assert.match(text, /userId: '2024-01-02'/);
    diagnostics = await waitForOurs(doc.uri, 2);
    text = await applyFix(
      doc,
      diagnostics.find((d) => /properties must be a string/.test(d.message))!,
      /JSON string/,
    );
    assert.match(text, /properties: '\{"age": "31"\}'/);
    assert.deepStrictEqual(
      validate(text, 'yaml').map((f) => f.code),
      ['service/properties-key-case'],
    );
  });

  it('offers to split more than 10 users into valid files', async () => {
    const doc = await openFixture('putusers/twelve.putusers.json');
    const [diagnostic] = await waitForOurs(doc.uri, 1);
    const split = await codeActionTitled(doc.uri, diagnostic!.range, /Split into 2 files/);
    assert.ok(split.command, 'the split action runs a command');
    const parts = [1, 2].map((n) => vscode.Uri.joinPath(doc.uri, '..', `twelve.part-${n}.putusers.json`));
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri[]>(
        split.command.command,
        ...(split.command.arguments ?? []),
      );
      assert.deepStrictEqual(
        written.map((u) => u.toString()),
        parts.map((u) => u.toString()),
      );
      const texts = await Promise.all(
        parts.map(async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))),
      );
      assert.deepStrictEqual(
        texts.map((t) => JSON.parse(t).users.length),
        [10, 2],
      );
      assert.deepStrictEqual(
        texts.map((t) => validate(t, 'json')),
        [[], []],
      );
      assert.deepStrictEqual(
        texts.flatMap((t) => JSON.parse(t).users.map((u: { userId: string }) => u.userId)),
        JSON.parse(doc.getText()).users.map((u: { userId: string }) => u.userId),
      );
      // Never overwrites: a second split refuses and writes nothing.
      assert.deepStrictEqual(
        await vscode.commands.executeCommand(split.command.command, ...(split.command.arguments ?? [])),
        [],
      );
    } finally {
      for (const uri of parts) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
