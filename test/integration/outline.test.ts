// The outline (users by userId, their properties keys) and folding, in JSON and YAML.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, openUntitled } from './helpers';
import { ARN, pollUntil } from '../support/values';

describe('PutUsers outline and folding', () => {
  afterEach(closeAllEditors);

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
});

/** The numbers from `first` to `last`, both included. */
function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
