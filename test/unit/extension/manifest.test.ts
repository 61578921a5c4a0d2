// The manifest (package.json) and the code name the same commands and context keys: one table,
// src/extension/command-ids.ts, checked both ways here (in plain Node: that module needs no VS Code).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND, CONTEXT_KEY } from '../../../src/extension/command-ids';

interface Manifest {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string; when?: string }[]> };
}
const manifest = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'),
) as Manifest;
const menuItems = Object.values(manifest.contributes.menus).flat();

describe('the manifest and the code', () => {
  it('declare the same commands', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(COMMAND).sort());
  });
  it('menus name declared commands only', () => {
    const declared = new Set<string>(Object.values(COMMAND));
    assert.deepEqual(
      menuItems.filter((m) => !declared.has(m.command)),
      [],
    );
  });
  it('when clauses read the context keys the code sets, and only those', () => {
    const read = new Set(menuItems.flatMap((m) => m.when?.match(/\bputUsers\.[A-Za-z]+/g) ?? []));
    assert.deepEqual([...read].sort(), Object.values(CONTEXT_KEY).sort());
  });
});
