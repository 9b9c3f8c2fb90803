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
    durations: db.prepare<[string], { service_id: number; ms: number }>(
      `SELECT service_id, finished_at - COALESCE(started_at, called_at) AS ms
         FROM tickets WHERE queue_day = ? AND status = 'done' AND finished_at IS NOT NULL
        ORDER BY finished_at DESC LIMIT 500`,
    ),
    servedByCounter: db.prepare<[string], { counter_id: number; n: number }>(
      `SELECT e.counter_id, COUNT(*) AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE t.queue_day = ? AND e.type = 'finished' GROUP BY e.counter_id`,
    ),
  };
  const toMap = <R>(rows: R[], key: (r: R) => number, value: (r: R) => number) => new Map(rows.map((r) => [key(r), value(r)]));
  return {
    waitingByService: (queueDay: string) => toMap(s.waitingByService.all(queueDay), (r) => r.service_id, (r) => r.n),
    issuedByService: (queueDay: string) => toMap(s.issuedByService.all(queueDay), (r) => r.service_id, (r) => r.issued),
    servedByCounter: (queueDay: string) => toMap(s.servedByCounter.all(queueDay), (r) => r.counter_id, (r) => r.n),
    /** Latest service durations per service, in minutes, at most `perService` each. */
    recentDurations(queueDay: string, perService = 20): Map<number, number[]> {
      const map = new Map<number, number[]>();
      for (const r of s.durations.all(queueDay)) {
        const list = map.get(r.service_id) ?? [];
        if (list.length < perService && r.ms >= 0) list.push(r.ms / 60000);
        map.set(r.service_id, list);
      }
      return map;
    },
  };
}

export type StatsRepository = ReturnType<typeof statsRepository>;
