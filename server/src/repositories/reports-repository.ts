import type { SubmissionChannel } from '@shared/schemas/dossier';
import type { TicketStatus } from '@shared/schemas/ticket';
import type { Db } from '../db';

/** The columns of a ticket a report needs. */
export interface ReportTicketRow {
  id: number;
  issued_service_id: number;
  business_day: string;
  priority_group: string | null;
  status: TicketStatus;
  issued_at: number;
  counter_id: number | null;
  staff_id: number | null;
  transfer_count: number;
}

/** One event of a ticket, in log order. */
export interface ReportEventRow {
  ticket_id: number;
  type: string;
  at: number;
}

/** A dossier as the II.06a report reads it. */
export interface ReportDossierRow {
  id: number;
  field_id: number;
  procedure_id: number;
  procedure_code: string;
  procedure_name: string;
  received_at: number | null;
  due_at: number | null;
  channel: SubmissionChannel;
}

/** One dossier event, in log order. */
export interface ReportDossierEventRow {
  dossier_id: number;
  type: string;
  at: number;
  data: string | null;
}

/** Read-only queries behind the reports and the live monitor. Synchronous; never writes. */
export function reportsRepository(db: Db) {
  const s = {
    tickets: db.prepare<[string, string], ReportTicketRow>(
      `SELECT id, issued_service_id, business_day, priority_group, status, issued_at, counter_id, staff_id, transfer_count
         FROM tickets WHERE business_day BETWEEN ? AND ? ORDER BY id`,
    ),
    // By ticket id range (the ticket_id index, already in log order); the caller keeps the period's tickets only.
    events: db.prepare<[number, number], ReportEventRow>(
      `SELECT ticket_id, type, at FROM ticket_events WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, id`,
    ),
    staffNames: db.prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM users'),
    dossiers: db.prepare<[number], ReportDossierRow>(
      `SELECT id, field_id, procedure_id, procedure_code, procedure_name, received_at, due_at, channel FROM dossiers WHERE created_at < ? ORDER BY id`,
    ),
    dossierEvents: db.prepare<[number], ReportDossierEventRow>(
      `SELECT e.dossier_id, e.type, e.at, e.data FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
        WHERE d.created_at < ? ORDER BY e.dossier_id, e.id`,
    ),
    fields: db.prepare<[], { id: number; code: string; name_vi: string; display_order: number }>('SELECT id, code, name_vi, display_order FROM fields'),
    // Bounded by the queue day's tickets (index on queue_day), each looking up its own first call by the ticket_id index
    // (`+e.type` keeps the planner off the (type, at) index, which would scan every call ever made).
    firstCallsToday: db.prepare<[string], { service_id: number; n: number; total_ms: number }>(
      `SELECT service_id, COUNT(*) AS n, SUM(first_at - issued_at) AS total_ms FROM (
         SELECT t.issued_service_id AS service_id, t.issued_at,
                (SELECT MIN(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND +e.type = 'called') AS first_at
           FROM tickets t WHERE t.queue_day = ?)
        WHERE first_at IS NOT NULL GROUP BY service_id`,
    ),
    servedTodayByService: db.prepare<[string], { service_id: number; n: number }>(
      `SELECT service_id, COUNT(*) AS n FROM tickets WHERE queue_day = ? AND status = 'done' GROUP BY service_id`,
    ),
    noShowsToday: db.prepare<[string], { id: number }>(`SELECT id FROM tickets WHERE queue_day = ? AND status = 'no_show' ORDER BY finished_at DESC`),
    lastEventByCounter: db.prepare<[string], { counter_id: number; at: number }>(
      `SELECT e.counter_id, MAX(e.at) AS at FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE t.queue_day = ? AND e.counter_id IS NOT NULL GROUP BY e.counter_id`,
    ),
    lastOpenByCounter: db.prepare<[number], { target_id: string; at: number }>(
      `SELECT target_id, MAX(at) AS at FROM audit_log WHERE action = 'counter.open' AND at >= ? GROUP BY target_id`,
    ),
  };
  return {
    /** Tickets of the business days `from`…`to` (inclusive). */
    tickets: (from: string, to: string): ReportTicketRow[] => s.tickets.all(from, to),
    /** Events of the tickets with ids `firstId`…`lastId`, grouped by ticket, in log order (iterated: a year can be large). */
    events: (firstId: number, lastId: number): IterableIterator<ReportEventRow> => s.events.iterate(firstId, lastId),
    /** Dossiers created before `before` (epoch ms): every one that can count in a period ending then. */
    dossiersBefore: (before: number): ReportDossierRow[] => s.dossiers.all(before),
    /** Their events, grouped by dossier, in log order. */
    dossierEventsBefore: (before: number): IterableIterator<ReportDossierEventRow> => s.dossierEvents.iterate(before),
    fields: () => s.fields.all(),
    staffNames: (): Map<number, string> => new Map(s.staffNames.all().map((r) => [r.id, r.full_name])),
    /** Per issued service: tickets of the queue day called at least once, and their summed wait to the first call. */
    firstCallsToday: (queueDay: string) => s.firstCallsToday.all(queueDay),
    servedTodayByService: (queueDay: string): Map<number, number> => new Map(s.servedTodayByService.all(queueDay).map((r) => [r.service_id, r.n])),
    noShowIdsToday: (queueDay: string): number[] => s.noShowsToday.all(queueDay).map((r) => r.id),
    /** Latest ticket event at each counter in the queue day (the end of its last piece of work). */
    lastEventByCounter: (queueDay: string): Map<number, number> => new Map(s.lastEventByCounter.all(queueDay).map((r) => [r.counter_id, r.at])),
    /** Latest sign-in to each counter since `since` (epoch ms). */
    lastOpenByCounter: (since: number): Map<number, number> => new Map(s.lastOpenByCounter.all(since).map((r) => [Number(r.target_id), r.at])),
  };
}

export type ReportsRepository = ReturnType<typeof reportsRepository>;
