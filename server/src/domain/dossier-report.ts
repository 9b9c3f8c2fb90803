/** One dossier as the II.06a report sees it (times in epoch ms). */
export interface DossierFacts {
  /** Clock start: null when the dossier was never accepted (refused or still incomplete at intake). */
  receivedAt: number | null;
  dueAt: number | null;
  /** Submitted online on the public service portal (II.06a counts those apart from in person and by post). */
  online: boolean;
  /** Its event log in order (types as written by the dossier service, e.g. "ready", "refuse", "intake.refuse"). */
  events: readonly { type: string; at: number; data: unknown }[];
}

/** Counts of one row of Biểu II.06a/VPCP/KSTT (plus results handed over, refusals and withdrawals). */
export interface DossierCounts {
  received: number;
  carriedOver: number;
  receivedNew: number;
  /** Of the new ones: submitted online, and in person or by post. */
  receivedOnline: number;
  receivedInPerson: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
  resultsReturned: number;
  refused: number;
  withdrawn: number;
}

/** A row of zeros. */
export const emptyDossierCounts = (): DossierCounts => ({
  received: 0,
  carriedOver: 0,
  receivedNew: 0,
  receivedOnline: 0,
  receivedInPerson: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  inProgress: 0,
  inProgressOnTime: 0,
  inProgressOverdue: 0,
  resultsReturned: 0,
  refused: 0,
  withdrawn: 0,
});

/** Adds `b` into `a`. */
export function addCounts(a: DossierCounts, b: DossierCounts): void {
  for (const k of Object.keys(a) as (keyof DossierCounts)[]) a[k] += b[k];
}

const firstAt = (d: DossierFacts, types: readonly string[]) => d.events.find((e) => types.includes(e.type))?.at ?? null;

/**
 * The due date the report judges against: a rescheduled dossier (Mẫu 04) stays late against the date it missed,
 * so the first reschedule's old date wins over the new one.
 */
export function dueForReport(d: DossierFacts): number | null {
  const first = d.events.find((e) => e.type === 'reschedule');
  const old = (first?.data as { oldDueAt?: number | null } | null | undefined)?.oldDueAt;
  return typeof old === 'number' ? old : d.dueAt;
}

/**
 * Where one dossier counts in the period [p0, p1) (domain.md §8): received (carried over: accepted before p0 and not
 * finished by then; new: accepted within, online or in person/by post); resolved = result ready within the period, early/on time/late by local
 * day against the due date; in progress at p1, overdue when due before p1; plus refusals, withdrawals and results
 * handed over within the period. `dayOf` gives the office's local day of an instant.
 */
export function classifyDossier(d: DossierFacts, p0: number, p1: number, dayOf: (ms: number) => string): DossierCounts {
  const c = emptyDossierCounts();
  const inPeriod = (t: number | null) => t !== null && t >= p0 && t < p1;
  for (const e of d.events) {
    if (!inPeriod(e.at)) continue;
    if (e.type === 'refuse' || e.type === 'intake.refuse') c.refused += 1;
    else if (e.type === 'withdraw') c.withdrawn += 1;
    else if (e.type === 'return') c.resultsReturned += 1;
  }
  if (d.receivedAt === null) return c;
  const endAt = firstAt(d, ['ready', 'refuse', 'withdraw']);
  const resolvedAt = firstAt(d, ['ready']);
  const due = dueForReport(d);
  if (d.receivedAt < p0 && (endAt === null || endAt >= p0)) c.carriedOver = 1;
  if (inPeriod(d.receivedAt)) {
    c.receivedNew = 1;
    if (d.online) c.receivedOnline = 1;
    else c.receivedInPerson = 1;
  }
  c.received = c.carriedOver + c.receivedNew;
  if (inPeriod(resolvedAt) && resolvedAt !== null) {
    c.resolved = 1;
    const done = dayOf(resolvedAt);
    const dueDay = due === null ? done : dayOf(due);
    if (done < dueDay) c.resolvedEarly = 1;
    else if (done === dueDay) c.resolvedOnTime = 1;
    else c.resolvedLate = 1;
  }
  if (d.receivedAt < p1 && (endAt === null || endAt >= p1)) {
    c.inProgress = 1;
    if (due !== null && due < p1) c.inProgressOverdue = 1;
    else c.inProgressOnTime = 1;
  }
  return c;
}
