/** Vietnam's time zone: the office's until its settings say otherwise. */
export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** Wall-clock parts of an instant in a time zone (weekday 0 = Sunday). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** A working session in local wall-clock time, "HH:MM" 24 h, end exclusive. */
export interface Session {
  start: string;
  end: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of `date` in `timeZone`, read from the Intl formatter (slow: tens of microseconds). */
function formattedParts(date: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  };
}

/** Offsets are read once per quarter hour of UTC: every transition of today's time zones falls on one. */
const OFFSET_SPAN_MS = 15 * 60_000;
const offsets = new Map<string, { span: number; offsetMs: number }>();

/** The zone's offset from UTC (ms) at the start of `ms`'s quarter hour, cached for that quarter hour. */
function offsetAt(ms: number, timeZone: string): number {
  const span = Math.floor(ms / OFFSET_SPAN_MS);
  const cached = offsets.get(timeZone);
  if (cached?.span === span) return cached.offsetMs;
  const start = span * OFFSET_SPAN_MS;
  const p = formattedParts(new Date(start), timeZone);
  const offsetMs = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
  offsets.set(timeZone, { span, offsetMs });
  return offsetMs;
}

/**
 * Wall-clock parts of `date` in `timeZone` (an IANA name such as Asia/Ho_Chi_Minh): UTC arithmetic on the zone's
 * offset, which the Intl formatter gives once per quarter hour (the issue path formats several dates per ticket).
 */
export function localParts(date: Date, timeZone: string): LocalParts {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return formattedParts(date, timeZone);
  const local = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** Minutes after midnight of a "HH:MM" string. */
export function minutesOfDay(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The office's business day ("YYYY-MM-DD") that `date` belongs to. Numbering restarts at `resetTime`
 * local time, so an instant before the reset time belongs to the previous calendar day.
 */
export function businessDay(date: Date, timeZone: string, resetTime = '00:00'): string {
  const p = localParts(date, timeZone);
  let y = p.year;
  let m = p.month;
  let d = p.day;
  if (p.hour * 60 + p.minute < minutesOfDay(resetTime)) {
    const prev = new Date(Date.UTC(y, m - 1, d - 1));
    y = prev.getUTCFullYear();
    m = prev.getUTCMonth() + 1;
    d = prev.getUTCDate();
  }
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** True when `date` falls on one of `workingDays` (0 = Sunday) inside one of `sessions`, local time. */
export function isWithinSessions(date: Date, timeZone: string, workingDays: readonly number[], sessions: readonly Session[]): boolean {
  const p = localParts(date, timeZone);
  if (!workingDays.includes(p.weekday)) return false;
  const minute = p.hour * 60 + p.minute;
  return sessions.some((s) => minute >= minutesOfDay(s.start) && minute < minutesOfDay(s.end));
}

/** "dd/mm/yyyy" in the office time zone. */
export function formatDate(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "hh:mm" (24 h) in the office time zone. */
export function formatTime(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "dd/mm/yyyy hh:mm" in the office time zone, as printed on tickets. */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatDate(date, timeZone)} ${formatTime(date, timeZone)}`;
}

/** Vietnamese weekday name of `date` in the office time zone ("Thứ Hai" … "Chủ nhật"). */
export function weekdayVi(date: Date, timeZone: string): string {
  const w = localParts(date, timeZone).weekday;
  return w === 0 ? 'Chủ nhật' : `Thứ ${['', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'][w]}`;
}
