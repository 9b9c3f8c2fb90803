/**
 * What public channels may carry (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: collect and disclose only what the purpose
 * needs). A priority group reveals a disability or a pregnancy (health data): kiosks, displays, rating tablets and
 * anonymous callers learn only that a ticket is a priority one. Staff names reach public screens only when the office
 * chose to show them (`showStaffNames`). Staff consoles get the full payloads on room `staff`.
 */
import type { ServerToClientEvents } from '@shared/events';
import type { CounterState } from '@shared/schemas/counter';
import type { QueueSnapshot } from '@shared/schemas/queue';
import type { CallRecord, Ticket } from '@shared/schemas/ticket';

/** A ticket without its priority group and without who served it. */
export const publicTicket = (t: Ticket): Ticket => (t.priorityGroup === null && t.staffId === null ? t : { ...t, priorityGroup: null, staffId: null });

/** A call without its priority group. */
export const publicCall = (c: CallRecord): CallRecord => (c.priorityGroup === null ? c : { ...c, priorityGroup: null });

/** A counter's state without the group of its ticket, and without the officer's name unless the office shows names. */
export function publicCounter(c: CounterState, showStaffNames: boolean): CounterState {
  return {
    ...c,
    staffId: showStaffNames ? c.staffId : null,
    staffName: showStaffNames ? c.staffName : null,
    currentTicket: c.currentTicket && publicTicket(c.currentTicket),
  };
}

/** The snapshot as a kiosk, a display or an anonymous caller sees it. */
export function publicSnapshot(s: QueueSnapshot, showStaffNames: boolean): QueueSnapshot {
  return {
    ...s,
    counters: s.counters.map((c) => publicCounter(c, showStaffNames)),
    waiting: s.waiting.map(publicTicket),
    recentCalls: s.recentCalls.map(publicCall),
  };
}

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * The public form of an office-room push, or undefined when the push carries nothing to hide (sent as is).
 * Every event sent to room `office` goes through here (see createHub), so a new event carrying tickets or
 * counters must be added below.
 */
export function publicPush<E extends keyof ServerToClientEvents>(event: E, payload: Payload<E>, showStaffNames: boolean): Payload<E> | undefined {
  switch (event) {
    case 'ticket:issued':
    case 'ticket:updated': {
      const p = payload as Payload<'ticket:updated'>;
      return { ticket: publicTicket(p.ticket) } as Payload<E>;
    }
    case 'ticket:called': {
      const p = payload as Payload<'ticket:called'>;
      return { ticket: publicTicket(p.ticket), call: publicCall(p.call) } as Payload<E>;
    }
    case 'counter:updated': {
      const p = payload as Payload<'counter:updated'>;
      return { counter: publicCounter(p.counter, showStaffNames) } as Payload<E>;
    }
    default:
      return undefined;
  }
}
