// The manifest (package.json) and the code name the same commands and context keys: one table,
// src/extension/command-ids.ts, checked both ways here (in plain Node: that module needs no VS Code).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND, CONTEXT_KEY } from '../../../src/extension/command-ids';

interface WalkthroughStep {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs: { id: string; steps: WalkthroughStep[] }[];
  };
}
const root = path.join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const menuItems = Object.values(manifest.contributes.menus).flat();
const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
const OURS = /\bputUsers\.[A-Za-z]+/g;

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
  it('when clauses and walkthrough steps read the context keys the code sets, and only those', () => {
    const read = new Set([
      ...menuItems.flatMap((m) => m.when?.match(OURS) ?? []),
      ...steps.flatMap((s) =>
        s.completionEvents.filter((e) => e.startsWith('onContext:')).flatMap((e) => e.match(OURS) ?? []),
      ),
    ]);
    assert.deepEqual([...read].sort(), Object.values(CONTEXT_KEY).sort());
  });
  it('walkthrough steps are ticked by what was done, not by a command that started (and may fail or be cancelled)', () => {
    assert.deepEqual(
      steps.flatMap((s) => s.completionEvents.filter((e) => !e.startsWith('onContext:')).map((e) => `${s.id}: ${e}`)),
      [],
    );
  });
  it('walkthrough steps run declared commands, and their media exist and ship in the .vsix', () => {
    const declared = new Set<string>(Object.values(COMMAND));
    const shipped = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    for (const step of steps) {
      const commands = [
        ...[...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!),
        ...step.completionEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
      ];
      assert.ok(commands.length > 0, `${step.id} has a command to run`);
      assert.deepEqual(
        commands.filter((c) => c.startsWith('putUsers.') && !declared.has(c)),
        [],
        step.id,
      );
      const media = step.media.markdown ?? step.media.image!;
      assert.ok(readFileSync(path.join(root, media), 'utf8').length > 0, media);
      assert.ok(shipped.includes(`!${media.split('/')[0]}/**`), `${media} is in the .vsix`);
    }
  });
});
