import { rooms } from '@shared/rooms';
import type { CounterState } from '@shared/schemas/counter';
import type { Ticket } from '@shared/schemas/ticket';
import { canApply, type TicketAction } from '../domain/lifecycle';
import { selectNext, type Candidate } from '../domain/queue-rules';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { CounterRow } from '../repositories/catalog-repository';
import { toCallRecord, toTicket, type TicketPatch, type TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';


interface CommandScope {
  counter: CounterRow;
  queueDay: string;
  at: number;
  actor: StaffActor;
  /** Tickets changed by the command, pushed as `ticket:updated` after commit. */
  changed: Set<number>;
  /** The ticket called by the command, pushed as `ticket:called`. */
  called?: { id: number; recall: boolean };
  /** The ticket the command finished: offered to the counter's rating tablet after commit. */
  finished?: number;
}

/**
 * Counter commands: open/close and every queue action of the console. One transaction each, pushes after commit.
 * `onFinished` runs after the commit of a command that finished a ticket (the rating tablet's request).
 */
export function counterService(ctx: ServiceContext, queue: QueueService, onFinished: (ticketId: number) => void = () => {}) {
  const { repos } = ctx;

  function change(scope: CommandScope, t: TicketRow, patch: TicketPatch, event: string, data?: unknown): void {
    repos.tickets.update(t.id, patch);
    repos.tickets.logEvent({ ticketId: t.id, type: event, at: scope.at, counterId: scope.counter.id, staffId: scope.actor.userId, data });
    repos.audit.write(scope.at, scope.actor, { action: `ticket.${event}`, targetType: 'ticket', targetId: t.id, details: { number: t.number, counterId: scope.counter.id } });
    scope.changed.add(t.id);
    if (event === 'finished') scope.finished = t.id;
  }

  function callTicket(scope: CommandScope, t: TicketRow): void {
    change(scope, t, { status: 'called', called_at: scope.at, started_at: null, counter_id: scope.counter.id, staff_id: scope.actor.userId, target_counter_id: null }, 'called');
    scope.called = { id: t.id, recall: false };
  }

  /** Ends the counter's current ticket before it calls another: the citizen was served. */
  function finishCurrent(scope: CommandScope): void {
    const cur = repos.tickets.currentAt(scope.counter.id);
    if (cur) change(scope, cur, { status: 'done', finished_at: scope.at }, 'finished');
  }

  function emitAfter(queueDay: string, counterId: number, scope: Pick<CommandScope, 'changed' | 'called' | 'finished' | 'at'>): void {
    // The call goes out alone, first: it is what the waiting room is listening for. The other tickets the command
    // changed (the one it finished) follow with the derived pushes.
    const called = scope.called;
    if (called) {
      const row = repos.tickets.byId(called.id) as TicketRow;
      const counter = repos.catalog.counterById(counterId) as CounterRow;
      const call = toCallRecord({
        ticket_id: called.id,
        type: called.recall ? 'recalled' : 'called',
        // A recall is announced at the time of the recall, not of the first call.
        at: called.recall ? scope.at : (row.called_at ?? scope.at),
        counter_id: counterId,
        number: row.number,
        service_id: row.service_id,
        priority_group: row.priority_group,
        counter_number: counter.number,
        counter_name: counter.name,
      });
      ctx.realtime.emit(rooms.office(), 'ticket:called', { ticket: toTicket(row), call });
    }
    for (const id of scope.changed) {
      if (id === called?.id) continue;
      if (called) {
        queue.pushTicketLater(id);
        continue;
      }
      const row = repos.tickets.byId(id);
      if (row) ctx.realtime.emit(rooms.office(), 'ticket:updated', { ticket: toTicket(row) });
    }
    queue.pushCounter(queueDay, counterId);
    queue.pushServices(queueDay);
    if (scope.finished !== undefined) onFinished(scope.finished);
  }

  /** Runs `fn` at a counter the actor has opened, in one transaction on the current day, then pushes the changes. */
  function atCounter<T>(counterId: number, actor: StaffActor, fn: (scope: CommandScope) => T, supervising = false): T {
    const { result } = queue.inDay((day) => {
      const counter = repos.catalog.counterById(counterId) ?? fail('COUNTER_NOT_FOUND');
      if (!supervising && counter.staff_id !== actor.userId) fail('NOT_AT_COUNTER');
      const scope: CommandScope = { counter, queueDay: day.queueDay, at: ctx.now(), actor, changed: new Set() };
      return { scope, value: fn(scope) };
    });
    emitAfter(result.scope.queueDay, counterId, result.scope);
    return result.value;
  }

  /** A queue action at a counter; replies with the ticket acted on, as committed. */
  function command(counterId: number, actor: StaffActor, fn: (scope: CommandScope) => TicketRow): Ticket {
    const ticket = atCounter(counterId, actor, fn);
    return toTicket(repos.tickets.byId(ticket.id) as TicketRow);
  }

  function current(scope: CommandScope, action: TicketAction): TicketRow {
    const cur = repos.tickets.currentAt(scope.counter.id) ?? fail('NO_CURRENT_TICKET');
    if (!canApply(action, cur.status)) fail('INVALID_TRANSITION', { status: cur.status, action });
    return cur;
  }

  function candidates(scope: CommandScope, serviceIds: readonly number[]): Candidate[] {
    return repos.tickets.headsFor(scope.queueDay, scope.counter.id, serviceIds).map((t) => ({
      id: t.id,
      serviceId: t.service_id,
      priority: t.priority_group !== null,
      sortKey: t.sort_key,
      targetCounterId: t.target_counter_id,
    }));
  }

  function weights(counterId: number): Map<number, number> {
    return new Map((repos.catalog.counterServices().get(counterId) ?? []).map((l) => [l.serviceId, l.weight]));
  }

  function callNext(counterId: number, actor: StaffActor): Ticket {
    return command(counterId, actor, (scope) => {
      finishCurrent(scope);
      const s = queue.settings();
      const w = weights(counterId);
      const choice =
        selectNext(candidates(scope, [...w.keys()]), {
          counterId,
          mode: s.callingMode,
          normalPerPriority: s.normalPerPriority,
          normalsSincePriority: scope.counter.normals_since_priority,
          weights: w,
        }) ?? fail('QUEUE_EMPTY');
      repos.catalog.setNormalsSincePriority(counterId, choice.normalsSincePriority);
      const t = repos.tickets.byId(choice.ticket.id) as TicketRow;
      callTicket(scope, t);
      return t;
    });
  }

  function callSpecific(counterId: number, ticketId: number, actor: StaffActor): Ticket {
    return command(counterId, actor, (scope) => {
      const t = repos.tickets.byId(ticketId);
      if (!t || t.queue_day !== scope.queueDay) fail('TICKET_NOT_FOUND');
      if (!canApply('call', t.status)) fail('INVALID_TRANSITION', { status: t.status, action: 'call' });
      const servable =
        t.target_counter_id === counterId ||
        (t.status === 'parked' && t.counter_id === counterId) ||
        (t.target_counter_id === null && weights(counterId).has(t.service_id));
      if (!servable) fail('SERVICE_NOT_AT_COUNTER');
      finishCurrent(scope);
      callTicket(scope, t);
      return t;
    });
  }

  function recall(counterId: number, actor: StaffActor): Ticket {
    return command(counterId, actor, (scope) => {
      const t = current(scope, 'recall');
      change(scope, t, { recall_count: t.recall_count + 1 }, 'recalled');
      scope.called = { id: t.id, recall: true };
      return t;
    });
  }

  const simple = (action: TicketAction, patch: (t: TicketRow, at: number) => TicketPatch, event: string) =>
    (counterId: number, actor: StaffActor): Ticket =>
      command(counterId, actor, (scope) => {
        const t = current(scope, action);
        change(scope, t, patch(t, scope.at), event);
        return t;
      });

  const start = simple('start', (_t, at) => ({ status: 'serving', started_at: at }), 'started');
  const finish = simple('finish', (_t, at) => ({ status: 'done', finished_at: at }), 'finished');
  const noShow = simple('no_show', (t, at) => ({ status: 'no_show', finished_at: at, no_show_count: t.no_show_count + 1 }), 'no_show');
  const park = simple('park', () => ({ status: 'parked' }), 'parked');

  function pushCounters(queueDay: string, ids: Iterable<number>): void {
    for (const id of new Set(ids)) queue.pushCounter(queueDay, id);
    queue.pushServices(queueDay);
  }

  /** Binds the staff member's session to a counter. A counter held by another live session is refused. */
  function open(counterId: number, actor: StaffActor, sessionId: string): CounterState {
    const { day, result: touched } = queue.inDay(() => {
      const counter = repos.catalog.counterById(counterId) ?? fail('COUNTER_NOT_FOUND');
      if (counter.staff_id !== null && counter.staff_id !== actor.userId && counter.session_id && repos.users.session(counter.session_id)) {
        fail('COUNTER_TAKEN');
      }
      const previous = repos.catalog.counterOfStaff(actor.userId);
      const at = ctx.now();
      if (previous && previous.id !== counterId) {
        repos.events.counter('counter.closed', previous.id, at);
        repos.catalog.setCounterStaff(previous.id, null, null);
      }
      repos.catalog.setCounterStaff(counterId, actor.userId, sessionId);
      if (previous?.id !== counterId) repos.events.counter('counter.opened', counterId, at);
      repos.audit.write(ctx.now(), actor, { action: 'counter.open', targetType: 'counter', targetId: counterId });
      return previous ? [previous.id, counterId] : [counterId];
    });
    pushCounters(day.queueDay, touched);
    return queue.counterState(day.queueDay, counterId) as CounterState;
  }

  /**
   * Frees the counter. A ticket being served is finished; one called but not started goes back to the queue.
   * `supervising`: a supervisor closes a counter someone else left open (the route checks the role).
   */
  function close(counterId: number, actor: StaffActor, supervising = false): CounterState {
    const queueDay = atCounter(counterId, actor, (scope) => {
      const cur = repos.tickets.currentAt(counterId);
      if (cur?.status === 'serving') change(scope, cur, { status: 'done', finished_at: scope.at }, 'finished');
      else if (cur) change(scope, cur, { status: 'waiting', counter_id: null, staff_id: null, called_at: null }, 'returned');
      repos.events.counter('counter.closed', counterId, scope.at);
      repos.catalog.setCounterStaff(counterId, null, null);
      repos.audit.write(scope.at, actor, {
        action: 'counter.close',
        targetType: 'counter',
        targetId: counterId,
        ...(supervising ? { details: { staffId: scope.counter.staff_id, bySupervisor: true } } : {}),
      });
      return scope.queueDay;
    }, supervising);
    return queue.counterState(queueDay, counterId) as CounterState;
  }

  return { open, close, callNext, callSpecific, recall, start, finish, noShow, park };
}

export type CounterService = ReturnType<typeof counterService>;
