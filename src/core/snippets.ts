// Snippets in VS Code's syntax (`$1`, `${1:default}`, `\$` for a dollar): what the core's
// completions and skeletons are written in, and how tests see the text they insert.

/** Text as a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The text a snippet inserts when every placeholder keeps its default (what tests apply). */
export function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1]!)) out += snippet[++i];
    else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) while (/\d/.test(snippet[i + 1] ?? '')) i++;
    else if (c === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      const body = snippet.slice(i + 2, close);
      // `${1:default}` gives its default; `${1|first,second|}` its first choice.
      const placeholder = /^\d+(?::(.*)|\|([^,|]*)[,|].*)?$/s.exec(body);
      out += placeholder?.[1] ?? placeholder?.[2] ?? '';
      i = close;
    } else out += c;
  }
  return out;
}
