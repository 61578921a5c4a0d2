// The extension in a real VS Code: diagnostics, completions, hovers, quick fixes and commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { skeleton, validate } from '../../src/core';
import { closeAllEditors, fixtureUri, openFixture, openUntitled, waitForDiagnostics } from './helpers';
import { ARN, pollUntil, rangeText } from '../support/values';
import { applyFix, codeActionTitled, ours, waitForOurs } from './putusers-helpers';

const expected = (doc: vscode.TextDocument) =>
  validate(doc.getText(), doc.languageId === 'yaml' ? 'yaml' : 'json').map(
    (f) => `${rangeText(f.range)} ${f.code} ${f.message}`,
  );
const shown = (ds: readonly vscode.Diagnostic[]) =>
  ds.map((d) => `${rangeText(d.range)} ${String(d.code)} ${d.message}`);

describe('PutUsers diagnostics', () => {
  afterEach(closeAllEditors);

  it('shows every core finding of a JSON input, located, one diagnostic each', async () => {
    const doc = await openFixture('putusers/errors.putusers.json');
    const diagnostics = await waitForOurs(doc.uri, 4);
    assert.deepStrictEqual(shown(diagnostics), expected(doc));
    const unknown = diagnostics.find((d) => d.code === 'cli/unknown-member' && /userID/.test(d.message))!;
    assert.strictEqual(rangeText(unknown.range), '4:12-4:20');
    assert.ok(diagnostics.every((d) => d.source === 'PutUsers'));
    // Nothing from the built-in JSON service about the same problems (no schema contributed).
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'PutUsers'),
      [],
    );
  });

  it('reads YAML as the AWS CLI does', async () => {
    const doc = await openFixture('putusers/errors.putusers.yaml');
    const diagnostics = await waitForOurs(doc.uri, 3);
    assert.deepStrictEqual(shown(diagnostics), expected(doc));
    assert.ok(
      diagnostics.some(
        (d) => d.code === 'cli/invalid-type' && /date/.test(d.message) && rangeText(d.range) === '2:10-2:20',
      ),
    );
  });

  it('updates as you type and clears when the file is fixed', async () => {
    const text = `{"datasetArn": "${ARN}", "users": [{"userId": 1}]}`;
    const doc = await openUntitled(text, 'json');
    const before = await waitForOurs(doc.uri, 1);
    const number = text.lastIndexOf('1');
    assert.deepStrictEqual(
      before.map((d) => `${rangeText(d.range)} ${String(d.code)}`),
      [`0:${number}-0:${number + 1} cli/invalid-type`],
      'the number userId, located',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text.replace('": 1}', '": "1"}'));
    await vscode.workspace.applyEdit(edit);
    const after = await waitForDiagnostics(doc.uri, (ds) => ours(ds).length === 0);
    assert.deepStrictEqual(after, [], 'nothing of ours, and nothing from the JSON service, once the file is valid');
  });

  it('detects inputs by content, and leaves other JSON alone', async () => {
    // Opened first: its validation is scheduled (delay 0) before the input's, so it has run by the time the input has diagnostics.
    const other = await openFixture('putusers/other.json');
    const input = await openFixture('putusers/by-content.json');
    assert.strictEqual((await waitForOurs(input.uri, 1))[0]!.code, 'cli/invalid-type');
    assert.deepStrictEqual(ours(vscode.languages.getDiagnostics(other.uri)), []);
  });
});

describe('PutUsers completions and hovers', () => {
  afterEach(closeAllEditors);

  it('completes the members a user lacks, with docs', async () => {
    const doc = await openFixture('putusers/valid.putusers.json');
    const editor = await vscode.window.showTextDocument(await openUntitled(doc.getText(), 'json'));
    const line = editor.document.lineAt(8).text;
    assert.match(line, /"userId": "u2"/);
    await editor.edit((e) => e.insert(new vscode.Position(8, line.length), ', "'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(8, line.length + 3),
    );
    // Ours carry the model's docs (the built-in JSON service also offers the file's other keys).
    const ourItems = list.items.filter((i) => i.detail === 'required' || i.detail === 'optional');
    const labels = ourItems.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepStrictEqual(labels, ['properties'], 'userId is already there');
    assert.match(
      String((ourItems[0]!.documentation as vscode.MarkdownString).value),
      /A string map of user-specific metadata/,
    );
  });

  it('completes top-level members in an empty YAML mapping line', async () => {
    const doc = await openUntitled('users:\n- userId: a\n', 'yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(2, 0), 'data');
    await vscode.workspace.applyEdit(edit);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(2, 4),
    );
    // Ours (the editor's word list may have a `datasetArn` too, from another open document).
    const item = list.items.find((i) => i.label === 'datasetArn' && i.kind === vscode.CompletionItemKind.Property);
    assert.ok(item, list.items.map((i) => String(i.label)).join(', '));
    assert.match((item.insertText as vscode.SnippetString).value, /^datasetArn: arn:aws:personalize:\$\{1:region\}/);
  });

  it('outlines users by their userId, with their properties keys, in JSON and YAML', async () => {
    const json = await openFixture('putusers/valid.putusers.json');
    const yaml = await openUntitled(
      `datasetArn: ${ARN}\nusers:\n- userId: anna\n  properties: '{"age": "30", "tier": "gold"}'\n- userId: ''\n- {}\n`,
      'yaml',
    );
    const outline = async (doc: vscode.TextDocument) => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      // Ours among whatever else outlines the file (the JSON service has its own): the users symbol saying how many.
      const users = symbols.find((s) => s.name === 'users' && /^\d+ users$/.test(s.detail));
      assert.ok(users, symbols.map((s) => `${s.name} (${s.detail})`).join(', '));
      return users.children.map((u) => [u.name, u.detail, u.children.map((c) => `${c.name}: ${c.detail}`)]);
    };
    assert.deepStrictEqual(await outline(json), [
      ['u1', 'users[0]', ['properties: numberOfVideosWatched, membership']],
      ['u2', 'users[1]', []],
    ]);
    assert.deepStrictEqual(await outline(yaml), [
      ['anna', 'users[0]', ['properties: age, tier']],
      ['users[1]', '', []],
      ['users[2]', '', []],
    ]);
    // One user is "1 user".
    const one = await openUntitled(`datasetArn: ${ARN}\nusers:\n- userId: solo\n`, 'yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      one.uri,
    );
    const details = symbols.map((s) => `${s.name} (${s.detail})`);
    assert.ok(details.includes('users (1 user)'), details.join(', '));
  });

  (
    [
      [
        'yaml',
        `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: |\n    {"age": "30",\n     "tier": "gold"}\n- userId: u2\n`,
      ],
      [
        'yaml',
        `datasetArn: ${ARN}\nusers:\n  - userId: u1\n    properties: >-\n      {"age": "30",\n       "tier": "gold"}\n  - userId: u2\n`,
      ],
      [
        'json',
        `{\n  "datasetArn": "${ARN}",\n  "users": [\n    {"userId": "u1",\n     "properties": "{}"},\n    {"userId": "u2"}\n  ]\n}\n`,
      ],
    ] as const
  ).forEach(([format, text], n) => {
    it(`folds the users list, a user and its properties with the editor's Fold command (${format}, style ${n + 1})`, async () => {
      const uri = fixtureUri(`folding/fold-${n}.putusers.${format}`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const lines = text.split('\n');
      const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
      const hiddenAfterFolding = async (line: number) => {
        await vscode.commands.executeCommand('editor.unfoldAll');
        await vscode.commands.executeCommand('editor.fold', { levels: 1, direction: 'up', selectionLines: [line] });
        const hidden = () =>
          lines
            .map((_, i) => i)
            .filter(
              (i) => i < lines.length - 1 && !editor.visibleRanges.some((r) => r.start.line <= i && i <= r.end.line),
            );
        // The folding model follows the providers' answer a moment after the document opens.
        return pollUntil(
          async () => {
            const now = hidden();
            if (now.length > 0) return now;
            await vscode.commands.executeCommand('editor.fold', { levels: 1, direction: 'up', selectionLines: [line] });
            return undefined;
          },
          5_000,
          () => `nothing folded at line ${line + 1} of\n${text}`,
        );
      };
      const users = lineOf(/users/);
      const u2 = lineOf(/u2/);
      const u1 = lineOf(/u1/);
      const properties = lineOf(/properties/);
      // A JSON list's closing bracket stays in sight, as VS Code's own JSON folding leaves it.
      assert.deepStrictEqual(await hiddenAfterFolding(users), range(users + 1, u2));
      assert.deepStrictEqual(await hiddenAfterFolding(u1), range(u1 + 1, u2 - 1));
      if (format === 'yaml')
        assert.deepStrictEqual(await hiddenAfterFolding(properties), range(properties + 1, u2 - 1));
      await vscode.commands.executeCommand('editor.unfoldAll');
    });
  });

  it('hovers with the model documentation and the decoded properties', async () => {
    const doc = await openFixture('putusers/valid.putusers.json');
    const line = doc.lineAt(5).text;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(5, line.indexOf('properties') + 2),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /A string map of user-specific metadata/);
    assert.match(text, /"numberOfVideosWatched": "45",\n\s+"membership": "Member"/);
  });
});

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
      await doc.save();
    });
  });

  it('reports the byte-order mark VS Code hides, as the AWS CLI does: a JSON file refused, YAML read, Send refused', async () => {
    const body = `{\n  "datasetArn": "${ARN}",\n  "users": [{"userId": "u1"}]\n}\n`;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const write = async (name: string, text: string) => {
      const uri = fixtureUri(`bom/${name}`);
      await vscode.workspace.fs.writeFile(uri, new Uint8Array([...bom, ...new TextEncoder().encode(text)]));
      return vscode.workspace.openTextDocument(uri);
    };
    const json = await write('with-bom.putusers.json', body);
    await vscode.window.showTextDocument(json);
    assert.equal(json.getText(), body, 'VS Code takes the mark out of the text');
    const [diagnostic] = await waitForOurs(json.uri, 1);
    assert.equal(diagnostic!.code, 'cli/invalid-json');
    assert.match(diagnostic!.message, /byte-order mark/);
    assert.equal(rangeText(diagnostic!.range), '0:0-0:1');
    const sent = await vscode.commands.executeCommand<{ status: string }>('putUsers.sendFile', json.uri, {
      confirmed: true,
    });
    assert.equal(sent.status, 'invalid');
    // YAML: ruamel skips a leading mark, and so do we (the one finding is the number, not the mark).
    const yaml = await write('with-bom.putusers.yaml', `datasetArn: ${ARN}\nusers:\n- userId: 7\n`);
    await vscode.window.showTextDocument(yaml);
    assert.deepEqual(
      (await waitForOurs(yaml.uri, 1)).map((d) => `${d.code} ${rangeText(d.range)}`),
      ['cli/invalid-type 2:10-2:11'],
    );
  });

  it('checks a file over putUsers.maxFileSizeForLiveChecks on demand only, and says so', async () => {
    const config = vscode.workspace.getConfiguration('putUsers');
    await config.update('maxFileSizeForLiveChecks', 0.0002, vscode.ConfigurationTarget.Workspace); // 200 characters
    try {
      const users = Array.from(
        { length: 6 },
        (_, i) => `{"userId": "u${i}", "properties": "{\\"age\\": \\"3${i}\\"}"}`,
      );
      const text = `{\n  "datasetArn": "${ARN}",\n  "users": [\n    {"userID": "x"},\n    ${users.join(',\n    ')}\n  ]\n}\n`;
      const uri = fixtureUri('large/on-demand.putusers.json');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [note] = await waitForOurs(doc.uri, 1);
      assert.equal(note!.code, 'checks-on-demand');
      assert.equal(note!.severity, vscode.DiagnosticSeverity.Information);
      assert.match(note!.message, /only on demand.*Run "PutUsers: Validate File"/);
      // Nothing else parses it unasked: no hover of ours (the model's documentation), no CodeLens.
      const hoverText = async () =>
        (
          await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            doc.uri,
            new vscode.Position(1, 5),
          )
        )
          .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
          .join('\n');
      assert.doesNotMatch(await hoverText(), /Amazon Resource Name/);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      assert.deepEqual(lenses, []);
      // With a limit it is under, the same file gets our hover (the check above can fail).
      await config.update('maxFileSizeForLiveChecks', 0, vscode.ConfigurationTarget.Workspace);
      await pollUntil(
        async () => (/Amazon Resource Name/.test(await hoverText()) ? true : undefined),
        5_000,
        () => 'our hover once the limit is off',
      );
      await config.update('maxFileSizeForLiveChecks', 0.0002, vscode.ConfigurationTarget.Workspace);
      const noteAgain = () =>
        waitForDiagnostics(doc.uri, (ds) => ours(ds).length === 1 && ours(ds)[0]!.code === 'checks-on-demand');
      await noteAgain();
      // On demand: the findings the AWS CLI would give.
      await vscode.commands.executeCommand('putUsers.validateFile');
      const found = await waitForDiagnostics(doc.uri, (ds) => ours(ds).some((d) => d.code === 'cli/unknown-member'));
      assert.deepEqual(
        ours(found).map((d) => d.code),
        validate(text, 'json').map((f) => f.code),
      );
      // The next edit makes them stale: the note comes back instead.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 1), ' ');
      await vscode.workspace.applyEdit(edit);
      await noteAgain();
      await doc.save();
    } finally {
      await config.update('maxFileSizeForLiveChecks', undefined, vscode.ConfigurationTarget.Workspace);
    }
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
    await doc.save();
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
        await doc.save();
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

describe('PutUsers commands', () => {
  afterEach(closeAllEditors);

  it('registers every command of the manifest, and no other', async () => {
    await openFixture('putusers/valid.putusers.json'); // activates the extension, on its own time
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'putusers')!;
    await extension.activate(); // resolves once activate() has returned, so every command is registered
    const manifest = extension.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('putUsers.'));
    assert.deepStrictEqual(registered.sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('edits properties as JSON beside the file and writes the escaped string back on save', async () => {
    const source = await openUntitled((await openFixture('putusers/valid.putusers.json')).getText(), 'json');
    const editor = await vscode.window.showTextDocument(source);
    editor.selection = new vscode.Selection(4, 16, 4, 16); // in the first user
    const side = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.editProperties');
    assert.strictEqual(side.document.languageId, 'json');
    assert.deepStrictEqual(JSON.parse(side.document.getText()), { numberOfVideosWatched: '45', membership: 'Member' });
    await side.edit((e) =>
      e.replace(
        new vscode.Range(0, 0, side.document.lineCount, 0),
        '{\n  "numberOfVideosWatched": "46",\n  "note": "say \\"hi\\""\n}\n',
      ),
    );
    assert.ok(await side.document.save());
    assert.match(
      source.getText(),
      /"properties": "\{\\"numberOfVideosWatched\\":\\"46\\",\\"note\\":\\"say \\\\\\"hi\\\\\\"\\"\}"/,
    );
    assert.deepStrictEqual(validate(source.getText(), 'json'), []);
  });

  for (const kind of ['input', 'yaml-input'] as const) {
    it(`generates the ${kind} skeleton byte for byte, with tab stops on the values to fill in`, async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.generateSkeleton', kind);
      assert.strictEqual(editor.document.getText(), skeleton(kind));
      assert.strictEqual(editor.document.languageId, kind === 'input' ? 'json' : 'yaml');
      // The cursor waits in datasetArn's quotes; Tab goes on to userId's, then to properties'.
      const quote = kind === 'input' ? '"' : "'";
      for (const [value, name] of [
        ['arn', 'datasetArn'],
        ['u1', 'userId'],
        ['{}', 'properties'],
      ] as const) {
        await vscode.commands.executeCommand('type', { text: value });
        if (name !== 'properties') await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        const line = editor.document
          .getText()
          .split('\n')
          .find((l) => l.includes(`${name}`))!;
        assert.ok(line.includes(`${quote}${value}${quote}`), `${name} was filled in: ${line}`);
      }
    });
  }

  it('keeps the skeleton byte for byte in an editor that indents with tabs', async () => {
    const editor = await vscode.window.showTextDocument(await openUntitled('', 'json'));
    editor.options = { insertSpaces: false, tabSize: 4 };
    await vscode.commands.executeCommand('putUsers.generateSkeleton', 'input');
    assert.strictEqual(editor.document.getText(), skeleton('input'));
  });

  it('saves a conversion beside the original, under the other extension, never over a file', async () => {
    const original = await openFixture('putusers/valid.putusers.json');
    await vscode.window.showTextDocument(original);
    const beside = vscode.Uri.joinPath(original.uri, '..', 'valid.putusers.yaml');
    try {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.convert', { saveBeside: true });
      assert.strictEqual(editor.document.uri.toString(), beside.toString());
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(beside));
      assert.deepStrictEqual(validate(saved, 'yaml'), []);
      await vscode.window.showTextDocument(original);
      assert.strictEqual(
        await vscode.commands.executeCommand('putUsers.convert', { saveBeside: true }),
        undefined,
        'exists already: nothing written',
      );
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(beside)), saved);
    } finally {
      await vscode.workspace.fs.delete(beside).then(undefined, () => undefined);
    }
  });

  it('converts JSON to YAML and back with the same meaning', async () => {
    const source = await openFixture('putusers/valid.putusers.json');
    await vscode.window.showTextDocument(source);
    const yamlEditor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.convert');
    assert.strictEqual(yamlEditor.document.languageId, 'yaml');
    assert.deepStrictEqual(validate(yamlEditor.document.getText(), 'yaml'), []);
    await vscode.window.showTextDocument(yamlEditor.document);
    const jsonEditor = await vscode.commands.executeCommand<vscode.TextEditor>('putUsers.convert');
    assert.deepStrictEqual(JSON.parse(jsonEditor.document.getText()), JSON.parse(source.getText()));
  });
});

/** The numbers from `first` to `last`, both included. */
function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
