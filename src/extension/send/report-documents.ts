// "Show Report": a send's report as a read-only document of our own scheme (an untitled editor
// would ask to be saved on close), in which each `users[N]` links to that user in the file sent.
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'putusers-report';

/** Where a user of a send starts: its file (a folder's users come from several) and line. */
export interface UserPlace {
  uri: vscode.Uri;
  line: number;
}

export interface ReportDocuments {
  /** Opens the report of a send of `source` (a file or a folder); `places[i]` is where users[i] starts. */
  show(
    source: vscode.Uri,
    lines: readonly string[],
    places: readonly (UserPlace | undefined)[],
  ): Thenable<vscode.TextEditor>;
}

interface Report {
  text: string;
  places: readonly (UserPlace | undefined)[];
}

export function registerReportDocuments(subscriptions: vscode.Disposable[]): ReportDocuments {
  const reports = new Map<string, Report>();
  let shown = 0;
  subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      provideTextDocumentContent: (uri) =>
        reports.get(uri.toString())?.text ?? 'This report is gone (reports last until the window closes).\n',
    }),
    vscode.languages.registerDocumentLinkProvider({ scheme: REPORT_SCHEME }, { provideDocumentLinks }),
    // A closed report is not needed again: its text goes with it.
    vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === REPORT_SCHEME && reports.delete(d.uri.toString())),
  );

  function provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const report = reports.get(document.uri.toString());
    if (!report) return [];
    const links: vscode.DocumentLink[] = [];
    for (const m of document.getText().matchAll(/users\[(\d+)(?:\.\.\d+)?\]/g)) {
      const place = report.places[Number(m[1])];
      if (place === undefined) continue;
      const range = new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length));
      const link = new vscode.DocumentLink(range, place.uri.with({ fragment: `L${place.line + 1}` }));
      link.tooltip = `Go to users[${m[1]}] in ${vscode.workspace.asRelativePath(place.uri)}`;
      links.push(link);
    }
    return links;
  }

  return {
    async show(source, lines, places) {
      const name = source.path.split('/').pop() ?? 'file';
      const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name} — send ${++shown}.log` });
      reports.set(uri.toString(), { text: lines.join('\n') + '\n', places });
      const document = await vscode.workspace.openTextDocument(uri);
      return vscode.window.showTextDocument(document, { preview: true });
    },
  };
}
