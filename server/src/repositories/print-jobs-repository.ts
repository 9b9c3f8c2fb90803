import type { PrintJobStatus } from '@shared/schemas/printer';
import type { Db } from '../db';

/** Pending jobs are counted up to this many (an office's printer has a handful; a status push must stay cheap). */
export const PENDING_COUNT_CAP = 1000;

/** Kind of print job. */
export type PrintJobKind = 'ticket' | 'reprint' | 'test';

/** A print_jobs row. */
export interface PrintJobRow {
  id: number;
  printer_id: number;
  ticket_id: number | null;
  kind: PrintJobKind;
  payload: string;
  status: PrintJobStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  printed_at: number | null;
}

/** SQL for the persisted print queue. */
export function printJobsRepository(db: Db) {
  const s = {
    insert: db.prepare(
      'INSERT INTO print_jobs (printer_id, ticket_id, kind, payload, next_attempt_at, created_at) VALUES (@printer_id, @ticket_id, @kind, @payload, @next_attempt_at, @created_at)',
    ),
    byId: db.prepare<[number], PrintJobRow>('SELECT * FROM print_jobs WHERE id = ?'),
    next: db.prepare<[number], PrintJobRow>("SELECT * FROM print_jobs WHERE printer_id = ? AND status = 'pending' ORDER BY id LIMIT 1"),
    // Counted up to PENDING_COUNT_CAP: the screens show "1000+" past it, and a long queue is never read whole.
    pendingCount: db.prepare<[number, number], { n: number }>(
      "SELECT COUNT(*) AS n FROM (SELECT 1 FROM print_jobs WHERE printer_id = ? AND status = 'pending' LIMIT ?)",
    ),
    pendingPrinters: db.prepare<[], { printer_id: number }>("SELECT DISTINCT printer_id FROM print_jobs WHERE status = 'pending'"),
    done: db.prepare<[number, number]>("UPDATE print_jobs SET status = 'done', printed_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'pending'"),
    failed: db.prepare<[string, number, number]>("UPDATE print_jobs SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'"),
    due: db.prepare<[number]>("UPDATE print_jobs SET next_attempt_at = 0 WHERE printer_id = ? AND status = 'pending'"),
    close: db.prepare<[PrintJobStatus, number]>("UPDATE print_jobs SET status = ? WHERE id = ? AND status = 'pending'"),
    recent: db.prepare<[number], PrintJobRow>('SELECT * FROM print_jobs ORDER BY id DESC LIMIT ?'),
    lastForTicket: db.prepare<[number], PrintJobRow>('SELECT * FROM print_jobs WHERE ticket_id = ? ORDER BY id DESC LIMIT 1'),
  };
  return {
    insert: (row: Pick<PrintJobRow, 'printer_id' | 'ticket_id' | 'kind' | 'payload' | 'next_attempt_at' | 'created_at'>): number =>
      Number(s.insert.run(row).lastInsertRowid),
    byId: (id: number): PrintJobRow | undefined => s.byId.get(id),
    /** The oldest pending job of a printer: jobs print in issue order. */
    next: (printerId: number): PrintJobRow | undefined => s.next.get(printerId),
    /** Jobs waiting for a printer, counted up to PENDING_COUNT_CAP. */
    pendingCount: (printerId: number): number => s.pendingCount.get(printerId, PENDING_COUNT_CAP)?.n ?? 0,
    printersWithPending: (): number[] => s.pendingPrinters.all().map((r) => r.printer_id),
    /** Marks a job printed; false when it was not pending any more (never printed twice). */
    markDone: (id: number, at: number): boolean => s.done.run(at, id).changes === 1,
    markFailed: (id: number, error: string, nextAttemptAt: number): void => {
      s.failed.run(error.slice(0, 300), nextAttemptAt, id);
    },
    /** Makes a printer's waiting jobs due now (it came back online). */
    makeDue: (printerId: number): void => {
      s.due.run(printerId);
    },
    close: (id: number, status: 'expired' | 'cancelled'): void => {
      s.close.run(status, id);
    },
    recent: (limit: number): PrintJobRow[] => s.recent.all(limit),
    lastForTicket: (ticketId: number): PrintJobRow | undefined => s.lastForTicket.get(ticketId),
  };
}

export type PrintJobsRepository = ReturnType<typeof printJobsRepository>;
