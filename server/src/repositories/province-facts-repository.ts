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

/** Dossier flows of one row of a report (an office or a field), summed over the period's days. */
export interface FieldFlows {
  received: number;
  received_online: number;
  received_in_person: number;
  resolved_early: number;
  resolved_on_time: number;
  resolved_late: number;
  returned: number;
  refused: number;
  withdrawn: number;
}

/** Dossiers in progress of one row at the end of each office's last reported day before a date. */
export interface FieldStock {
  on_time: number;
  overdue: number;
}

const QUEUE = `COALESCE(SUM(f.tickets), 0) AS tickets, COALESCE(SUM(f.served), 0) AS served, COALESCE(SUM(f.no_show), 0) AS no_show,
  COALESCE(SUM(f.wait_seconds), 0) AS wait_seconds, COALESCE(SUM(f.waited), 0) AS waited, COALESCE(SUM(f.serve_seconds), 0) AS serve_seconds`;
const FLOW = ['received', 'received_online', 'received_in_person', 'resolved_early', 'resolved_on_time', 'resolved_late', 'returned', 'refused', 'withdrawn'];
// Flows add up over the days; what is in progress is a stock: the value at the end of an office's last reported day.
const FLOWS = FLOW.map((c) => `COALESCE(SUM(f.${c}), 0) AS ${c}`).join(', ');
const STOCK = 'COALESCE(SUM(f.in_progress_on_time), 0) AS on_time, COALESCE(SUM(f.in_progress_overdue), 0) AS overdue';
const ROW = 'tickets, served, no_show, wait_seconds, waited, serve_seconds';
type At = { office: number; day: string };
const LAST_DAY = `JOIN (SELECT office_id, MAX(day) AS last FROM province_office_days WHERE day < :before GROUP BY office_id) l
  ON l.office_id = f.office_id AND f.day = l.last`;

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
    flowsByOffice: db.prepare<{ from: string; to: string }, FieldFlows & { id: number }>(
      `SELECT f.office_id AS id, ${FLOWS} FROM province_day_fields f WHERE f.day BETWEEN :from AND :to GROUP BY f.office_id`,
    ),
    flowsByField: db.prepare<{ from: string; to: string }, FieldFlows & { name: string }>(
      `SELECT f.field_name AS name, ${FLOWS} FROM province_day_fields f WHERE f.day BETWEEN :from AND :to GROUP BY f.field_name`,
    ),
    stockByOffice: db.prepare<{ before: string }, FieldStock & { key: number }>(`SELECT f.office_id AS key, ${STOCK} FROM province_day_fields f ${LAST_DAY} GROUP BY f.office_id`),
    stockByField: db.prepare<{ before: string }, FieldStock & { key: string }>(`SELECT f.field_name AS key, ${STOCK} FROM province_day_fields f ${LAST_DAY} GROUP BY f.field_name`),
    ratingsByOffice: db.prepare<{ from: string; to: string }, { id: number; level: string; n: number }>(
      `SELECT office_id AS id, level, SUM(count) AS n FROM province_day_ratings WHERE day BETWEEN :from AND :to GROUP BY office_id, level`,
    ),
    // One office's day, row by row (an office from before the day facts sent its services only).
    dayHeld: db.prepare<At, { n: number }>(
      `SELECT EXISTS (SELECT 1 FROM province_office_days WHERE office_id = :office AND day = :day)
           OR EXISTS (SELECT 1 FROM province_day_figures WHERE office_id = :office AND day = :day) AS n`,
    ),
    dayServices: db.prepare<At, QueueSums & { code: string; name: string }>(
      `SELECT service_code AS code, service_name AS name, ${ROW} FROM province_day_figures WHERE office_id = :office AND day = :day`,
    ),
    dayGroups: db.prepare<At & { kind: string }, QueueSums & { key: string }>(
      `SELECT key, ${ROW} FROM province_day_groups WHERE office_id = :office AND day = :day AND kind = :kind`,
    ),
    dayFields: db.prepare<At, FieldFlows & FieldStock & { code: string; name: string }>(
      `SELECT field_code AS code, field_name AS name, ${FLOW.join(', ')}, in_progress_on_time AS on_time, in_progress_overdue AS overdue
         FROM province_day_fields WHERE office_id = :office AND day = :day`,
    ),
    dayRatings: db.prepare<At, { level: string; n: number }>(
      `SELECT level, SUM(count) AS n FROM province_day_ratings WHERE office_id = :office AND day = :day GROUP BY level`,
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
    flowsByOffice: (from: string, to: string) => s.flowsByOffice.all({ from, to }),
    flowsByField: (from: string, to: string) => s.flowsByField.all({ from, to }),
    /** Dossiers in progress per office id at the end of its last reported day before `before`. */
    stockByOffice: (before: string): Map<number, FieldStock> => new Map(s.stockByOffice.all({ before }).map((r) => [r.key, r])),
    /** The same per field name. */
    stockByField: (before: string): Map<string, FieldStock> => new Map(s.stockByField.all({ before }).map((r) => [r.key, r])),
    ratingsByOffice: (from: string, to: string) => s.ratingsByOffice.all({ from, to }),
    /** Whether any facts of an office's day arrived. */
    dayHeld: (office: number, day: string): boolean => s.dayHeld.get({ office, day })?.n === 1,
    dayServices: (office: number, day: string) => s.dayServices.all({ office, day }),
    /** The day's queue figures per counter (by name) or staff member (by username). */
    dayGroups: (office: number, day: string, kind: 'counter' | 'staff') => s.dayGroups.all({ office, day, kind }),
    /** The day's II.06a flows per field, with what was in progress at its end. */
    dayFields: (office: number, day: string) => s.dayFields.all({ office, day }),
    dayRatings: (office: number, day: string) => s.dayRatings.all({ office, day }),
  };
}
export type ProvinceFactsRepository = ReturnType<typeof provinceFactsRepository>;
