// How the service names a dataset field's key in `properties`: the field's name in camelCase.
// Its own module: the schema reader, the service rules and the CSV import all derive keys from
// names, and the rules depend on the schema reader.
/** `NUMBER_OF_VIDEOS_WATCHED` → `numberOfVideosWatched`, `Age` → `age`. */
export function camelCase(key: string): string {
  const words = key.split(/[_\-\s]+/).filter(Boolean);
  if (words.length === 0) return key;
  const allUpper = key === key.toUpperCase();
  return words
    .map((w, i) => {
      const word = allUpper || words.length > 1 ? w.toLowerCase() : w;
      return i === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1);
    })
    .join('');
}
