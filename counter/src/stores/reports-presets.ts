import { businessDay } from '@shared/office-time';
import { addDays } from '@shared/schemas/report';

/** Quick periods of the report screen. */
export const REPORT_PRESETS = ['today', 'thisWeek', 'thisMonth', 'lastMonth'] as const;
/** One quick period. */
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/** A period of business days, both inclusive ("YYYY-MM-DD"). */
export interface DayRange {
  from: string;
  to: string;
}

/** The days of a quick period at `now` in the office time zone; weeks start on Monday (Thứ Hai). */
export function presetRange(preset: ReportPreset, now: Date, timeZone: string): DayRange {
  const today = businessDay(now, timeZone);
  if (preset === 'today') return { from: today, to: today };
  if (preset === 'thisWeek') {
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    return { from: addDays(today, -((weekday + 6) % 7)), to: today };
  }
  const firstOfMonth = `${today.slice(0, 8)}01`;
  if (preset === 'thisMonth') return { from: firstOfMonth, to: today };
  const lastOfPrevious = addDays(firstOfMonth, -1);
  return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
}

/** The quick period that `range` is exactly, if any (to highlight its button). */
export function presetOf(range: DayRange, now: Date, timeZone: string): ReportPreset | null {
  return REPORT_PRESETS.find((p) => {
    const r = presetRange(p, now, timeZone);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}

/** Change of `now` against `before` in percent (one decimal); null when there is nothing to compare with. */
export function changePercent(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

/** How a figure moved since the previous period, and whether that is good news. */
export interface Trend {
  change: number | null;
  direction: 'none' | 'up' | 'down' | 'same';
  tone: 'neutral' | 'good' | 'bad';
}

/** The trend of a figure; `worseWhenUp`: a rise is bad news (waits, no-shows, late dossiers). */
export function trendOf(now: number | null, before: number | null, worseWhenUp: boolean): Trend {
  const change = changePercent(now, before);
  const direction = change === null ? 'none' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  const bad = (direction === 'up' && worseWhenUp) || (direction === 'down' && !worseWhenUp);
  return { change, direction, tone: direction === 'none' || direction === 'same' ? 'neutral' : bad ? 'bad' : 'good' };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A figure as people read it: "1.234", "12,5" in Vietnamese; "—" when there is none. */
export function formatFigure(v: number | null, locale: string): string {
  if (v === null) return '—';
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN';
  let f = numberFormats.get(tag);
  if (!f) numberFormats.set(tag, (f = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })));
  return f.format(v);
}
