/** Summary statistics of a list of durations (pure; used by reports and the live monitor). */

/**
 * The p-th percentile (0 < p ≤ 100) of `sorted` (ascending) by the nearest-rank method: the smallest value with at
 * least p % of the values at or below it. Always one of the measured values, so a median of whole minutes stays whole.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** The median by the usual definition: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds to one decimal (minutes shown as 12.3). */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Count, average, median and 90th percentile of durations in milliseconds, reported in minutes (one decimal). */
export function durationStats(ms: readonly number[]): { count: number; avg: number | null; median: number | null; p90: number | null; totalSeconds: number } {
  if (ms.length === 0) return { count: 0, avg: null, median: null, p90: null, totalSeconds: 0 };
  const sorted = [...ms].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const min = (x: number | null) => (x === null ? null : round1(x / 60_000));
  return { count: sorted.length, avg: min(sum / sorted.length), median: min(median(sorted)), p90: min(percentile(sorted, 90)), totalSeconds: Math.round(sum / 1000) };
}

/** `part` as a percentage of `whole`, one decimal; null when `whole` is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : round1((part / whole) * 100);
}
