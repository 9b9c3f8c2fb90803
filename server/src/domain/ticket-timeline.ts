/** One entry of a ticket's event log, as far as reports need it. */
export interface TimelineEvent {
  type: string;
  at: number;
}

/** What a ticket's event log says about the citizen's wait and the time spent serving them. */
export interface TicketTimes {
  /** Issue → first call; null when never called. */
  waitMs: number | null;
  /** Time at counters ending in a finish (from start of service, or from the call when never started), summed over
   *  every counter that served the ticket (transfers, parking); null when the ticket was never finished. */
  serviceMs: number | null;
}

/**
 * Folds a ticket's events (in log order) into its wait and service time. Pure: the event log is the source of
 * truth because ticket columns are overwritten by transfers and recalls.
 */
export function ticketTimes(issuedAt: number, events: readonly TimelineEvent[]): TicketTimes {
  let firstCall: number | null = null;
  let segmentStart: number | null = null;
  let serving = false;
  let serviceMs = 0;
  let finished = false;
  const close = (at: number, counts: boolean) => {
    if (counts && segmentStart !== null) serviceMs += Math.max(0, at - segmentStart);
    segmentStart = null;
    serving = false;
  };
  for (const e of events) {
    switch (e.type) {
      case 'called':
        firstCall ??= e.at;
        segmentStart = e.at;
        serving = false;
        break;
      case 'started':
        segmentStart = e.at;
        serving = true;
        break;
      case 'finished':
        if (segmentStart !== null) finished = true;
        close(e.at, true);
        break;
      case 'transferred':
      case 'parked':
        close(e.at, serving);
        break;
      case 'no_show':
      case 'returned':
      case 'cancelled':
        close(e.at, false);
        break;
      default:
        break;
    }
  }
  return { waitMs: firstCall === null ? null : Math.max(0, firstCall - issuedAt), serviceMs: finished ? serviceMs : null };
}
