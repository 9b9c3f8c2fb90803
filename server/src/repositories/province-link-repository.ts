import type { Db } from '../db';

/** The office's link to its province hub (table province_link, one row while connected). */
export interface ProvinceLinkRow {
  url: string;
  code: string;
  office_id: number;
  credential: string;
  connected_at: number;
  last_sync_at: number | null;
  last_heartbeat_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}

/** Outbox event types the province takes: ticket and dossier events, ratings and the day's close. */
export const PROVINCE_EVENTS_SQL = "(type LIKE 'ticket.%' OR type LIKE 'dossier.%' OR type = 'day.closed' OR type = 'rating.submitted')";

/** SQL of the office side of the province link. */
export function provinceLinkRepository(db: Db) {
  const s = {
    get: db.prepare<[], ProvinceLinkRow>('SELECT * FROM province_link WHERE id = 1'),
    save: db.prepare<{ url: string; code: string; office: number; credential: string; at: number }>(
      `INSERT INTO province_link (id, url, code, office_id, credential, connected_at) VALUES (1, :url, :code, :office, :credential, :at)
       ON CONFLICT (id) DO UPDATE SET url = excluded.url, code = excluded.code, office_id = excluded.office_id, credential = excluded.credential,
         connected_at = excluded.connected_at, last_sync_at = NULL, last_heartbeat_at = NULL, last_error = NULL, last_error_at = NULL`,
    ),
    remove: db.prepare('DELETE FROM province_link'),
    synced: db.prepare<[number]>('UPDATE province_link SET last_sync_at = ?, last_error = NULL, last_error_at = NULL'),
    heartbeat: db.prepare<[number]>('UPDATE province_link SET last_heartbeat_at = ?, last_error = NULL, last_error_at = NULL'),
    failed: db.prepare<[string, number]>('UPDATE province_link SET last_error = ?, last_error_at = ?'),
    // A later event of the same business day: its record will carry that day's figures as they are then. An event
    // without a business day (a dossier's) belongs to the day its time falls in.
    laterSameDay: db.prepare<{ seq: number; day: string; from: number; to: number }, { seq: number }>(
      `SELECT seq FROM outbox_events WHERE seq > :seq AND ${PROVINCE_EVENTS_SQL}
         AND (json_extract(data, '$.businessDay') = :day OR (json_extract(data, '$.businessDay') IS NULL AND at >= :from AND at < :to)) LIMIT 1`,
    ),
    waiting: db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM outbox_events WHERE seq > ? AND ${PROVINCE_EVENTS_SQL}`),
  };
  return {
    get: (): ProvinceLinkRow | undefined => s.get.get(),
    save: (r: { url: string; code: string; office: number; credential: string; at: number }) => void s.save.run(r),
    remove: () => void s.remove.run(),
    synced: (at: number) => void s.synced.run(at),
    heartbeat: (at: number) => void s.heartbeat.run(at),
    failed: (error: string, at: number) => void s.failed.run(error.slice(0, 300), at),
    laterSameDay: (seq: number, day: string, bounds: { from: number; to: number }): boolean => s.laterSameDay.get({ seq, day, ...bounds }) !== undefined,
    /** Province events after `seq` (not yet taken by the consumer). */
    eventsAfter: (seq: number): number => s.waiting.get(seq)?.n ?? 0,
  };
}
export type ProvinceLinkRepository = ReturnType<typeof provinceLinkRepository>;
