// Wall-clock timing helpers: warm up, then time `runs` calls. When node runs with --expose-gc,
// the heap is collected before each timed call (outside the timing), so one contender's garbage
// is not charged to the other: the figures are steadier and fair to both.
import { performance } from 'node:perf_hooks';

export async function timeIt(fn, runs) {
  for (let i = 0; i < 3; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
