/** What the paper ticket says, frozen when the job is queued (stored as the job's payload). */
export interface TicketPrint {
  officeName: string;
  serviceName: string;
  number: string;
  /** Vietnamese label of the priority group, or null for a normal ticket. */
  priorityLabel: string | null;
  peopleAhead: number;
  estimatedWaitMinutes: number;
  /** Issue time in the office time zone, "dd/mm/yyyy hh:mm". */
  issuedAt: string;
  /** ASCII URL of the ticket's public tracking page (the QR code). */
  trackingUrl: string;
  /** Printed again on request (marked on the paper). */
  reprint?: boolean;
  /** A test page from the admin screen (marked on the paper). */
  test?: boolean;
}
