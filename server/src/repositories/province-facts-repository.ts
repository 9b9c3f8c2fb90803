import type { DayFacts } from '@shared/schemas/province-facts';
import type { Db } from '../db';

/** Queue sums of one row of a report (an office or a field). */
export interface QueueSums {
  tickets: number;
  served: number;
  no_show: number;
  wait_seconds: number;
  waited: number;
  serve_seconds: number;
}

/** Dossier sums of one row of a report; in progress as of the last day each office reported in the period. */
export interface FieldSums {
  received: number;
  received_online: number;
  received_in_person: number;
  resolved_early: number;
  resolved_on_time: number;
  resolved_late: number;
  returned: number;
  refused: number;
  withdrawn: number;
  in_progress_on_time: number;
  in_progress_overdue: number;
}

const QUEUE = `COALESCE(SUM(f.tickets), 0) AS tickets, COALESCE(SUM(f.served), 0) AS served, COALESCE(SUM(f.no_show), 0) AS no_show,
  COALESCE(SUM(f.wait_seconds), 0) AS wait_seconds, COALESCE(SUM(f.waited), 0) AS waited, COALESCE(SUM(f.serve_seconds), 0) AS serve_seconds`;
const FLOW = ['received', 'received_online', 'received_in_person', 'resolved_early', 'resolved_on_time', 'resolved_late', 'returned', 'refused', 'withdrawn'];
// Flow figures add up over the days; in-progress figures are a state: the last reported day's (per office).
const FIELDS = [
  ...FLOW.map((c) => `COALESCE(SUM(f.${c}), 0) AS ${c}`),
  ...['in_progress_on_time', 'in_progress_overdue'].map((c) => `COALESCE(SUM(CASE WHEN f.day = l.last THEN f.${c} END), 0) AS ${c}`),
].join(', ');
const LAST_DAY = `(SELECT office_id, MAX(day) AS last FROM province_office_days WHERE day BETWEEN :from AND :to GROUP BY office_id) l`;

/** SQL of the province's day facts: storing an office's day (replacing an earlier record of it) and period sums. */
export function provinceFactsRepository(db: Db) {
  const s = {
    daySeq: db.prepare<[number, string], { seq: number }>('SELECT seq FROM province_office_days WHERE office_id = ? AND day = ?'),
    setDay: db.prepare<{ office: number; day: string; seq: number }>(
      `INSERT INTO province_office_days (office_id, day, seq) VALUES (:office, :day, :seq) ON CONFLICT (office_id, day) DO UPDATE SET seq = excluded.seq`,
    ),
    clear: ['province_day_figures', 'province_day_groups', 'province_day_fields', 'province_day_ratings'].map((t) =>
      db.prepare<{ office: number; day: string }>(`DELETE FROM ${t} WHERE office_id = :office AND day = :day`),
    ),
    service: db.prepare(
      `INSERT INTO province_day_figures (office_id, day, service_code, service_name, seq, tickets, served, no_show, wait_seconds, waited, serve_seconds)
       VALUES (:office, :day, :serviceCode, :serviceName, :seq, :tickets, :served, :noShow, :waitSeconds, :waited, :serveSeconds)`,
    ),
    group: db.prepare(
      `INSERT INTO province_day_groups (office_id, day, kind, key, tickets, served, no_show, wait_seconds, waited, serve_seconds)
       VALUES (:office, :day, :kind, :key, :tickets, :served, :noShow, :waitSeconds, :waited, :serveSeconds)`,
    ),
    field: db.prepare(
      `INSERT INTO province_day_fields (office_id, day, field_code, field_name, received, received_online, received_in_person, resolved_early,
         resolved_on_time, resolved_late, returned, refused, withdrawn, in_progress_on_time, in_progress_overdue)
       VALUES (:office, :day, :fieldCode, :fieldName, :received, :receivedOnline, :receivedInPerson, :resolvedEarly, :resolvedOnTime,
         :resolvedLate, :returned, :refused, :withdrawn, :inProgressOnTime, :inProgressOverdue)`,
    ),
    rating: db.prepare(`INSERT INTO province_day_ratings (office_id, day, staff, level, count) VALUES (:office, :day, :staff, :level, :count)`),
    queueByField: db.prepare<{ from: string; to: string }, QueueSums & { name: string }>(
      `SELECT f.service_name AS name, ${QUEUE} FROM province_day_figures f WHERE f.day BETWEEN :from AND :to GROUP BY f.service_name`,
    ),
    fieldsByOffice: db.prepare<{ from: string; to: string }, FieldSums & { id: number }>(
      `SELECT f.office_id AS id, ${FIELDS} FROM province_day_fields f JOIN ${LAST_DAY} ON l.office_id = f.office_id
        WHERE f.day BETWEEN :from AND :to GROUP BY f.office_id`,
    ),
    fieldsByField: db.prepare<{ from: string; to: string }, FieldSums & { name: string }>(
      `SELECT f.field_name AS name, ${FIELDS} FROM province_day_fields f JOIN ${LAST_DAY} ON l.office_id = f.office_id
        WHERE f.day BETWEEN :from AND :to GROUP BY f.field_name`,
    ),
    ratingsByOffice: db.prepare<{ from: string; to: string }, { id: number; level: string; n: number }>(
      `SELECT office_id AS id, level, SUM(count) AS n FROM province_day_ratings WHERE day BETWEEN :from AND :to GROUP BY office_id, level`,
    ),
  };

  return {
    /**
     * Applies an office's record of one day when it is newer (by seq) than the one held: all of the day's rows are
     * replaced. A `day_services` record (offices before day facts) carries services only. False when older.
     */
    applyDay(office: number, seq: number, f: Pick<DayFacts, 'day' | 'services'> & Partial<DayFacts>): boolean {
      const held = s.daySeq.get(office, f.day)?.seq ?? 0;
      if (seq <= held) return false;
      const at = { office, day: f.day };
      for (const c of s.clear) c.run(at);
      s.setDay.run({ ...at, seq });
      for (const x of f.services) s.service.run({ ...at, seq, ...x });
      for (const x of f.counters ?? []) s.group.run({ ...at, kind: 'counter', key: x.counter, ...x });
      for (const x of f.staff ?? []) s.group.run({ ...at, kind: 'staff', key: x.staff, ...x });
      for (const x of f.fields ?? []) s.field.run({ ...at, ...x });
      for (const x of f.ratings ?? []) s.rating.run({ ...at, staff: x.staff ?? '', level: x.level, count: x.count });
      return true;
    },
    queueByField: (from: string, to: string) => s.queueByField.all({ from, to }),
    fieldsByOffice: (from: string, to: string) => s.fieldsByOffice.all({ from, to }),
    fieldsByField: (from: string, to: string) => s.fieldsByField.all({ from, to }),
    ratingsByOffice: (from: string, to: string) => s.ratingsByOffice.all({ from, to }),
  };
}
export type ProvinceFactsRepository = ReturnType<typeof provinceFactsRepository>;
