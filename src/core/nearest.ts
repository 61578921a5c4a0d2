// The name a near-miss means: the same once case and separators are ignored, else the closest
// by edit distance when it is close enough to be a typo (at most a third of the name, and 3).

const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

/** The same name once case and separators are ignored (`userID` ~ `userId`, `AGE` ~ `age`, `videos_watched` ~ `videosWatched`). */
export const sameName = (a: string, b: string) => squash(a) === squash(b);

export function nearestName(candidates: readonly string[], name: string): string | undefined {
  const wanted = squash(name);
  const same = candidates.find((c) => sameName(c, name));
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.floor(wanted.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(squash(c), wanted, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance, or `limit` as soon as it cannot be less. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (rowMin >= limit) return limit;
    previous = row;
  }
  return Math.min(previous[b.length]!, limit);
}
