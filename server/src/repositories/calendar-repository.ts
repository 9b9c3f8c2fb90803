import type { CalendarDay } from '@shared/schemas/dossier';
import type { Db } from '../db';

/** Office calendar overrides (compensatory days off, make-up working Saturdays). */
export function calendarRepository(db: Db) {
  const all = db.prepare<[], { date: string; working: number; name: string }>('SELECT date, working, name FROM calendar_days ORDER BY date');
  const inYear = db.prepare<[string, string], { date: string; working: number; name: string }>(
    'SELECT date, working, name FROM calendar_days WHERE date >= ? AND date <= ? ORDER BY date',
  );
  const put = db.prepare(
    `INSERT INTO calendar_days (date, working, name, updated_by, updated_at) VALUES (@date, @working, @name, @by, @at)
     ON CONFLICT (date) DO UPDATE SET working = excluded.working, name = excluded.name, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const del = db.prepare<[string]>('DELETE FROM calendar_days WHERE date = ?');
  const toDay = (r: { date: string; working: number; name: string }): CalendarDay => ({ date: r.date, working: r.working === 1, name: r.name });
  return {
    all: (): CalendarDay[] => all.all().map(toDay),
    year: (year: number): CalendarDay[] => inYear.all(`${year}-01-01`, `${year}-12-31`).map(toDay),
    put: (day: CalendarDay, by: number, at: number): void => {
      put.run({ date: day.date, working: day.working ? 1 : 0, name: day.name, by, at });
    },
    remove: (date: string): boolean => del.run(date).changes > 0,
  };
}
export type CalendarRepository = ReturnType<typeof calendarRepository>;
