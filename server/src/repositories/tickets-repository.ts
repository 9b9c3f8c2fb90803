import { PRIORITY_GROUPS, type PriorityGroup } from '@shared/priority';
import type { CallRecord, Ticket, TicketStatus } from '@shared/schemas/ticket';
import type { Db } from '../db';
import type { CallingMode } from '@shared/schemas/office';
import type { QueuePlace } from '../domain/queue-rules';

/** A tickets row. */
export interface TicketRow {
  id: number;
  tracking_id: string;
  issued_service_id: number;
  service_id: number;
  business_day: string;
  queue_day: string;
  ordinal: number;
  number: string;
  priority_group: string | null;
  status: TicketStatus;
  sort_key: number;
  issued_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter_id: number | null;
  staff_id: number | null;
  target_counter_id: number | null;
  recall_count: number;
  no_show_count: number;
  transfer_count: number;
  /** Salted hash of the ID number scanned at the kiosk (see id-number-hash.ts), or null. */
  id_hash: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The public shape of a ticket row. */
/** A stored group as a known group; null for none and for "priority", what retention leaves of an old ticket's group. */
const groupOf = (stored: string | null): PriorityGroup | null => (stored !== null && (PRIORITY_GROUPS as readonly string[]).includes(stored) ? (stored as PriorityGroup) : null);

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    serviceId: r.service_id,
    status: r.status,
    priority: r.priority_group !== null,
    priorityGroup: groupOf(r.priority_group),
    businessDay: r.business_day,
    issuedAt: new Date(r.issued_at).toISOString(),
    calledAt: iso(r.called_at),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    counterId: r.counter_id,
    staffId: r.staff_id,
    targetCounterId: r.target_counter_id,
    recallCount: r.recall_count,
    noShowCount: r.no_show_count,
    transferCount: r.transfer_count,
    sortKey: r.sort_key,
  };
}

/** Fields written when a ticket changes status. */
export type TicketPatch = Partial<
  Pick<
    TicketRow,
    | 'status'
    | 'service_id'
    | 'sort_key'
    | 'called_at'
    | 'started_at'
    | 'finished_at'
    | 'counter_id'
    | 'staff_id'
    | 'target_counter_id'
    | 'recall_count'
    | 'no_show_count'
    | 'transfer_count'
  >
>;

const OPEN_STATUSES = `('waiting', 'called', 'serving', 'parked')`;

/** SQL for tickets and their event log. Synchronous; callers own the transaction. */
/** A ticket_events row as written. */
export interface TicketLogEntry {
  ticketId: number;
  type: string;
  at: number;
  counterId?: number | null;
  staffId?: number | null;
  data?: unknown;
}

/** `logged` runs after each ticket_events row, in the same transaction (the outbox's hook). */
export function ticketsRepository(db: Db, logged: (e: TicketLogEntry) => void = () => {}) {
  const s = {
    issuedToday: db.prepare<[number, string], { issued: number }>(
      'SELECT issued FROM service_days WHERE service_id = ? AND queue_day = ?',
    ),
    bumpIssued: db.prepare<[number, string, number]>(
      `INSERT INTO service_days (service_id, queue_day, issued) VALUES (?, ?, ?)
       ON CONFLICT (service_id, queue_day) DO UPDATE SET issued = excluded.issued`,
    ),
    insert: db.prepare(
      `INSERT INTO tickets (tracking_id, issued_service_id, service_id, business_day, queue_day, ordinal, number,
         priority_group, id_hash, status, sort_key, issued_at)
       VALUES (@tracking_id, @service_id, @service_id, @business_day, @queue_day, @ordinal, @number,
         @priority_group, @id_hash, 'waiting', @sort_key, @issued_at)`,
    ),
    byId: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
    byTracking: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE tracking_id = ?'),
    lastFinished: db.prepare<[number], TicketRow>(`SELECT * FROM tickets WHERE counter_id = ? AND status = 'done' ORDER BY finished_at DESC, id DESC LIMIT 1`),
    current: db.prepare<[number], TicketRow>(`SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')`),
    waiting: db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE queue_day = ? AND status = 'waiting' ORDER BY sort_key, id`,
    ),
    headOfService: db.prepare<[string, number, number], TicketRow>(
      `SELECT * FROM tickets WHERE queue_day = ? AND status = 'waiting' AND service_id = ? AND target_counter_id IS NULL
         AND (priority_group IS NOT NULL) = ? ORDER BY sort_key, id LIMIT 1`,
    ),
    headForCounter: db.prepare<[number, string, number], TicketRow>(
      `SELECT * FROM tickets WHERE target_counter_id = ? AND queue_day = ? AND status = 'waiting'
         AND (priority_group IS NOT NULL) = ? ORDER BY sort_key, id LIMIT 1`,
    ),
    waitingAndParked: db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE queue_day = ? AND status IN ('waiting', 'parked') ORDER BY sort_key, id`,
    ),
    minSortKey: db.prepare<[string, number], { k: number | null }>(
      `SELECT MIN(sort_key) AS k FROM tickets WHERE queue_day = ? AND service_id = ? AND status = 'waiting'`,
    ),
    // "People ahead" reads indexes only: tickets_queue (covering) and the small partial index of waiting priority tickets.
    allAhead: db.prepare<{ day: string; service: number; key: number; id: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE queue_day = :day AND status = 'waiting' AND service_id = :service
         AND (sort_key < :key OR (sort_key = :key AND id < :id))`,
    ),
    allWaiting: db.prepare<{ day: string; service: number; id: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE queue_day = :day AND status = 'waiting' AND service_id = :service AND id <> :id`,
    ),
    // The newest ticket's place: the kept count, less the tickets behind it (an index range that is empty or nearly).
    waitingCount: db.prepare<{ day: string; service: number }, { n: number }>(
      `SELECT COALESCE(SUM(n), 0) AS n FROM waiting_counts WHERE queue_day = :day AND service_id = :service`,
    ),
    allBehind: db.prepare<{ day: string; service: number; key: number; id: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE queue_day = :day AND status = 'waiting' AND service_id = :service
         AND sort_key >= :key AND (sort_key > :key OR id > :id)`,
    ),
    priorityCounts: db.prepare<{ day: string; service: number; key: number; id: number }, { ahead: number | null; waiting: number }>(
      `SELECT SUM(sort_key < :key OR (sort_key = :key AND id < :id)) AS ahead, COUNT(*) AS waiting
         FROM tickets INDEXED BY tickets_priority_waiting
        WHERE queue_day = :day AND status = 'waiting' AND priority_group IS NOT NULL AND service_id = :service AND id <> :id`,
    ),
    waitingOrder: db.prepare<[string], { id: number; service_id: number; priority: number }>(
      `SELECT id, service_id, priority_group IS NOT NULL AS priority FROM tickets WHERE queue_day = ? AND status = 'waiting'
        ORDER BY service_id, sort_key, id`,
    ),
    openBefore: db.prepare<[string], TicketRow>(`SELECT * FROM tickets WHERE queue_day <> ? AND status IN ${OPEN_STATUSES}`),
    openToday: db.prepare<[string], TicketRow>(`SELECT * FROM tickets WHERE queue_day = ? AND status IN ${OPEN_STATUSES}`),
    event: db.prepare(
      `INSERT INTO ticket_events (ticket_id, type, at, counter_id, staff_id, data)
       VALUES (@ticket_id, @type, @at, @counter_id, @staff_id, @data)`,
    ),
    recentCalls: db.prepare<[string, number], CallRow>(
      `SELECT e.ticket_id, e.type, e.at, e.counter_id, t.number, t.service_id, t.priority_group,
              c.number AS counter_number, c.name AS counter_name
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id
        WHERE t.queue_day = ? AND e.type IN ('called', 'recalled')
        ORDER BY e.id DESC LIMIT ?`,
    ),
  };
  const updates = new Map<string, ReturnType<Db['prepare']>>();

  return {
    issuedToday: (serviceId: number, queueDay: string): number => s.issuedToday.get(serviceId, queueDay)?.issued ?? 0,
    setIssuedToday: (serviceId: number, queueDay: string, issued: number): void => {
      s.bumpIssued.run(serviceId, queueDay, issued);
    },
    insert(row: {
      tracking_id: string;
      service_id: number;
      business_day: string;
      queue_day: string;
      ordinal: number;
      number: string;
      priority_group: string | null;
      id_hash: string | null;
      sort_key: number;
      issued_at: number;
    }): number {
      return Number(s.insert.run(row).lastInsertRowid);
    },
    byId: (id: number): TicketRow | undefined => s.byId.get(id),
    byTrackingId: (trackingId: string): TicketRow | undefined => s.byTracking.get(trackingId),
    currentAt: (counterId: number): TicketRow | undefined => s.current.get(counterId),
    /** The ticket a counter finished last (its rating tablet offers it again after a reconnect). */
    lastFinishedAt: (counterId: number): TicketRow | undefined => s.lastFinished.get(counterId),
    waiting: (queueDay: string): TicketRow[] => s.waiting.all(queueDay),
    /**
     * The only tickets the calling policy can pick for a counter: per served service, the first normal and
     * the first priority ticket; and the first of each sent to this counter. Keeps call-next O(services).
     */
    headsFor(queueDay: string, counterId: number, serviceIds: readonly number[]): TicketRow[] {
      const heads: TicketRow[] = [];
      for (const priority of [0, 1]) {
        for (const serviceId of serviceIds) {
          const row = s.headOfService.get(queueDay, serviceId, priority);
          if (row) heads.push(row);
        }
        const targeted = s.headForCounter.get(counterId, queueDay, priority);
        if (targeted) heads.push(targeted);
      }
      return heads;
    },
    waitingAndParked: (queueDay: string): TicketRow[] => s.waitingAndParked.all(queueDay),
    openBefore: (queueDay: string): TicketRow[] => s.openBefore.all(queueDay),
    openIn: (queueDay: string): TicketRow[] => s.openToday.all(queueDay),
    frontSortKey: (queueDay: string, serviceId: number): number | null => s.minSortKey.get(queueDay, serviceId)?.k ?? null,
    /** Today's waiting tickets, per service in calling order (ids only): positions of many tickets in one query. */
    /** Today's waiting tickets in queue order per service, with their class (1 = priority). */
    waitingOrder: (queueDay: string): { id: number; service_id: number; priority: number }[] => s.waitingOrder.all(queueDay),
    /**
     * Where a waiting ticket stands in its service's queue (see peopleAheadUnder). Only what the rule needs is counted:
     * the normal tickets waiting matter only to a priority ticket under the interleave rule (else reported as 0).
     * `newest`: the ticket was just issued (at the end of its queue): its place comes from the kept counts
     * (migration 018) and the few tickets behind it, in time independent of the queue's length — the same figures
     * (tests/repositories/waiting-counts.test.ts).
     */
    placeOf(t: TicketRow, mode: CallingMode, newest = false): QueuePlace {
      const priority = t.priority_group !== null;
      const at = { day: t.queue_day, service: t.service_id, key: t.sort_key, id: t.id };
      const p = s.priorityCounts.get(at) ?? { ahead: 0, waiting: 0 };
      const priorityAhead = p.ahead ?? 0;
      // Every other waiting ticket of the service: from the kept count for the newest ticket, else from the index.
      const others = () => (newest ? (s.waitingCount.get(at)?.n ?? 0) - (t.status === 'waiting' ? 1 : 0) : (s.allWaiting.get(at)?.n ?? 0));
      if (priority) {
        const normalWaiting = mode === 'interleave' ? others() - p.waiting : 0;
        return { priority, sameClassAhead: priorityAhead, priorityWaiting: p.waiting, normalWaiting };
      }
      const allAhead = newest ? others() - (s.allBehind.get(at)?.n ?? 0) : (s.allAhead.get(at)?.n ?? 0);
      return { priority, sameClassAhead: allAhead - priorityAhead, priorityWaiting: p.waiting, normalWaiting: 0 };
    },
    /** Writes the given columns of one ticket. */
    update(id: number, patch: TicketPatch): void {
      const cols = Object.keys(patch).sort();
      if (cols.length === 0) return;
      const key = cols.join(',');
      let stmt = updates.get(key);
      if (!stmt) {
        stmt = db.prepare(`UPDATE tickets SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
        updates.set(key, stmt);
      }
      stmt.run({ ...patch, id });
    },
    logEvent(e: TicketLogEntry): void {
      s.event.run({
        ticket_id: e.ticketId,
        type: e.type,
        at: e.at,
        counter_id: e.counterId ?? null,
        staff_id: e.staffId ?? null,
        data: e.data === undefined ? null : JSON.stringify(e.data),
      });
      logged(e);
    },
    recentCalls(queueDay: string, limit: number): CallRecord[] {
      return s.recentCalls.all(queueDay, limit).map(toCallRecord);
    },
  };
}

/** A joined row of a call event. */
export interface CallRow {
  ticket_id: number;
  type: string;
  at: number;
  counter_id: number;
  number: string;
  service_id: number;
  priority_group: string | null;
  counter_number: number;
  counter_name: string;
}

/** The display's record of one call. */
export function toCallRecord(r: CallRow): CallRecord {
  return {
    ticketId: r.ticket_id,
    number: r.number,
    serviceId: r.service_id,
    counterId: r.counter_id,
    counterNumber: r.counter_number,
    counterName: r.counter_name,
    priority: r.priority_group !== null,
    priorityGroup: groupOf(r.priority_group),
    calledAt: new Date(r.at).toISOString(),
    recall: r.type === 'recalled',
  };
}

export type TicketsRepository = ReturnType<typeof ticketsRepository>;
