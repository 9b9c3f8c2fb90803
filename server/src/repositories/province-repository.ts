import type { DayFigures } from '@shared/schemas/province';
import type { Db } from '../db';

/** A province_offices row joined with its last heartbeat (null fields when none arrived yet). */
export interface ProvinceOfficeRow {
  id: number;
  code: string;
  name: string;
  enroll_token_hash: string | null;
  enroll_expires_at: number | null;
  credential_hash: string | null;
  enrolled_at: number | null;
  revoked_at: number | null;
  created_at: number;
  received_at: number | null;
  waiting: number | null;
  longest_wait_minutes: number | null;
  open_counters: number | null;
  printers_down: number | null;
  version: string | null;
  clock_skew_ms: number | null;
}

/** Queue figures of one office summed over a period. */
export interface QueueSumRow {
  id: number;
  code: string;
  name: string;
  tickets: number;
  served: number;
  no_show: number;
  wait_seconds: number;
  waited: number;
  serve_seconds: number;
}

const OFFICE = `SELECT o.*, h.received_at, h.waiting, h.longest_wait_minutes, h.open_counters, h.printers_down, h.version, h.clock_skew_ms
  FROM province_offices o LEFT JOIN province_heartbeats h ON h.office_id = o.id`;

/** SQL of the province hub: offices, the records they sent (once each), day figures, heartbeats. */
export function provinceRepository(db: Db) {
  const s = {
    insert: db.prepare<{ code: string; name: string; token: string; expires: number; at: number }>(
      `INSERT INTO province_offices (code, name, enroll_token_hash, enroll_expires_at, created_at) VALUES (:code, :name, :token, :expires, :at)`,
    ),
    byCode: db.prepare<[string], ProvinceOfficeRow>(`${OFFICE} WHERE o.code = ?`),
    byId: db.prepare<[number], ProvinceOfficeRow>(`${OFFICE} WHERE o.id = ?`),
    byCredential: db.prepare<[string], ProvinceOfficeRow>(`${OFFICE} WHERE o.credential_hash = ? AND o.revoked_at IS NULL`),
    all: db.prepare<[], ProvinceOfficeRow>(`${OFFICE} ORDER BY o.name, o.id`),
    enroll: db.prepare<{ id: number; credential: string; at: number }>(
      `UPDATE province_offices SET credential_hash = :credential, enrolled_at = :at, enroll_token_hash = NULL, enroll_expires_at = NULL, revoked_at = NULL WHERE id = :id`,
    ),
    revoke: db.prepare<{ id: number; at: number }>(`UPDATE province_offices SET credential_hash = NULL, revoked_at = :at WHERE id = :id`),
    newToken: db.prepare<{ id: number; token: string; expires: number }>(
      `UPDATE province_offices SET enroll_token_hash = :token, enroll_expires_at = :expires WHERE id = :id`,
    ),
    record: db.prepare<{ office: number; seq: number; kind: string; data: string; at: number }>(
      `INSERT OR IGNORE INTO province_records (office_id, seq, kind, data, received_at) VALUES (:office, :seq, :kind, :data, :at)`,
    ),
    lastSeq: db.prepare<[number], { seq: number | null }>(`SELECT MAX(seq) AS seq FROM province_records WHERE office_id = ?`),
    // The figures of a later record replace those of an earlier one; an earlier one arriving late changes nothing.
    figures: db.prepare(
      `INSERT INTO province_day_figures (office_id, day, service_code, service_name, seq, tickets, served, no_show, wait_seconds, waited, serve_seconds)
       VALUES (:office, :day, :serviceCode, :serviceName, :seq, :tickets, :served, :noShow, :waitSeconds, :waited, :serveSeconds)
       ON CONFLICT (office_id, day, service_code) DO UPDATE SET service_name = excluded.service_name, seq = excluded.seq,
         tickets = excluded.tickets, served = excluded.served, no_show = excluded.no_show, wait_seconds = excluded.wait_seconds,
         waited = excluded.waited, serve_seconds = excluded.serve_seconds
       WHERE excluded.seq > province_day_figures.seq`,
    ),
    heartbeat: db.prepare(
      `INSERT INTO province_heartbeats (office_id, received_at, sent_at, waiting, longest_wait_minutes, open_counters, printers_down, version, clock_skew_ms)
       VALUES (:office, :at, :sentAt, :waiting, :longestWaitMinutes, :openCounters, :printersDown, :version, :at - :sentAt)
       ON CONFLICT (office_id) DO UPDATE SET received_at = excluded.received_at, sent_at = excluded.sent_at, waiting = excluded.waiting,
         longest_wait_minutes = excluded.longest_wait_minutes, open_counters = excluded.open_counters,
         printers_down = excluded.printers_down, version = excluded.version, clock_skew_ms = excluded.clock_skew_ms`,
    ),
    queueSums: db.prepare<{ from: string; to: string }, QueueSumRow>(
      `SELECT o.id, o.code, o.name, COALESCE(SUM(f.tickets), 0) AS tickets, COALESCE(SUM(f.served), 0) AS served,
              COALESCE(SUM(f.no_show), 0) AS no_show, COALESCE(SUM(f.wait_seconds), 0) AS wait_seconds,
              COALESCE(SUM(f.waited), 0) AS waited, COALESCE(SUM(f.serve_seconds), 0) AS serve_seconds
         FROM province_offices o LEFT JOIN province_day_figures f ON f.office_id = o.id AND f.day BETWEEN :from AND :to
        GROUP BY o.id ORDER BY o.name, o.id`,
    ),
  };
  return {
    insert: (o: { code: string; name: string; tokenHash: string; expiresAt: number; at: number }): number =>
      Number(s.insert.run({ code: o.code, name: o.name, token: o.tokenHash, expires: o.expiresAt, at: o.at }).lastInsertRowid),
    byCode: (code: string) => s.byCode.get(code),
    byId: (id: number) => s.byId.get(id),
    byCredential: (hash: string) => s.byCredential.get(hash),
    all: () => s.all.all(),
    enroll: (id: number, credentialHash: string, at: number) => void s.enroll.run({ id, credential: credentialHash, at }),
    revoke: (id: number, at: number) => void s.revoke.run({ id, at }),
    newToken: (id: number, tokenHash: string, expiresAt: number) => void s.newToken.run({ id, token: tokenHash, expires: expiresAt }),
    /** Stores a record once; false when the office sent this seq before. */
    record: (office: number, seq: number, kind: string, data: unknown, at: number): boolean =>
      s.record.run({ office, seq, kind, data: JSON.stringify(data), at }).changes === 1,
    lastSeq: (office: number): number => s.lastSeq.get(office)?.seq ?? 0,
    dayFigures: (office: number, seq: number, f: DayFigures) => void s.figures.run({ office, seq, ...f }),
    heartbeat: (h: { office: number; at: number; sentAt: number; waiting: number; longestWaitMinutes: number; openCounters: number; printersDown: number; version: string }) =>
      void s.heartbeat.run(h),
    queueSums: (from: string, to: string) => s.queueSums.all({ from, to }),
  };
}
export type ProvinceRepository = ReturnType<typeof provinceRepository>;
