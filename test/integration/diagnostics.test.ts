// Diagnostics in the real editor: the core's findings located on JSON and YAML inputs, as you
// type, inputs told by content, the byte-order mark VS Code hides, and large files checked on demand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { validate } from '../../src/core';
import { closeAllEditors, fixtureUri, openFixture, openUntitled, saveDocument, waitForDiagnostics } from './helpers';
import { ARN, pollUntil, rangeText } from '../support/values';
import { ours, waitForOurs } from './putusers-helpers';

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

  /** Opens a new file of the workspace written with a UTF-8 byte-order mark before `text`. */
  const writeWithMark = async (name: string, text: string) => {
    const uri = fixtureUri(`bom/${name}`);
    const mark = new Uint8Array([0xef, 0xbb, 0xbf]);
    await vscode.workspace.fs.writeFile(uri, new Uint8Array([...mark, ...new TextEncoder().encode(text)]));
    return vscode.workspace.openTextDocument(uri);
  };

  it('refuses a JSON file with the byte-order mark VS Code hides, as the AWS CLI does, in its checks and on Send', async () => {
    const body = `{\n  "datasetArn": "${ARN}",\n  "users": [{"userId": "u1"}]\n}\n`;
    const json = await writeWithMark('with-bom.putusers.json', body);
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
  });

  it('reads a YAML file with a byte-order mark, as the AWS CLI does', async () => {
    // YAML: ruamel skips a leading mark, and so do we (the one finding is the number, not the mark).
    const yaml = await writeWithMark('with-bom.putusers.yaml', `datasetArn: ${ARN}\nusers:\n- userId: 7\n`);
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
      await saveDocument(doc);
    } finally {
      await config.update('maxFileSizeForLiveChecks', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
