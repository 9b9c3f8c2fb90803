import { rooms } from '@shared/rooms';
import type { IssueTicketBody, IssuedTicket, Ticket, TransferBody } from '@shared/schemas/ticket';
import { estimateWaitMinutes } from '../domain/eta';
import { canApply, type TicketAction } from '../domain/lifecycle';
import { planNumber } from '../domain/numbering';
import { fail } from '../errors';
import { timeOrderedId } from '../random-token';
import type { StaffActor } from '../repositories/audit-repository';
import { toTicket, type TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import type { IdNumberHasher } from './id-number-hash';
import type { QueueDayState, QueueService, ServiceLoad } from './queue-service';

/** Where an issue request came from: the paired kiosk (its printer prints the ticket), or none. */
export interface IssueSource {
  deviceId: number | null;
}

/** A committed ticket and where its request came from. */
export interface IssuedFrom {
  ticket: IssuedTicket;
  source: IssueSource;
}

/**
 * Called with the tickets of one commit: `onIssuing` listeners inside the commit's transaction (printing queues the
 * paper tickets in the same commit: one fsync, and never a ticket without its job), `onIssued` listeners after the
 * tickets are pushed. Must not throw; must not block.
 */
export type IssuedListener = (issued: readonly IssuedFrom[]) => void;

/** A ticket issued in a transaction not yet committed: its row and the kiosk's reply. */
interface Issued {
  row: TicketRow;
  reply: IssuedTicket;
  maskedName?: string;
}

/** How many kiosk-scanned masked names the hub keeps in memory (far more than a day's tickets with a scan). */
const HOLDERS_KEPT = 2000;

/** Who performs a staff action, and at which counter. */
export type Actor = StaffActor & { counterId: number | null };

/** Issuing tickets (kiosk) and staff actions on a ticket regardless of counter (transfer, reactivate, cancel). */
export function ticketService(ctx: ServiceContext, queue: QueueService, hasher: IdNumberHasher) {
  const { repos, db } = ctx;
  const issuedListeners: IssuedListener[] = [];
  const issuingListeners: IssuedListener[] = [];
  const committing = (list: readonly IssuedFrom[]) => {
    if (list.length > 0) for (const listener of issuingListeners) listener(list);
  };
  /**
   * Masked names scanned at the kiosk, by ticket id, for the clerk who calls the ticket: in memory only (never stored,
   * never pushed), the oldest dropped past HOLDERS_KEPT; a restart forgets them.
   */
  const holders = new Map<number, string>();

  /**
   * Issues one ticket inside the caller's transaction on `day`. `anyGroup`: the group is set by the hub itself (an
   * appointment check-in), not chosen at the kiosk, so the kiosk's offered groups do not limit it.
   */
  function issueIn(day: QueueDayState, body: IssueTicketBody, anyGroup = false): Issued {
    const at = ctx.now();
    const svc = repos.catalog.serviceById(body.serviceId) ?? fail('SERVICE_NOT_FOUND');
    if (svc.active !== 1) fail('SERVICE_INACTIVE');
    if (!queue.issuingOpen(at)) fail('OFFICE_CLOSED');
    if (body.priorityGroup && !anyGroup && !queue.settings().priorityGroups.includes(body.priorityGroup)) fail('INVALID_PRIORITY_GROUP');
    const issued = repos.tickets.issuedToday(svc.id, day.queueDay);
    const plan =
      planNumber(
        { prefix: svc.prefix, startNumber: svc.start_number, endNumber: svc.end_number, dailyMax: svc.daily_max },
        issued,
      ) ?? fail('DAILY_LIMIT_REACHED');
    // Unguessable (96 random bits) and ordered by issue time: the tracking-id index grows at its right edge, where a
    // random id dirtied a page of it per ticket, a third of the WAL written per group commit (bench/wal-frames.ts).
    const trackingId = timeOrderedId(at);
    const id = repos.tickets.insert({
      tracking_id: trackingId,
      service_id: svc.id,
      business_day: day.businessDay,
      queue_day: day.queueDay,
      ordinal: plan.ordinal,
      number: plan.number,
      priority_group: body.priorityGroup ?? null,
      id_hash: body.identity ? hasher.hash(body.identity.idNumber) : null,
      sort_key: at,
      issued_at: at,
    });
    repos.tickets.setIssuedToday(svc.id, day.queueDay, plan.ordinal);
    repos.tickets.logEvent({ ticketId: id, type: 'issued', at, data: body.priorityGroup ? { priorityGroup: body.priorityGroup } : undefined });
    const row = repos.tickets.byId(id) as TicketRow;
    // Only this ticket's figures are computed in the transaction; every screen's service figures follow it. Within one
    // group commit the service's load is read once: issuing changes neither counters nor finished service times.
    let l = batchLoads?.get(svc.id);
    if (!l) {
      l = queue.loadOf(day.queueDay, svc.id);
      batchLoads?.set(svc.id, l);
    }
    const peopleAhead = queue.peopleAhead(row, true);
    return {
      row,
      ...(body.identity?.maskedName ? { maskedName: body.identity.maskedName } : {}),
      reply: {
        id,
        number: row.number,
        serviceId: svc.id,
        serviceNameVi: svc.name_vi,
        serviceNameEn: svc.name_en,
        status: row.status,
        priorityGroup: body.priorityGroup ?? null,
        issuedAt: new Date(at).toISOString(),
        peopleAhead,
        estimatedWaitMinutes: estimateWaitMinutes(peopleAhead, l.avgMinutes, l.openCounters),
        counterNumbers: l.counterNumbers,
        trackingId,
        trackingUrl: `${ctx.config.publicUrl}/t/${trackingId}`,
      } satisfies IssuedTicket,
    };
  }

  /** After the commit: every screen hears of the tickets, then their print jobs are queued (never failing an issue). */
  function announce(queueDay: string, committed: readonly { issued: Issued; source: IssueSource }[]): void {
    for (const c of committed) if (c.issued.maskedName) remember(c.issued.row.id, c.issued.maskedName);
    for (const c of committed) ctx.realtime.emit(rooms.office(), 'ticket:issued', { ticket: toTicket(c.issued.row) });
    queue.pushServices(queueDay);
    const list = committed.map((c) => ({ ticket: c.issued.reply, source: c.source }));
    for (const listener of issuedListeners) listener(list);
  }

  /** Issues a ticket in its own transaction (scripts, tests, simulations). */
  function issue(body: IssueTicketBody, source: IssueSource = { deviceId: null }): IssuedTicket {
    const { day, result } = queue.inDay((day) => {
      const issued = issueIn(day, body);
      committing([{ ticket: issued.reply, source }]);
      return issued;
    });
    announce(day.queueDay, [{ issued: result, source }]);
    return result.reply;
  }

  /**
   * Issues a ticket and, in the same transaction, lets `link` record what it belongs to (an appointment): both are
   * committed, or neither. The reply comes after the commit.
   */
  function issueLinked(body: IssueTicketBody, source: IssueSource, link: (ticket: IssuedTicket, at: number) => void): IssuedTicket {
    const { day, result } = queue.inDay((day) => {
      const issued = issueIn(day, body, true);
      link(issued.reply, ctx.now());
      committing([{ ticket: issued.reply, source }]);
      return issued;
    });
    announce(day.queueDay, [{ issued: result, source }]);
    return result.reply;
  }

  // Group commit for the kiosks' requests: the issues that arrive in one event-loop turn share one transaction, each
  // in its own savepoint (a refused one rolls back alone), and one durable commit; every reply waits for that commit.
  let pending: { body: IssueTicketBody; source: IssueSource; resolve: (t: IssuedTicket) => void; reject: (e: unknown) => void }[] = [];
  /** The service loads read during the group commit under way (null outside one). */
  let batchLoads: Map<number, ServiceLoad> | null = null;

  function flushIssues(): void {
    const batch = pending;
    pending = [];
    let committed: { day: QueueDayState; result: ({ ok: Issued } | { err: unknown })[] };
    batchLoads = new Map();
    try {
      committed = queue.inDay((day) => {
        const result = batch.map((req): { ok: Issued } | { err: unknown } => {
          try {
            return { ok: db.transaction(() => issueIn(day, req.body))() };
          } catch (err) {
            return { err };
          }
        });
        committing(result.flatMap((out, i) => ('ok' in out ? [{ ticket: out.ok.reply, source: (batch[i] as (typeof batch)[number]).source }] : [])));
        return result;
      });
    } catch (err) {
      for (const req of batch) req.reject(err);
      return;
    } finally {
      batchLoads = null;
    }
    const done: { issued: Issued; source: IssueSource }[] = [];
    committed.result.forEach((out, i) => {
      const req = batch[i] as (typeof batch)[number];
      if ('err' in out) req.reject(out.err);
      else {
        req.resolve(out.ok.reply);
        done.push({ issued: out.ok, source: req.source });
      }
    });
    // The replies are written first (in this turn's microtasks); the pushes and print jobs follow in the next turn.
    if (done.length > 0) setImmediate(() => announce(committed.day.queueDay, done));
  }

  /** Issues a ticket with group commit (the kiosk route): resolves once the ticket is durably committed. */
  function issueSoon(body: IssueTicketBody, source: IssueSource = { deviceId: null }): Promise<IssuedTicket> {
    return new Promise((resolve, reject) => {
      if (pending.push({ body, source, resolve, reject }) === 1) setImmediate(flushIssues);
    });
  }

  /** Loads a ticket of today's queue and checks the action is allowed from its status. */
  function loadFor(ticketId: number, action: TicketAction, queueDay: string): TicketRow {
    const t = repos.tickets.byId(ticketId);
    if (!t || t.queue_day !== queueDay) fail('TICKET_NOT_FOUND');
    if (!canApply(action, t.status)) fail('INVALID_TRANSITION', { status: t.status, action });
    return t;
  }

  /** Runs a ticket change in one transaction, then pushes the ticket, the counters it left, and service figures. */
  function mutate(ticketId: number, action: TicketAction, actor: Actor, apply: (t: TicketRow, at: number, queueDay: string) => void): Ticket {
    const { day, result: out } = queue.inDay((day) => {
        const t = loadFor(ticketId, action, day.queueDay);
        const at = ctx.now();
        apply(t, at, day.queueDay);
        repos.audit.write(at, actor, { action: `ticket.${action}`, targetType: 'ticket', targetId: t.id, details: { number: t.number, counterId: actor.counterId } });
        return { before: t, after: repos.tickets.byId(ticketId) as TicketRow };
      });
    const ticket = toTicket(out.after);
    ctx.realtime.emit(rooms.office(), 'ticket:updated', { ticket });
    if (out.before.counter_id !== null) queue.pushCounter(day.queueDay, out.before.counter_id);
    queue.pushServices(day.queueDay);
    return ticket;
  }

  function transfer(ticketId: number, body: TransferBody, actor: Actor): Ticket {
    return mutate(ticketId, 'transfer', actor, (t, at, queueDay) => {
      let serviceId = t.service_id;
      let target: number | null = null;
      if (body.serviceId !== undefined) {
        const svc = repos.catalog.serviceById(body.serviceId);
        if (!svc || svc.active !== 1) fail('SERVICE_NOT_FOUND');
        serviceId = svc.id;
      } else if (body.counterId !== undefined) {
        const counter = repos.catalog.counterById(body.counterId) ?? fail('COUNTER_NOT_FOUND');
        target = counter.id;
      }
      const front = queue.settings().transferPosition === 'front';
      const head = repos.tickets.frontSortKey(queueDay, serviceId);
      const sortKey = front ? Math.min(head ?? at, t.sort_key) - 1 : at;
      repos.tickets.update(t.id, {
        status: 'waiting',
        service_id: serviceId,
        target_counter_id: target,
        sort_key: sortKey,
        counter_id: null,
        staff_id: null,
        called_at: null,
        started_at: null,
        transfer_count: t.transfer_count + 1,
      });
      repos.tickets.logEvent({
        ticketId: t.id,
        type: 'transferred',
        at,
        counterId: actor.counterId,
        staffId: actor.userId,
        data: { fromServiceId: t.service_id, toServiceId: serviceId, toCounterId: target, fromStatus: t.status },
      });
    });
  }

  function reactivate(ticketId: number, actor: Actor): Ticket {
    return mutate(ticketId, 'reactivate', actor, (t, at) => {
      repos.tickets.update(t.id, { status: 'waiting', counter_id: null, staff_id: null, finished_at: null, sort_key: at });
      repos.tickets.logEvent({ ticketId: t.id, type: 'reactivated', at, counterId: actor.counterId, staffId: actor.userId });
    });
  }

  function cancel(ticketId: number, actor: Actor): Ticket {
    return mutate(ticketId, 'cancel', actor, (t, at) => {
      repos.tickets.update(t.id, { status: 'cancelled', finished_at: at });
      repos.tickets.logEvent({ ticketId: t.id, type: 'cancelled', at, counterId: actor.counterId, staffId: actor.userId, data: { reason: 'staff' } });
    });
  }

  function remember(ticketId: number, maskedName: string): void {
    holders.set(ticketId, maskedName);
    if (holders.size > HOLDERS_KEPT) holders.delete(holders.keys().next().value as number);
  }

  /** The masked name the kiosk scanned for a ticket being called or served, or null (none, or the hub restarted). */
  function holderOf(ticketId: number): string | null {
    const t = repos.tickets.byId(ticketId) ?? fail('TICKET_NOT_FOUND');
    return t.status === 'called' || t.status === 'serving' ? (holders.get(ticketId) ?? null) : null;
  }

  /** Subscribes to committed issues, after their pushes (the printing plugin wakes the printers). */
  const onIssued = (listener: IssuedListener): void => {
    issuedListeners.push(listener);
  };
  /** Subscribes to issues inside their commit's transaction (the printing plugin queues the paper tickets). */
  const onIssuing = (listener: IssuedListener): void => {
    issuingListeners.push(listener);
  };

  return { issue, issueSoon, issueLinked, onIssued, onIssuing, transfer, reactivate, cancel, holderOf };
}

export type TicketService = ReturnType<typeof ticketService>;
