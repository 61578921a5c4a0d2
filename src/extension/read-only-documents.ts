// What the user reads and does not edit (a send's report, an import's rejected rows) as read-only
// documents of our own scheme: no unsaved Untitled-N that asks to be saved on close, and nothing
// in the Problems panel (no language service checks them). Their references are links: in a
// report, `users[N]` goes to that user in the file sent; in a list of rejected rows,
// `FILE.csv:LINE:COLUMN` to that place in the CSV.
import * as vscode from 'vscode';

export const READ_ONLY_SCHEME = 'putusers-report';

/** A place in a file: where a user of a send starts, or a rejected row's cell. */
export interface UserPlace {
  uri: vscode.Uri;
  /** 0-based. */
  line: number;
  /** 0-based; the line's start when absent. */
  character?: number;
}

/** How a document's references become links: each match of `pattern` (global) that has a place. */
export interface LinkRule {
  pattern: RegExp;
  place(match: RegExpMatchArray): UserPlace | undefined;
  /** Plain words: VS Code shows a link's tooltip as Markdown link text, which eats brackets. */
  tooltip(match: RegExpMatchArray, place: UserPlace): string;
}

export interface ReadOnlyDocuments {
  /** A new document of `lines`, named `title` and a number, not shown yet. */
  add(title: string, lines: readonly string[], links?: readonly LinkRule[]): vscode.Uri;
  show(uri: vscode.Uri): Thenable<vscode.TextEditor>;
}

interface Entry {
  text: string;
  links: readonly LinkRule[];
}

/** Documents kept (for a later Show Report) while not open; the oldest go first. */
const KEPT = 50;

export function registerReadOnlyDocuments(subscriptions: vscode.Disposable[]): ReadOnlyDocuments {
  const entries = new Map<string, Entry>();
  let made = 0;
  subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, {
      provideTextDocumentContent: (uri) =>
        entries.get(uri.toString())?.text ?? 'This report is gone (reports last until the window closes).\n',
    }),
    vscode.languages.registerDocumentLinkProvider({ scheme: READ_ONLY_SCHEME }, { provideDocumentLinks }),
    // A closed document is not needed again: its text goes with it.
    vscode.workspace.onDidCloseTextDocument(
      (d) => d.uri.scheme === READ_ONLY_SCHEME && entries.delete(d.uri.toString()),
    ),
  );

  function provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const entry = entries.get(document.uri.toString());
    if (!entry) return [];
    const text = document.getText();
    return entry.links.flatMap((rule) =>
      [...text.matchAll(rule.pattern)].flatMap((m) => {
        const place = rule.place(m);
        if (!place) return [];
        const range = new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length));
        const at = `L${place.line + 1}${place.character === undefined ? '' : `,${place.character + 1}`}`;
        const link = new vscode.DocumentLink(range, place.uri.with({ fragment: at }));
        link.tooltip = rule.tooltip(m, place);
        return [link];
      }),
    );
  }

  /** Forgets the oldest documents not open, beyond KEPT. */
  function prune(): void {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of entries.keys()) {
      if (entries.size <= KEPT) return;
      if (!open.has(key)) entries.delete(key);
    }
  }

  return {
    add(title, lines, links = []) {
      const uri = vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: `/${title} ${++made}.log` });
      entries.set(uri.toString(), { text: lines.join('\n') + '\n', links });
      prune();
      return uri;
    },
    async show(uri) {
      return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    },
  };
}
