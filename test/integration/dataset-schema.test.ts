// properties checked against the Users dataset's schema in the real VS Code: the schema found
// beside the file, in a parent folder or by putUsers.datasetSchemas; its findings, quick fixes
// and CodeLens; a broken schema reported on its own file, and the input checked without it; the
// schema file itself (`.avsc`, a JSON document no other checker claims; the older `.schema.json`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARN, pollUntil, usersSchemaText } from '../support/values';
import type { ImportCsvResult } from '../../src/extension/import-csv';
import {
  closeAllEditors,
  fixtureUri,
  formatDiagnostic,
  lensTitles,
  saveDocument,
  schemaCodes,
  waitForDiagnostics,
} from './helpers';
import { codeActionTitled, ours } from './putusers-helpers';

const SCHEMA = usersSchemaText(
  { name: 'AGE', type: 'int' },
  { name: 'GENDER', type: 'string', categorical: true },
  { name: 'MEMBERSHIP', type: ['null', 'string'], categorical: true },
);

const write = (relPath: string, text: string) =>
  vscode.workspace.fs.writeFile(fixtureUri(relPath), new TextEncoder().encode(text));

describe('PutUsers: properties against the dataset schema', function () {
  this.timeout(60_000);
  before(async () => {
    await write('schema-check/users.avsc', SCHEMA);
  });
  afterEach(closeAllEditors);

  it('finds users.avsc in the folder, reports on the key and value, and renames a key with a quick fix (JSON)', async () => {
    const properties = JSON.stringify({ AGE: 'old', gendr: 'F' });
    await write(
      'schema-check/people.putusers.json',
      JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties }] }, null, 2),
    );
    const uri = fixtureUri('schema-check/people.putusers.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 4);
    assert.deepEqual(schemaCodes(diagnostics), [
      'schema/key-not-camel-case',
      'schema/missing-field',
      'schema/unknown-key',
      'schema/wrong-type',
    ]);
    const covered = (code: string) => document.getText(diagnostics.find((d) => d.code === code)!.range);
    assert.equal(covered('schema/key-not-camel-case'), '\\"AGE\\"');
    assert.equal(covered('schema/wrong-type'), '\\"old\\"');
    assert.equal(covered('schema/unknown-key'), '\\"gendr\\"');

    for (const [code, title] of [
      ['schema/key-not-camel-case', 'Rename "AGE" to "age"'],
      ['schema/unknown-key', 'Rename "gendr" to "gender"'],
    ]) {
      const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.code === code)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.code === code));
    }
    assert.match(document.getText(), /\\"age\\":\\"old\\",\\"gender\\":\\"F\\"/);
    const after = await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 1);
    assert.deepEqual(schemaCodes(after), ['schema/wrong-type'], after.map(formatDiagnostic).join('; '));
    assert.ok((await lensTitles(uri)).includes('$(symbol-field) schema: schema-check/users.avsc'));
    // A hover on a key inside properties names its field; elsewhere on properties, the decoded JSON.
    const hoverAt = async (offset: number) =>
      (
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          document.positionAt(offset),
        )
      )
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
    const text = document.getText();
    assert.match(
      await hoverAt(text.indexOf('gender') + 2),
      /the field `GENDER` of the Users dataset's schema, `string`; categorical/,
    );
    assert.match(await hoverAt(text.indexOf('"properties"') + 3), /Decoded:/);
  });

  it('completes the schema’s fields inside properties, each with a value of its type', async () => {
    const text = JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties: '{}' }] }, null, 2);
    await write('schema-check/complete.putusers.json', text);
    const uri = fixtureUri('schema-check/complete.putusers.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const inside = document.positionAt(text.indexOf('"{}"') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      inside,
    );
    const fields = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Field);
    assert.deepEqual(
      fields.map((i) => [i.label, i.detail]),
      [
        ['age', 'int'],
        ['gender', 'string, categorical'],
        ['membership', 'string, categorical, may be null'],
      ],
    );
    const age = fields[0]!;
    await editor.insertSnippet(age.insertText as vscode.SnippetString, age.range as vscode.Range);
    assert.match(document.getText(), /"properties": "\{\\"age\\": 0\}"/);
    const diagnostics = await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 1);
    assert.deepEqual(schemaCodes(diagnostics), ['schema/missing-field'], 'gender is still missing; age fits');
  });

  describe('inside YAML block scalars', () => {
    const BLOCK_SCHEMA = usersSchemaText(
      { name: 'AGE', type: 'int' },
      { name: 'GENDER', type: 'string', categorical: true },
      { name: 'NEWSLETTER', type: ['null', 'boolean'] },
    );
    before(() => write('schema-blocks/users.avsc', BLOCK_SCHEMA));

    const open = async (relPath: string, text: string) => {
      await write(relPath, text);
      const uri = fixtureUri(relPath);
      const document = await vscode.workspace.openTextDocument(uri);
      return { uri, document, editor: await vscode.window.showTextDocument(document) };
    };
    const itemsAt = async (uri: vscode.Uri, position: vscode.Position, kind: vscode.CompletionItemKind) =>
      (
        await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          position,
        )
      ).items
        .filter((i) => i.kind === kind)
        .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const hoverText = async (uri: vscode.Uri, position: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position))
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');

    it('locates findings on the key and value, hovers on keys and completes keys, in literal and folded blocks (CRLF)', async () => {
      const text = [
        `datasetArn: ${ARN}`,
        'users:',
        '- userId: u1',
        '  properties: |-',
        '    {"age": "old",',
        '     "gendr": "F"}',
        '- userId: u2',
        '  properties: >',
        '    {"age": 3, "gender": "M",',
        '      "newsletter": "maybe"}',
        '',
      ].join('\r\n');
      const { uri, document, editor } = await open('schema-blocks/blocks.putusers.yaml', text);
      const diagnostics = await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 4);
      assert.deepEqual(
        diagnostics
          .filter((d) => String(d.code).startsWith('schema/') && d.code !== 'schema/missing-field')
          .map((d) => `${String(d.code)} ${document.getText(d.range)}`)
          .sort(),
        ['schema/unknown-key "gendr"', 'schema/wrong-type "maybe"', 'schema/wrong-type "old"'],
      );
      assert.match(await hoverText(uri, document.positionAt(text.indexOf('"age"') + 2)), /the field `AGE`/);
      assert.match(
        await hoverText(uri, document.positionAt(text.indexOf('"gender"') + 3)),
        /the field `GENDER` of the Users dataset's schema, `string`; categorical/,
      );
      assert.match(await hoverText(uri, document.positionAt(text.indexOf('"newsletter"') + 3)), /`boolean` or `null`/);

      const fields = await itemsAt(
        uri,
        document.positionAt(text.indexOf('gendr') + 2),
        vscode.CompletionItemKind.Field,
      );
      const gender = fields.find((i) => i.label === 'gender');
      assert.ok(gender, fields.map((i) => String(i.label)).join(', '));
      await editor.insertSnippet(gender.insertText as vscode.SnippetString, gender.range as vscode.Range);
      assert.match(document.getText(), /\r\n {5}"gender": "F"\}\r\n/);
      const after = await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'schema/unknown-key'));
      assert.deepEqual(schemaCodes(after), ['schema/wrong-type', 'schema/wrong-type']);
    });

    it('completes values: true and false for a boolean, the values this file and the workspace give a categorical key', async () => {
      // Another input file of the workspace, saved in the editor (a save makes the workspace be read again).
      const other = await open(
        'schema-blocks/others.putusers.json',
        JSON.stringify({
          datasetArn: ARN,
          users: [
            { userId: 'o1', properties: '{"age": 1, "gender": "F"}' },
            { userId: 'o2', properties: '{"age": 2, "gender": "M|X"}' },
          ],
        }),
      );
      await other.editor.edit((e) => e.insert(other.document.positionAt(other.document.getText().length), '\n'));
      await saveDocument(other.document);
      const text = [
        `datasetArn: ${ARN}`,
        'users:',
        '- userId: u1',
        '  properties: |',
        '    {"age": 30,',
        '     "gender": "",',
        '     "newsletter": tru}',
        '- userId: u2',
        '  properties: >-',
        '    {"age": 41, "gender": "F",',
        '     "newsletter": false}',
        '',
      ].join('\n');
      const { uri, document, editor } = await open('schema-blocks/values.putusers.yaml', text);
      const values = await itemsAt(uri, document.positionAt(text.indexOf('""') + 1), vscode.CompletionItemKind.Value);
      // The workspace's other fixtures use the key too (blocks.putusers.yaml has "M"): F is the most used.
      const labels = values.map((i) => String(i.label));
      assert.equal(labels[0], 'F', labels.join(', '));
      for (const label of ['M|X', 'M', 'X']) assert.ok(labels.includes(label), `${label} in ${labels.join(', ')}`);
      // How many depends on which earlier edits the web workbench's auto save (one second after
      // an edit) wrote to disk before the editors were reverted: at least o1 here and u2 above.
      const used = /^string, categorical · used by (\d+) users in this workspace$/.exec(values[0]!.detail ?? '');
      assert.ok(used && Number(used[1]) >= 2, values[0]!.detail);
      const mx = values.find((i) => i.label === 'M|X')!;
      await editor.insertSnippet(mx.insertText as vscode.SnippetString, mx.range as vscode.Range);
      assert.match(document.getText(), /\n {5}"gender": "M\|X",\n/);

      const booleans = await itemsAt(
        uri,
        document.positionAt(document.getText().indexOf('tru}') + 3),
        vscode.CompletionItemKind.Value,
      );
      assert.deepEqual(
        booleans.map((i) => i.label),
        ['true', 'false'],
      );
      await editor.insertSnippet(booleans[0]!.insertText as vscode.SnippetString, booleans[0]!.range as vscode.Range);
      assert.match(document.getText(), /\n {5}"newsletter": true\}\n/);
      // Every error gone: the value typed bare (`tru`) was no JSON, and now the values fit.
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    });
  });

  it('checks YAML the same way, in a subfolder, with users.avsc from a parent', async () => {
    await write(
      'schema-check/nested/more.putusers.yaml',
      `datasetArn: ${ARN}\nusers:\n- userId: u1\n  properties: '{"age": 4.5, "gender": "F||M"}'\n`,
    );
    const uri = fixtureUri('schema-check/nested/more.putusers.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 2);
    assert.deepEqual(schemaCodes(diagnostics), ['schema/empty-category', 'schema/wrong-type']);
    assert.equal(document.getText(diagnostics.find((d) => d.code === 'schema/wrong-type')!.range), '4.5');
  });

  it('imports a users CSV into input files beside it, typed by the schema found for it', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `u${i},${20 + i},${i % 2 ? 'F' : 'M'},${i % 3 ? 'Gold' : ''}`);
    rows.splice(5, 0, 'bad,old,F,Gold'); // line 7: AGE is no int
    await write('schema-check/import/people.csv', `USER_ID,AGE,GENDER,MEMBERSHIP\n${rows.join('\n')}\n`);
    const csv = fixtureUri('schema-check/import/people.csv');
    const result = await vscode.commands.executeCommand<ImportCsvResult>('putUsers.importCsv', csv, {
      datasetArn: ARN,
    });
    assert.equal(result.usersWritten, 12);
    assert.deepEqual(
      result.files.map((f) => vscode.workspace.asRelativePath(f, false)),
      ['schema-check/import/people-0001.putusers.json', 'schema-check/import/people-0002.putusers.json'],
    );
    assert.deepEqual(result.rejected, [{ line: 7, column: 2, message: '"old" is no int (the field AGE)' }]);
    // The rejected rows: a read-only document (no Untitled-N to save), nothing in the Problems
    // panel, each row's place a link into the CSV.
    assert.ok(result.rejectedRows, 'the rejected rows have a document');
    const list = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.rejectedRows));
    assert.equal(list.uri.scheme, 'putusers-report');
    assert.equal(list.isUntitled, false);
    assert.equal(list.getText(), 'people.csv:7:2: "old" is no int (the field AGE)\n');
    await vscode.window.showTextDocument(list);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', list.uri);
    assert.deepEqual(
      links.map((l) => [list.getText(l.range), l.target?.with({ fragment: '' }).toString(), l.target?.fragment]),
      [['people.csv:7:2', csv.toString(), 'L7,2']],
    );
    assert.deepEqual(vscode.languages.getDiagnostics(list.uri), []);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled), 'no unsaved editor was opened');
    // Typed by schema-check/users.avsc (a parent's), and valid against it in the editor.
    const document = await vscode.workspace.openTextDocument(result.files[0]!);
    assert.match(document.getText(), /\\"age\\": 20, \\"gender\\": \\"M\\"\}/);
    await vscode.window.showTextDocument(document);
    await pollUntil(
      async () =>
        (await lensTitles(document.uri)).includes('$(symbol-field) schema: schema-check/users.avsc') ? true : undefined,
      10_000,
      () => 'the schema lens on the imported file',
    );
    // Checked now, and awaited: an empty list then means the file passed, not that no check ran yet.
    await vscode.commands.executeCommand('putUsers.validateFile');
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map(formatDiagnostic), []);
  });

  it('reports a schema the service would not take on its file, checks without it, and follows putUsers.datasetSchemas', async () => {
    await write('schema-check/other/broken.avsc', SCHEMA.replace('"USER_ID"', '"ID"'));
    await write(
      'schema-check/other/plain.putusers.json',
      JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties: '{"AGE": 1}' }] }),
    );
    const config = vscode.workspace.getConfiguration('putUsers');
    await config.update(
      'datasetSchemas',
      { 'schema-check/other/*.putusers.json': 'schema-check/other/broken.avsc' },
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const uri = fixtureUri('schema-check/other/plain.putusers.json');
      await vscode.window.showTextDocument(uri);
      const schemaDiagnostics = await waitForDiagnostics(
        fixtureUri('schema-check/other/broken.avsc'),
        (ds) => ds.length > 0,
      );
      assert.match(schemaDiagnostics[0]!.message, /Not a Users schema: it has no USER_ID field/);
      // Without a usable schema: the service's own key-case warning, no schema/ finding.
      const diagnostics = await waitForDiagnostics(uri, (ds) =>
        ds.some((d) => d.code === 'service/properties-key-case'),
      );
      assert.deepEqual(schemaCodes(diagnostics), []);
      await pollUntil(
        async () =>
          (await lensTitles(uri)).includes('$(warning) schema: schema-check/other/broken.avsc cannot be used')
            ? true
            : undefined,
        10_000,
        () => 'the lens naming the broken schema',
      );
      // Mended on disk, the schema is read again and the input checked against it.
      await write('schema-check/other/broken.avsc', SCHEMA);
      await waitForDiagnostics(uri, (ds) => schemaCodes(ds).includes('schema/key-not-camel-case'));
    } finally {
      await config.update('datasetSchemas', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  describe('the schema file itself', () => {
    // users.avsc with mistakes of each kind: USER_ID no string, an unknown type, categorical on an int.
    const BAD = usersSchemaText(
      { name: 'AGE', type: ['null', 'int'], categorical: true },
      { name: 'SCORE', type: 'decimal' },
    ).replace(/"name":\s*"USER_ID",\s*"type":\s*"string"/, '"name": "USER_ID", "type": "int"');
    const nonOurs = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source !== 'PutUsers');
    // Polled: the JSON service's diagnostics come from its own process, and come and go by its own pulls.
    const diagnosticsWhen = (uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean) =>
      pollUntil(
        () => {
          const ds = vscode.languages.getDiagnostics(uri);
          return predicate(ds) ? ds : undefined;
        },
        15_000,
        () => `diagnostics now: ${vscode.languages.getDiagnostics(uri).map(formatDiagnostic).join('; ')}`,
      );

    it('opens users.avsc as JSON, checks it as soon as it is open, located, with no warning of the JSON service on it', async () => {
      // A trailing comma first: the JSON service's "Trailing comma" shows that it serves the document.
      const withComma = BAD.replace('"version": "1.0"', '"version": "1.0",');
      await write('schema-alone/users.avsc', withComma);
      const uri = fixtureUri('schema-alone/users.avsc');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'json');
      await diagnosticsWhen(uri, (ds) => nonOurs(ds).some((d) => /trailing comma/i.test(d.message)));
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), BAD)));
      // The JSON service has checked the new text (its warning is gone) and ours are there: nothing else's.
      const diagnostics = await diagnosticsWhen(uri, (ds) => nonOurs(ds).length === 0 && ours(ds).length === 3);
      const covered = (message: RegExp) => {
        const d = diagnostics.find((x) => message.test(x.message));
        assert.ok(d, diagnostics.map(formatDiagnostic).join('; '));
        assert.equal(d.source, 'PutUsers');
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
        return document.getText(d.range);
      };
      assert.match(covered(/USER_ID must be of type "string"/), /^\{\s*"name": "USER_ID"/);
      assert.equal(covered(/AGE: only a string field can be "categorical"; this one is "int"/), '"categorical": true');
      assert.equal(covered(/SCORE: the service takes "string", "int"/), '"decimal"');
    });

    it('reads the older users.schema.json after users.avsc, says VS Code claims the name, and renames it with a quick fix', async () => {
      await write('schema-legacy/users.schema.json', SCHEMA);
      await write(
        'schema-legacy/old.putusers.json',
        JSON.stringify({ datasetArn: ARN, users: [{ userId: 'u1', properties: '{"AGE": 1}' }] }),
      );
      const input = fixtureUri('schema-legacy/old.putusers.json');
      const legacy = fixtureUri('schema-legacy/users.schema.json');
      await vscode.window.showTextDocument(input);
      await waitForDiagnostics(input, (ds) => schemaCodes(ds).includes('schema/key-not-camel-case'));
      assert.ok((await lensTitles(input)).includes('$(symbol-field) schema: schema-legacy/users.schema.json'));
      // On the schema: no problem with it, only the hint to rename it.
      const [hint] = await waitForDiagnostics(legacy, (ds) => ours(ds).length === 1);
      assert.equal(hint!.code, 'schema/legacy-file-name');
      assert.equal(hint!.severity, vscode.DiagnosticSeverity.Information);
      assert.match(
        hint!.message,
        /VS Code checks every \*\.schema\.json file as a JSON Schema.*rename it to users\.avsc/,
      );
      // What the hint is about: opened, the JSON service checks it against JSON Schema's meta-schema.
      const document = await vscode.workspace.openTextDocument(legacy);
      await vscode.window.showTextDocument(document);
      await diagnosticsWhen(legacy, (ds) => nonOurs(ds).some((d) => /Value is not accepted/.test(d.message)));

      const fix = await codeActionTitled(legacy, hint!.range, /^Rename to users\.avsc$/);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await pollUntil(
        async () =>
          (await lensTitles(input)).includes('$(symbol-field) schema: schema-legacy/users.avsc') ? true : undefined,
        10_000,
        () => 'the lens naming the renamed schema',
      );
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(legacy)));
      // Both names in one folder: users.avsc is the one read.
      await write('schema-legacy/users.schema.json', SCHEMA.replace('"AGE"', '"OTHER"'));
      await vscode.commands.executeCommand('putUsers.validateFile');
      assert.ok((await lensTitles(input)).includes('$(symbol-field) schema: schema-legacy/users.avsc'));
      assert.ok(schemaCodes(vscode.languages.getDiagnostics(input)).includes('schema/key-not-camel-case'));
    });
  });
});
