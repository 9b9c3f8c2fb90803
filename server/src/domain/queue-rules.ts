import type { CallingMode } from '@shared/schemas/office';

/** A ticket that could be called, as the calling policy sees it. */
export interface Candidate {
  id: number;
  serviceId: number;
  priority: boolean;
  sortKey: number;
  /** Set when the ticket was transferred to one specific counter. */
  targetCounterId: number | null;
}

/** What a counter's choice depends on. */
export interface CallingPolicy {
  counterId: number;
  mode: CallingMode;
  /** Interleave mode: normal tickets to call before one priority ticket. */
  normalPerPriority: number;
  /** Normal tickets this counter called since its last priority ticket. */
  normalsSincePriority: number;
  /** Services served at the counter → weight (higher is called first). */
  weights: ReadonlyMap<number, number>;
}

/** The chosen ticket and the counter's updated interleave counter. */
export interface Choice {
  ticket: Candidate;
  normalsSincePriority: number;
}

/** Tickets sent to this very counter come before any service weight. */
const TARGETED_WEIGHT = Number.MAX_SAFE_INTEGER;

function weightOf(c: Candidate, p: CallingPolicy): number | undefined {
  if (c.targetCounterId !== null) return c.targetCounterId === p.counterId ? TARGETED_WEIGHT : undefined;
  return p.weights.get(c.serviceId);
}

function best(list: { c: Candidate; w: number }[]): Candidate | undefined {
  let top: { c: Candidate; w: number } | undefined;
  for (const x of list) {
    if (
      !top ||
      x.w > top.w ||
      (x.w === top.w && (x.c.sortKey < top.c.sortKey || (x.c.sortKey === top.c.sortKey && x.c.id < top.c.id)))
    ) {
      top = x;
    }
  }
  return top?.c;
}

/**
 * Picks the next ticket for a counter. Within a class (priority or normal) the highest service weight
 * wins, then queue order. Strict mode: any waiting priority ticket goes first. Interleave mode: after
 * `normalPerPriority` normal tickets one priority ticket, or a priority ticket whenever no normal one waits.
 */
export function selectNext(candidates: readonly Candidate[], policy: CallingPolicy): Choice | null {
  const priority: { c: Candidate; w: number }[] = [];
  const normal: { c: Candidate; w: number }[] = [];
  for (const c of candidates) {
    const w = weightOf(c, policy);
    if (w === undefined) continue;
    (c.priority ? priority : normal).push({ c, w });
  }
  const takePriority =
    priority.length > 0 &&
    (policy.mode === 'strict' || normal.length === 0 || policy.normalsSincePriority >= policy.normalPerPriority);
  const ticket = best(takePriority ? priority : normal);
  if (!ticket) return null;
  return { ticket, normalsSincePriority: takePriority ? 0 : policy.normalsSincePriority + 1 };
}

/** Where a waiting ticket stands in its service's queue: tickets of its own class before it, and the class sizes. */
export interface QueuePlace {
  priority: boolean;
  /** Waiting tickets of the same class (priority or normal) queued before it. */
  sameClassAhead: number;
  /** All waiting priority and normal tickets of the service, itself excluded. */
  priorityWaiting: number;
  normalWaiting: number;
}

/**
 * How many people will be called before a waiting ticket, under the office's calling rule (what the ticket and the
 * phone say). Strict: every priority ticket goes first. Interleave: one priority ticket after every
 * `normalPerPriority` normal ones (the service seen as one stream; a counter's own phase is ignored).
 */
export function peopleAheadUnder(place: QueuePlace, mode: CallingMode, normalPerPriority: number): number {
  const { sameClassAhead: k, priorityWaiting, normalWaiting } = place;
  if (mode === 'strict') return place.priority ? k : priorityWaiting + k;
  const perPriority = Math.max(1, normalPerPriority);
  // The (k+1)-th priority ticket comes after (k+1) runs of normals; the (k+1)-th normal after ⌊k / n⌋ priority tickets.
  return place.priority ? k + Math.min(normalWaiting, perPriority * (k + 1)) : k + Math.min(priorityWaiting, Math.floor(k / perPriority));
}
