import type { ServerToClientEvents } from '@shared/events';
import { rooms } from '@shared/rooms';
import type { TrackedTicket } from '@shared/schemas/track';
import { estimateWaitMinutes } from '../domain/eta';
import { fail } from '../errors';
import type { TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import { peopleAheadUnder, type QueuePlace } from '../domain/queue-rules';
import type { QueueDayState, QueueService } from './queue-service';

/** Position pushes are coalesced: at most one recomputation per this many ms, whatever the call rate. */
export const POSITION_PUSH_MS = 300;

type Load = ReturnType<QueueService['serviceLoad']>;
type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** One tracked ticket: how many phones follow it, and what they were last sent (to push only real changes). */
interface Listening {
  trackingId: string;
  sockets: number;
  last: string;
  waiting: boolean;
  /** Place, wait and threshold last sent while waiting: a pass skips the phone without any lookup when they hold. */
  figures: string;
}

const figuresOf = (t: Pick<TrackedTicket, 'status' | 'peopleAhead' | 'estimatedWaitMinutes' | 'notifyPeopleAhead'>) =>
  t.status === 'waiting' ? `${t.peopleAhead}|${t.estimatedWaitMinutes}|${t.notifyPeopleAhead}` : '';

/**
 * Live tracking of tickets on citizens' phones. A phone joins the room of its ticket only, so the office's
 * pushes never reach it. What it receives is derived, after commit, from the office pushes (see `observe`):
 * - a change of the tracked ticket itself (called, recalled, transferred, finished…) is pushed at once;
 * - position and wait estimates are recomputed at most once per POSITION_PUSH_MS, in one indexed query over today's
 *   waiting tickets, and only for tickets some phone follows right now; a phone whose place, wait and threshold are
 *   unchanged costs a map lookup, and gets a push only when its figures changed.
 * Issuing a ticket moves nobody forward (a new ticket joins the back), so issuing costs trackers nothing.
 */
export function trackService(ctx: ServiceContext, queue: QueueService) {
  const { repos } = ctx;
  const listening = new Map<number, Listening>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fullPass = false;
  let pushes = 0;

  const queueDay = () => repos.settings.read<QueueDayState>('queueDay')?.queueDay ?? '';

  function view(row: TicketRow, ahead: number | null, load: Load | null): TrackedTicket {
    const s = queue.settings();
    const svc = repos.catalog.serviceById(row.service_id);
    const counter = row.counter_id !== null && ['called', 'serving', 'done'].includes(row.status) ? repos.catalog.counterById(row.counter_id) : undefined;
    const waiting = row.status === 'waiting' && row.queue_day === queueDay();
    const peopleAhead = waiting ? (ahead ?? queue.peopleAhead(row)) : null;
    const l = waiting ? (load?.get(row.service_id) ?? queue.loadOf(row.queue_day, row.service_id)) : undefined;
    const rated = row.status === 'done' && repos.ratings.byTicket(row.id) !== undefined;
    return {
      number: row.number,
      serviceNameVi: svc?.name_vi ?? '',
      serviceNameEn: svc?.name_en ?? '',
      status: row.status,
      businessDay: row.business_day,
      issuedAt: new Date(row.issued_at).toISOString(),
      peopleAhead,
      estimatedWaitMinutes: peopleAhead === null ? null : estimateWaitMinutes(peopleAhead, l?.avgMinutes ?? s.defaultServiceMinutes, l?.openCounters ?? 0),
      counterNumber: counter?.number ?? null,
      counterName: counter?.name ?? null,
      calledAt: row.called_at === null ? null : new Date(row.called_at).toISOString(),
      recallCount: row.recall_count,
      notifyPeopleAhead: s.notifyPeopleAhead,
      nearTurn: peopleAhead !== null && peopleAhead <= s.notifyPeopleAhead,
      officeName: s.name,
      rating: { scale: s.ratingScale, open: row.status === 'done' && !rated, rated },
    };
  }

  function remember(entry: Listening, ticket: TrackedTicket, json: string): void {
    entry.last = json;
    entry.waiting = ticket.status === 'waiting';
    entry.figures = figuresOf(ticket);
  }

  /**
   * The public view of a ticket (`GET /api/track/:trackingId`). A phone reads it on every connect; when it is the
   * ticket's only follower, what it read becomes the base of the next comparison, so the next pass sends it only changes.
   */
  function get(trackingId: string): TrackedTicket {
    const row = repos.tickets.byTrackingId(trackingId) ?? fail('TICKET_NOT_FOUND');
    const ticket = view(row, null, null);
    const entry = listening.get(row.id);
    if (entry?.sockets === 1) remember(entry, ticket, JSON.stringify(ticket));
    return ticket;
  }

  /** Sends a tracked ticket's view to its phones when it differs from what they were last sent (or always, for a call). */
  function push(entry: Listening, ticket: TrackedTicket, call?: Payload<'track:updated'>['call']): void {
    const json = JSON.stringify(ticket);
    if (!call && json === entry.last) return;
    remember(entry, ticket, json);
    pushes++;
    ctx.realtime.emit(rooms.ticket(entry.trackingId), 'track:updated', call ? { ticket, call } : { ticket });
  }

  function pushTicket(ticketId: number, call?: Payload<'track:updated'>['call']): void {
    const entry = listening.get(ticketId);
    const row = entry && repos.tickets.byId(ticketId);
    if (entry && row) push(entry, view(row, null, null), call);
  }

  /** Recomputes positions of followed waiting tickets (or, after a day reset, every followed ticket). */
  function recompute(): void {
    clearTimeout(timer);
    timer = undefined;
    const all = fullPass;
    fullPass = false;
    if (listening.size === 0) return;
    const day = queueDay();
    // One pass over today's waiting tickets: each followed ticket's place in its class, and each service's class sizes.
    const places = new Map<number, { place: QueuePlace; serviceId: number }>();
    const classes = new Map<number, { priority: number; normal: number }>();
    for (const w of repos.tickets.waitingOrder(day)) {
      const c = classes.get(w.service_id) ?? { priority: 0, normal: 0 };
      classes.set(w.service_id, c);
      const priority = w.priority === 1;
      if (listening.has(w.id)) places.set(w.id, { place: { priority, sameClassAhead: priority ? c.priority : c.normal, priorityWaiting: 0, normalWaiting: 0 }, serviceId: w.service_id });
      if (priority) c.priority++;
      else c.normal++;
    }
    const s = queue.settings();
    const ahead = new Map<number, { n: number; serviceId: number }>();
    for (const [id, { place, serviceId }] of places) {
      const c = classes.get(serviceId) ?? { priority: 0, normal: 0 };
      const full = { ...place, priorityWaiting: c.priority - (place.priority ? 1 : 0), normalWaiting: c.normal - (place.priority ? 0 : 1) };
      ahead.set(id, { n: peopleAheadUnder(full, s.callingMode, s.normalPerPriority), serviceId });
    }
    const load = ahead.size > 0 ? queue.serviceLoad(day) : null;
    for (const [id, entry] of listening) {
      const a = ahead.get(id);
      if (a === undefined && !all && !entry.waiting) continue;
      if (a && !all && entry.waiting) {
        const l = load?.get(a.serviceId);
        const eta = estimateWaitMinutes(a.n, l?.avgMinutes ?? s.defaultServiceMinutes, l?.openCounters ?? 0);
        if (figuresOf({ status: 'waiting', peopleAhead: a.n, estimatedWaitMinutes: eta, notifyPeopleAhead: s.notifyPeopleAhead }) === entry.figures) continue;
      }
      const row = repos.tickets.byId(id);
      if (row) push(entry, view(row, a?.n ?? null, load));
    }
  }

  function schedule(full = false): void {
    fullPass ||= full;
    if (timer || listening.size === 0) return;
    timer = setTimeout(recompute, POSITION_PUSH_MS);
    timer.unref?.();
  }

  /**
   * Called with every push the hub makes (after commit). Derives the trackers' pushes from them, so no command has
   * to know about phones: a ticket change reaches its followers now; anything that can move a queue or change a wait
   * estimate (a call, a transfer, a counter opening, a settings change, a reset) schedules one recomputation.
   */
  function observe(event: keyof ServerToClientEvents, payload: unknown): void {
    if (listening.size === 0) return;
    if (event === 'ticket:called') {
      const { ticket, call } = payload as Payload<'ticket:called'>;
      pushTicket(ticket.id, { counterNumber: call.counterNumber, counterName: call.counterName, recall: call.recall });
      schedule();
    } else if (event === 'ticket:updated') {
      pushTicket((payload as Payload<'ticket:updated'>).ticket.id);
      schedule();
    } else if (event === 'counter:updated') {
      schedule();
    } else if (event === 'queue:reset' || event === 'office:updated') {
      // Every followed ticket may have changed (closed by the reset; office name or thresholds edited).
      schedule(true);
    }
  }

  /** The ticket of a tracking id, checked when a phone connects; undefined when unknown. */
  function lookup(trackingId: string): { ticketId: number; waiting: boolean } | undefined {
    const row = repos.tickets.byTrackingId(trackingId);
    return row ? { ticketId: row.id, waiting: row.status === 'waiting' } : undefined;
  }

  /** A phone starts following a ticket (after `lookup`). */
  function attach(ticketId: number, trackingId: string, waiting: boolean): void {
    const entry = listening.get(ticketId);
    if (entry) entry.sockets++;
    // Nothing computed here: a reconnect storm of thousands of phones costs one indexed lookup each. The phone reads
    // its view over HTTP on every connect; the next recomputation sends it only what changed after that.
    else listening.set(ticketId, { trackingId, sockets: 1, last: '', waiting, figures: '' });
  }

  /** A phone stopped following (disconnected). */
  function detach(ticketId: number): void {
    const entry = listening.get(ticketId);
    if (entry && --entry.sockets <= 0) listening.delete(ticketId);
  }

  /** The rating of a ticket changed what its page offers (no more "rate" button). */
  const rated = (ticketId: number) => pushTicket(ticketId);

  return { get, observe, lookup, attach, detach, rated, recompute, followed: () => listening.size, pushes: () => pushes, stop: () => clearTimeout(timer) };
}

export type TrackService = ReturnType<typeof trackService>;
