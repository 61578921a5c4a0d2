// Folding of an input: each top-level member, the users list, each user and each of its members
// (core/outline.ts, from the analysis of the current version). YAML needs it most: indentation
// folding cannot fold `users:` when its items start at the key's column (`users:` / `- userId: u1`),
// the style the AWS CLI prints.
import * as vscode from 'vscode';
import type { Analyses } from './analysis/analyses';
import { type InputDocuments, isPutUsersDocument } from './documents';

export const foldingProvider = (documents: InputDocuments, analyses: Analyses): vscode.FoldingRangeProvider => ({
  async provideFoldingRanges(document) {
    // Undefined, not []: VS Code then folds other documents by indentation as before.
    if (!isPutUsersDocument(document) || documents.tooLargeForLiveChecks(document)) return undefined;
    const { folds, symbols } = (await analyses.of(document)).analysis;
    if (symbols.length === 0 && folds.length === 0) return undefined;
    return folds.map((f) => new vscode.FoldingRange(f.start, f.end));
  },
});
