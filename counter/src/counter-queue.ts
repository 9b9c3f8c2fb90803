import type { CounterState } from '@shared/schemas/counter';
import type { Ticket } from '@shared/schemas/ticket';

/** Where this counter's tickets stand: what `selectNext` on the hub would consider, in the same order. */
type CounterLike = Pick<CounterState, 'id' | 'services'>;

function weightFor(t: Ticket, counter: CounterLike, weights: ReadonlyMap<number, number>): number | undefined {
  if (t.targetCounterId !== null) return t.targetCounterId === counter.id ? Number.MAX_SAFE_INTEGER : undefined;
  return weights.get(t.serviceId);
}

/**
 * Waiting tickets this counter can call, in the order "call next" takes them with the office's default
 * strict policy: tickets transferred to this counter first, then priority tickets, then higher service
 * weight, then queue order (sortKey, id). Tickets transferred to another counter are left out.
 */
export function waitingForCounter(tickets: readonly Ticket[], counter: CounterLike | null): Ticket[] {
  if (!counter) return [];
  const weights = new Map(counter.services.map((s) => [s.serviceId, s.weight]));
  const rows: { t: Ticket; w: number }[] = [];
  for (const t of tickets) {
    if (t.status !== 'waiting') continue;
    const w = weightFor(t, counter, weights);
    if (w !== undefined) rows.push({ t, w });
  }
  rows.sort((a, b) => {
    const pa = a.t.priority ? 1 : 0;
    const pb = b.t.priority ? 1 : 0;
    const targetedA = a.w === Number.MAX_SAFE_INTEGER ? 1 : 0;
    const targetedB = b.w === Number.MAX_SAFE_INTEGER ? 1 : 0;
    return targetedB - targetedA || pb - pa || b.w - a.w || a.t.sortKey - b.t.sortKey || a.t.id - b.t.id;
  });
  return rows.map((r) => r.t);
}

/** Tickets this counter put on hold (parked), oldest first. */
export function parkedForCounter(tickets: readonly Ticket[], counterId: number | null): Ticket[] {
  if (counterId === null) return [];
  return tickets.filter((t) => t.status === 'parked' && t.counterId === counterId).sort((a, b) => a.sortKey - b.sortKey || a.id - b.id);
}

/** Whole minutes from `fromIso` to `now` (never negative). */
export function minutesSince(fromIso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
}

/** Tickets whose number matches what the clerk typed: "A012", "a12" or "12" (digits compared as numbers). */
export function matchTicketNumber(tickets: readonly Ticket[], query: string): Ticket[] {
  const q = query.trim().toUpperCase().replace(/\s+/g, '');
  if (!q) return [...tickets];
  const m = /^([A-Z]*)0*(\d*)$/.exec(q);
  return tickets.filter((t) => {
    const n = /^([A-Z]*)0*(\d+)$/.exec(t.number.toUpperCase());
    if (!m || !n) return t.number.toUpperCase().includes(q);
    const [, qPrefix = '', qDigits = ''] = m;
    const [, tPrefix = '', tDigits = ''] = n;
    if (qPrefix && qPrefix !== tPrefix) return false;
    if (!qDigits) return true;
    return tDigits === qDigits;
  });
}
