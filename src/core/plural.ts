// "1 user", "3 users", "1,000 users": counts in messages, reports and logs.

export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** A count as people read it: 1,000 and 20,000 (grouped the same whatever the machine's locale). */
export function count(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}
