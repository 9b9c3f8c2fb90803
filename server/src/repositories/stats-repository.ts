import type { Db } from '../db';

/** Aggregate queries for wait estimates and counters' figures. */
export function statsRepository(db: Db) {
  const s = {
    waitingByService: db.prepare<[string], { service_id: number; n: number }>(
      `SELECT service_id, COUNT(*) AS n FROM tickets WHERE queue_day = ? AND status = 'waiting' GROUP BY service_id`,
    ),
    issuedByService: db.prepare<[string], { service_id: number; issued: number }>(
      'SELECT service_id, issued FROM service_days WHERE queue_day = ?',
    ),
    durations: db.prepare<[string, number, number], { ms: number }>(
      `SELECT finished_at - COALESCE(started_at, called_at) AS ms FROM tickets
        WHERE queue_day = ? AND service_id = ? AND status = 'done' ORDER BY finished_at DESC LIMIT ?`,
    ),
    servedByCounter: db.prepare<[string], { counter_id: number; n: number }>(
      `SELECT counter_id, COUNT(*) AS n FROM tickets WHERE queue_day = ? AND status = 'done' AND counter_id IS NOT NULL GROUP BY counter_id`,
    ),
    servedAt: db.prepare<[number, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE counter_id = ? AND queue_day = ? AND status = 'done'`,
    ),
  };
  const toMap = <R>(rows: R[], key: (r: R) => number, value: (r: R) => number) => new Map(rows.map((r) => [key(r), value(r)]));
  return {
    waitingByService: (queueDay: string) => toMap(s.waitingByService.all(queueDay), (r) => r.service_id, (r) => r.n),
    issuedByService: (queueDay: string) => toMap(s.issuedByService.all(queueDay), (r) => r.service_id, (r) => r.issued),
    /** Tickets finished today per counter (the counter that finished them). */
    servedByCounter: (queueDay: string) => toMap(s.servedByCounter.all(queueDay), (r) => r.counter_id, (r) => r.n),
    servedAt: (counterId: number, queueDay: string): number => s.servedAt.get(counterId, queueDay)?.n ?? 0,
    /** Latest service durations of a service today, in minutes. */
    recentDurations: (queueDay: string, serviceId: number, limit = 20): number[] =>
      s.durations.all(queueDay, serviceId, limit).map((r) => r.ms / 60000).filter((m) => m >= 0),
  };
}

export type StatsRepository = ReturnType<typeof statsRepository>;
