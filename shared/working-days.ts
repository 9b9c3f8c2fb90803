/**
 * Working-day calendar and appointment dates (ngày hẹn trả, domain.md §4). Pure: no clock, no storage.
 * Rules: Bộ luật Lao động 2019 Điều 112 (holidays), Nghị định 23/2015 Điều 7 (15:00 cut-off for same-day work),
 * Nghị định 118/2025/NĐ-CP (clock starts at receipt of a complete dossier; a supplement request pauses it).
 */
import { hungKingsDate, tetDate } from './lunar-calendar';
import { localParts, minutesOfDay, type Session } from './office-time';

/** How a processing time is counted (mirrors TimeKind of the procedure schema). */
export type LimitKind = 'working_days' | 'calendar_days' | 'hours' | 'same_day';

/** A machine-readable processing time. */
export interface TimeLimit {
  kind: LimitKind;
  /** Days or hours; ignored for same_day; null or 0 working days counts as same day. */
  value: number | null;
  /** Same-day work received at or after the cut-off is due the next working day. */
  cutoff15h: boolean;
}

/** A day the office calendar marks differently from the default (compensatory day off, make-up working Saturday …). */
export interface CalendarOverride {
  /** "YYYY-MM-DD" local date. */
  date: string;
  working: boolean;
  name: string;
}

/** Everything the calculator needs to know about an office's working time. */
export interface WorkCalendar {
  timeZone: string;
  /** Working sessions each working day; their total is one working day (8 h with the default 07:00–11:30, 13:30–17:00). */
  sessions: readonly Session[];
  /** Weekly working days for deadlines, 0 = Sunday (Monday–Friday for state agencies). */
  weekdays: readonly number[];
  /** Admin overrides by date; they win over the weekly pattern and the generated holidays. */
  overrides: ReadonlyMap<string, CalendarOverride>;
  /** Local "HH:MM" after which same-day work moves to the next working day. */
  cutoff: string;
}

/** A public holiday (or compensatory day) generated for a year. */
export interface Holiday {
  date: string;
  name: string;
}

/** Default weekly working days of a state agency: Monday to Friday. */
export const STATE_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
/** The 15:00 cut-off of Nghị định 23/2015/NĐ-CP Điều 7. */
export const SAME_DAY_CUTOFF = '15:00';
/** Furthest the calculator walks looking for working time before giving up (guards an all-holiday calendar). */
const MAX_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD" of y/m/d, normalising overflowing days and months. */
export function isoDate(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** `date` ("YYYY-MM-DD") plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDate(y, m, d + n);
}

/** Weekday (0 = Sunday) of a "YYYY-MM-DD" date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const holidayCache = new Map<number, Holiday[]>();

/**
 * Generated public holidays of a year (Bộ luật Lao động 2019 Điều 112): 1/1; Tết (the eve and mùng 1–4 — the
 * Government fixes the exact days yearly, so admins adjust with overrides); Giỗ Tổ 10/3 lunar; 30/4; 1/5; 2/9 plus
 * an adjacent day (1/9 when 2/9 is a Tuesday, else 3/9); and, when a holiday falls on Saturday or Sunday,
 * a compensatory day on the next working weekday.
 */
export function publicHolidays(year: number): Holiday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const tet = tetDate(year);
  const list: Holiday[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch' },
    { date: addDays(tet, -1), name: 'Tết Nguyên đán (giao thừa)' },
    ...[0, 1, 2, 3].map((i) => ({ date: addDays(tet, i), name: `Tết Nguyên đán (mùng ${i + 1})` })),
    { date: hungKingsDate(year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế lao động (1/5)' },
    { date: `${year}-09-02`, name: 'Quốc khánh (2/9)' },
  ];
  const adjacent = weekdayOf(`${year}-09-02`) === 2 ? `${year}-09-01` : `${year}-09-03`;
  list.push({ date: adjacent, name: 'Quốc khánh (ngày liền kề)' });
  const taken = new Set(list.map((h) => h.date));
  for (const h of [...list]) {
    const wd = weekdayOf(h.date);
    if (wd !== 0 && wd !== 6) continue;
    let d = addDays(h.date, 1);
    while (taken.has(d) || weekdayOf(d) === 0 || weekdayOf(d) === 6) d = addDays(d, 1);
    taken.add(d);
    list.push({ date: d, name: `Nghỉ bù ${h.name}` });
  }
  list.sort((a, b) => a.date.localeCompare(b.date));
  holidayCache.set(year, list);
  return list;
}

/** True when the office works on `date` ("YYYY-MM-DD"): override, else not a holiday and a weekly working day. */
export function isWorkingDate(cal: WorkCalendar, date: string): boolean {
  const o = cal.overrides.get(date);
  if (o) return o.working;
  if (publicHolidays(Number(date.slice(0, 4))).some((h) => h.date === date)) return false;
  return cal.weekdays.includes(weekdayOf(date));
}

/** The instant of a local wall-clock time in `timeZone` (handles any fixed or DST offset). */
export function zonedInstant(date: string, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wall - seen;
  }
  return guess;
}

function localDate(at: number, timeZone: string): { date: string; minute: number } {
  const p = localParts(new Date(at), timeZone);
  return { date: isoDate(p.year, p.month, p.day), minute: p.hour * 60 + p.minute + p.second / 60 };
}

interface Interval {
  start: number;
  end: number;
}

/** Working intervals (instants) of one local date, in order; empty on a day off. */
function intervalsOf(cal: WorkCalendar, date: string): Interval[] {
  if (!isWorkingDate(cal, date)) return [];
  return cal.sessions
    .map((s) => ({ start: zonedInstant(date, minutesOfDay(s.start), cal.timeZone), end: zonedInstant(date, minutesOfDay(s.end), cal.timeZone) }))
    .sort((a, b) => a.start - b.start);
}

/** Minutes of one working day (the sum of the sessions). */
export function workingDayMinutes(cal: WorkCalendar): number {
  return cal.sessions.reduce((sum, s) => sum + minutesOfDay(s.end) - minutesOfDay(s.start), 0);
}

/** Walks working intervals from the local date of `from`, calling `visit` until it returns a result. */
function walk<T>(cal: WorkCalendar, from: number, visit: (iv: Interval) => T | undefined): T {
  let date = localDate(from, cal.timeZone).date;
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    for (const iv of intervalsOf(cal, date)) {
      if (iv.end <= from) continue;
      const r = visit({ start: Math.max(iv.start, from), end: iv.end });
      if (r !== undefined) return r;
    }
  }
  throw new RangeError('No working time in the calendar within three years');
}

/** First working instant at or after `at` (receipt after closing counts from the next opening). */
export function nextWorkingInstant(cal: WorkCalendar, at: number): number {
  return walk(cal, at, (iv) => iv.start);
}

/** `at` plus `minutes` of working time; a result on a session's end stays there (due at 17:00, not next morning). */
export function addWorkingMinutes(cal: WorkCalendar, at: number, minutes: number): number {
  let left = minutes;
  if (left <= 0) return nextWorkingInstant(cal, at);
  return walk(cal, at, (iv) => {
    const len = (iv.end - iv.start) / 60_000;
    if (left <= len) return iv.start + left * 60_000;
    left -= len;
    return undefined;
  });
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(cal: WorkCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let sum = 0;
  return walk(cal, from, (iv) => {
    if (iv.start >= to) return sum;
    sum += (Math.min(iv.end, to) - iv.start) / 60_000;
    return iv.end >= to ? sum : undefined;
  });
}

/** End of the working day holding instant `at` (or of the next working day when `at` is after it). */
function endOfWorkingDay(cal: WorkCalendar, at: number): number {
  const first = nextWorkingInstant(cal, at);
  const ivs = intervalsOf(cal, localDate(first, cal.timeZone).date);
  return (ivs[ivs.length - 1] as Interval).end;
}

/** Moves an instant on a day off to the same wall time on the next working day. */
function offNonWorkingDay(cal: WorkCalendar, at: number): number {
  const { date, minute } = localDate(at, cal.timeZone);
  let d = date;
  for (let i = 0; i < MAX_DAYS && !isWorkingDate(cal, d); i++) d = addDays(d, 1);
  return d === date ? at : zonedInstant(d, minute, cal.timeZone);
}

/**
 * Appointment date of a dossier received at `receivedAt` (epoch ms) with processing time `limit`:
 * - working days / hours: working time added from the first working instant at or after receipt;
 * - same day (or 0 working days): end of the receipt's working day; with the cut-off, receipt at or after 15:00
 *   (or outside working days) moves to the end of the next working day;
 * - calendar days: add days to the receipt, then move off a day off.
 */
export function dueDate(cal: WorkCalendar, receivedAt: number, limit: TimeLimit): number {
  const value = limit.value ?? 0;
  if (limit.kind === 'same_day' || (limit.kind === 'working_days' && value === 0)) {
    const { date, minute } = localDate(receivedAt, cal.timeZone);
    const lateToday = limit.cutoff15h && isWorkingDate(cal, date) && minute >= minutesOfDay(cal.cutoff);
    return endOfWorkingDay(cal, lateToday ? zonedInstant(addDays(date, 1), 0, cal.timeZone) : receivedAt);
  }
  if (limit.kind === 'calendar_days') {
    const start = nextWorkingInstant(cal, receivedAt);
    return offNonWorkingDay(cal, start + Math.round(value * DAY_MS));
  }
  const minutes = limit.kind === 'hours' ? value * 60 : value * workingDayMinutes(cal);
  return addWorkingMinutes(cal, receivedAt, Math.round(minutes));
}

/**
 * New appointment date after a supplement pause (the clock stops while the citizen completes the dossier):
 * the old due date plus the working time of the pause, snapped to working time. Calendar-day limits add the
 * pause's calendar length instead.
 */
export function dueAfterPause(cal: WorkCalendar, oldDue: number, pausedAt: number, resumedAt: number, kind: LimitKind): number {
  if (kind === 'calendar_days') return offNonWorkingDay(cal, oldDue + Math.max(0, resumedAt - pausedAt));
  return addWorkingMinutes(cal, oldDue, workingMinutesBetween(cal, pausedAt, resumedAt));
}

/** A calendar with the given sessions and overrides, Monday–Friday and the 15:00 cut-off. */
export function workCalendar(timeZone: string, sessions: readonly Session[], overrides: readonly CalendarOverride[] = []): WorkCalendar {
  return { timeZone, sessions, weekdays: STATE_WEEKDAYS, overrides: new Map(overrides.map((o) => [o.date, o])), cutoff: SAME_DAY_CUTOFF };
}
