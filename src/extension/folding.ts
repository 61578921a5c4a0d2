// Folding of an input: each top-level member, the users list, each user and each of its members,
// from the cached parse. YAML needs it most: indentation folding cannot fold `users:` when its
// items start at the key's column (`users:` / `- userId: u1`), the style the AWS CLI prints.
// Bounded by the users, however the file nests or aliases (an alias's node lies elsewhere).
import * as vscode from 'vscode';
import type { Entry, Node } from '../core';
import { type InputDocuments, isPutUsersDocument } from './documents';

/** VS Code folds at most this many regions (editor.foldingMaximumRegions' default): no use computing more. */
const MAX_RANGES = 5000;

export const foldingProvider = (documents: InputDocuments): vscode.FoldingRangeProvider => ({
  provideFoldingRanges(document) {
    // Undefined, not []: VS Code then folds other documents by indentation as before.
    if (!isPutUsersDocument(document)) return undefined;
    const root = documents.liveParse(document)?.root;
    if (root?.type !== 'dict') return undefined;
    const text = document.getText();
    const ranges: vscode.FoldingRange[] = [];
    const fold = (start: number, end: number) => {
      while (end > start && /\s/.test(text[end - 1]!)) end--; // a YAML node ends after its line break
      const first = document.positionAt(start).line;
      let last = document.positionAt(end).line;
      // A closing bracket alone on its line stays in sight, as VS Code's JSON folding leaves it.
      if (/^\s*[\]}]$/.test(text.slice(document.offsetAt(new vscode.Position(last, 0)), end))) last--;
      if (last > first) ranges.push(new vscode.FoldingRange(first, last));
    };
    const foldEntry = ({ key, value }: Entry) => fold(key.start, value.end);
    const within = (node: Node, outer: Node) => node.start >= outer.start && node.end <= outer.end;
    for (const entry of root.entries) {
      foldEntry(entry);
      if (entry.value.type !== 'list' || !within(entry.value, root)) continue;
      for (const user of entry.value.items) {
        if (ranges.length >= MAX_RANGES) break;
        if (!within(user, entry.value)) continue;
        fold(user.start, user.end);
        if (user.type === 'dict') user.entries.filter((e) => within(e.value, user)).forEach(foldEntry);
      }
    }
    return ranges;
  },
});
