// "1 user", "3 users": counts in messages, reports and logs.

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
