// The outline and breadcrumbs of an input: datasetArn, and users named by their userId (the
// index beside it), each with its properties' keys (core/outline.ts, from the analysis of the
// current version), in JSON and YAML alike.
import * as vscode from 'vscode';
import type { OutlineSymbol } from '../core';
import type { Analyses } from './analysis/analyses';
import { type InputDocuments, isPutUsersDocument } from './documents';
import { toRange } from './ranges';

const KIND: Record<OutlineSymbol['kind'], vscode.SymbolKind> = {
  array: vscode.SymbolKind.Array,
  property: vscode.SymbolKind.Property,
  object: vscode.SymbolKind.Object,
  field: vscode.SymbolKind.Field,
};

export const symbolProvider = (documents: InputDocuments, analyses: Analyses): vscode.DocumentSymbolProvider => ({
  async provideDocumentSymbols(document) {
    if (!isPutUsersDocument(document) || documents.tooLargeForLiveChecks(document)) return [];
    return (await analyses.of(document)).analysis.symbols.map(toSymbol);
  },
});

function toSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, KIND[s.kind], toRange(s.range), toRange(s.selectionRange));
  symbol.children = s.children.map(toSymbol);
  return symbol;
}
