import type { Session } from '@shared/office-time';

/** "07:00–11:30, 13:30–17:00". */
export function formatSessions(sessions: readonly Session[]): string {
  return sessions.map((s) => `${s.start}–${s.end}`).join(', ');
}

/**
 * Working days as runs of consecutive days, week starting Monday: [1,2,3,4,5] → [[1,5]], [1,2,3,4,5,6] → [[1,6]],
 * [1,3] → [[1,1],[3,3]]. Days are 0 = Sunday … 6 = Saturday.
 */
export function dayRuns(days: readonly number[]): Array<[number, number]> {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const runs: Array<[number, number]> = [];
  let start: number | null = null;
  let prev: number | null = null;
  for (const d of order) {
    if (days.includes(d)) {
      if (start === null) start = d;
      prev = d;
    } else if (start !== null && prev !== null) {
      runs.push([start, prev]);
      start = null;
    }
  }
  if (start !== null && prev !== null) runs.push([start, prev]);
  return runs;
}

/** "Thứ Hai – Thứ Sáu" from day names indexed 0 = Sunday. */
export function formatWorkingDays(days: readonly number[], dayName: (d: number) => string): string {
  return dayRuns(days)
    .map(([a, b]) => (a === b ? dayName(a) : `${dayName(a)} – ${dayName(b)}`))
    .join(', ');
}
