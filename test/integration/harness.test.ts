// Proves the harness: a real VS Code is running, its built-in JSON language service works and
// the test can wait for diagnostics through the vscode API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, formatDiagnostic, openFixture, waitForDiagnostics } from './helpers';

describe('integration harness', () => {
  after(closeAllEditors);

  it('runs inside VS Code', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    assert.ok(vscode.version.length > 0, 'vscode.version is empty');
  });

  it('reports the built-in JSON diagnostic for a trailing comma', async () => {
    const doc = await openFixture('harness/trailing-comma.json');
    assert.strictEqual(doc.languageId, 'json');
    const isTrailingComma = (d: vscode.Diagnostic) => /trailing comma/i.test(d.message);
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some(isTrailingComma), 20_000);
    const d = diagnostics.find(isTrailingComma)!;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, formatDiagnostic(d));
    assert.strictEqual(d.range.start.line, 2, formatDiagnostic(d)); // the comma after "comma"
  });
});
