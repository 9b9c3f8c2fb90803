import type { FastifyBaseLogger } from 'fastify';
import { rooms } from '@shared/rooms';
import { PAPER_DOTS, type PrinterStatus } from '@shared/schemas/printer';
import type { Realtime } from '../realtime/emitter';
import type { PrintJobRow } from '../repositories/print-jobs-repository';
import type { PrinterRow } from '../repositories/printers-repository';
import type { PrintQueueHooks, PrintService } from '../services/print-service';
import { createRenderPool } from './render-worker';
import { PRINTABLE } from './status';
import type { TicketPrint } from './ticket-print';
import { addressKind, checkHealth, sendJob, writePng, type Health, type JobOutcome } from './transport';

/** A reprint or test page older than this is dropped (tickets: the office's `expireMinutes`, 2 by default). */
export const JOB_TTL_MS = 10 * 60 * 1000;

/** A printer's queue length is pushed to the screens at most this often while jobs keep arriving. */
export const QUEUE_PUSH_MS = 200;

/** Timings of the queue (from config; short in tests). */
export interface PrintQueueOptions {
  retryBaseMs: number;
  pollMs: number;
  timeoutMs: number;
}

interface Seen extends Health {
  checkedAt: number;
}

/** Delay before retry `attempts` (1, 2, …): doubling from the base, capped at 30 × base. */
export const backoff = (attempts: number, baseMs: number): number => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), baseMs * 30);

/**
 * The process side of printing: one sender per printer (jobs in order, one at a time), retries with backoff,
 * a periodic health check, and `printer:status` pushes whenever a printer's state or queue length changes.
 * A job is marked done only after the printer confirmed it (or the transport accepted it), and never sent again.
 */
export function createPrintQueue(deps: { realtime: Realtime; now: () => number; log: FastifyBaseLogger; options: PrintQueueOptions }) {
  let service: PrintService | null = null;
  const seen = new Map<number, Seen>();
  const pushed = new Map<number, string>();
  const busy = new Set<number>();
  const retryTimers = new Map<number, NodeJS.Timeout>();
  let pollTimer: NodeJS.Timeout | null = null;
  let closed = false;
  const idle: (() => void)[] = [];
  // Tickets are drawn and encoded in worker threads: the main thread only sends the bytes.
  const renderer = createRenderPool();

  function statusOf(p: PrinterRow): PrinterStatus {
    const s = seen.get(p.id);
    const browser = addressKind(p.address) === 'browser';
    return {
      printerId: p.id,
      deviceId: p.device_id,
      // A browser printer hangs on the kiosk PC: the hub never sees it.
      state: p.enabled !== 1 ? 'disabled' : browser ? 'unknown' : (s?.state ?? 'unknown'),
      checkedAt: s ? new Date(s.checkedAt).toISOString() : null,
      pendingJobs: service?.jobs.pendingCount(p.id) ?? 0,
      lastError: s?.error ?? null,
      reason: p.enabled !== 1 ? null : (s?.reason ?? null),
      browser,
      paperWidth: p.paper_width,
    };
  }

  /** Pushes a printer's status when it differs from the last push. */
  function push(printerId: number): void {
    const p = service?.printers.byId(printerId);
    if (!p) return;
    const status = statusOf(p);
    const key = `${status.state}|${status.pendingJobs}|${status.lastError ?? ''}|${status.reason ?? ''}|${status.deviceId ?? ''}|${status.paperWidth}`;
    if (pushed.get(printerId) === key) return;
    pushed.set(printerId, key);
    deps.realtime.emit(rooms.office(), 'printer:status', { status });
  }

  // New jobs change only the queue length: during a burst of issues that push is made once per QUEUE_PUSH_MS per
  // printer (counting a long queue on every group commit cost a tenth of the issue path).
  const queuePushes = new Map<number, NodeJS.Timeout>();
  function pushQueueSoon(printerId: number): void {
    if (queuePushes.has(printerId)) return;
    queuePushes.set(
      printerId,
      setTimeout(() => {
        queuePushes.delete(printerId);
        if (!closed) push(printerId);
      }, QUEUE_PUSH_MS).unref(),
    );
  }

  function record(printerId: number, h: Health): void {
    seen.set(printerId, { ...h, checkedAt: deps.now() });
    push(printerId);
  }

  function scheduleRetry(printerId: number, at: number): void {
    clearTimeout(retryTimers.get(printerId));
    if (closed) return;
    const timer = setTimeout(() => void run(printerId), Math.max(0, at - Date.now()));
    timer.unref();
    retryTimers.set(printerId, timer);
  }

  async function deliver(p: PrinterRow, job: PrintJobRow, answers: boolean): Promise<JobOutcome> {
    const svc = service as PrintService;
    const ticket = JSON.parse(job.payload) as TicketPrint;
    const kind = addressKind(p.address);
    const qrMode = kind === 'file' || p.qr_raster === 1 ? 'raster' : 'native';
    const options = { paperWidth: p.paper_width, layout: svc.layout(), logo: svc.logo(), qrMode } as const;
    // Drawn and encoded in a worker thread: the main thread keeps answering kiosks and counters meanwhile.
    const rendered = await renderer.render({ ticket, options, output: kind === 'file' ? { png: true } : { escpos: p.type, paperDots: PAPER_DOTS[p.paper_width] } });
    if (Buffer.isBuffer(rendered)) {
      const stamp = new Date(job.created_at).toISOString().replace(/[:.]/g, '-');
      await writePng(p.address, `${stamp}-${ticket.number}-${job.kind}-${job.id}.png`, rendered);
      return { delivered: true, after: null, error: null };
    }
    return sendJob(p.address, p.type, rendered.body, rendered.cut, { answers, timeoutMs: deps.options.timeoutMs });
  }

  /** Tells the kiosk showing the ticket what became of its paper. */
  function outcome(job: PrintJobRow, printer: PrinterRow, result: 'done' | 'failed' | 'expired'): void {
    if (job.kind !== 'ticket' || job.ticket_id === null) return;
    deps.realtime.emit(rooms.office(), 'print:job', { job: { ticketId: job.ticket_id, printerId: printer.id, deviceId: printer.device_id, outcome: result } });
  }

  /** A job too old to print: the citizen left with the on-screen ticket, a late paper would mislead the next one. */
  function tooOld(job: PrintJobRow): boolean {
    const ttl = job.kind === 'ticket' ? (service as PrintService).settings().expireMinutes * 60_000 : JOB_TTL_MS;
    return deps.now() - job.created_at > ttl;
  }

  /** Sends one due job; returns the error that stops this printer for now, or null when it may go on. */
  async function attempt(p: PrinterRow, job: PrintJobRow): Promise<string | null> {
    const svc = service as PrintService;
    const health = await checkHealth(p.address, p.type, deps.options.timeoutMs);
    record(p.id, health);
    if (!PRINTABLE.includes(health.state)) return [health.reason, health.error].filter(Boolean).join(' — ') || health.state;
    let sent: JobOutcome;
    try {
      sent = await deliver(p, job, health.answers);
    } catch (err) {
      sent = { delivered: false, after: null, error: err instanceof Error ? err.message : String(err) };
    }
    if (!sent.delivered) {
      const error = sent.error ?? 'Không gửi được phiếu';
      record(p.id, { state: 'unreachable', answers: health.answers, reason: 'Kết nối tới máy in bị ngắt khi đang gửi phiếu.', error });
      return error;
    }
    if (sent.after) record(p.id, { ...sent.after, answers: true, error: null });
    if (sent.after && !PRINTABLE.includes(sent.after.state)) {
      // Every byte arrived but the printer stopped (paper ran out, cutter jammed): the ticket is not out. Retried
      // once the printer is back, within the expiry: reported, not counted as printed.
      outcome(job, p, 'failed');
      return sent.after.reason ?? sent.after.state;
    }
    svc.jobs.markDone(job.id, deps.now());
    outcome(job, p, 'done');
    push(p.id);
    return null;
  }

  /** Sends the pending jobs of one printer, oldest first, until none is due or the printer fails. */
  async function run(printerId: number): Promise<void> {
    if (busy.has(printerId) || closed || !service) return;
    busy.add(printerId);
    try {
      for (;;) {
        const p = service.printers.byId(printerId);
        const job = p ? service.jobs.next(printerId) : undefined;
        if (!p || !job || closed) break;
        if (p.enabled !== 1 && job.kind !== 'test') break;
        if (tooOld(job)) {
          service.expire(job, deps.now());
          deps.log.warn({ printerId, jobId: job.id, ticketId: job.ticket_id, attempts: job.attempts, lastError: job.last_error }, 'print job expired: not printed');
          outcome(job, p, 'expired');
          push(printerId);
          continue;
        }
        if (job.next_attempt_at > Date.now()) {
          scheduleRetry(printerId, job.next_attempt_at);
          break;
        }
        const error = await attempt(p, job);
        if (error === null) continue;
        const next = Date.now() + backoff(job.attempts + 1, deps.options.retryBaseMs);
        service.jobs.markFailed(job.id, error, next);
        deps.log.warn({ printerId, jobId: job.id, attempts: job.attempts + 1, error }, 'print job failed; will retry');
        push(printerId);
        scheduleRetry(printerId, next);
        break;
      }
    } catch (err) {
      deps.log.error({ err, printerId }, 'print queue failed');
    } finally {
      busy.delete(printerId);
      if (busy.size === 0) idle.splice(0).forEach((f) => f());
    }
  }

  /** Checks every enabled printer; one that is back online prints its waiting jobs at once. */
  async function poll(): Promise<void> {
    if (!service) return;
    await Promise.all(
      service.printers
        .list()
        .filter((p) => p.enabled === 1 && !busy.has(p.id) && addressKind(p.address) !== 'browser')
        .map(async (p) => {
          const h = await checkHealth(p.address, p.type, deps.options.timeoutMs);
          if (closed) return;
          record(p.id, h);
          if (PRINTABLE.includes(h.state) && service?.jobs.pendingCount(p.id)) {
            service.jobs.makeDue(p.id);
            void run(p.id);
          }
        }),
    );
  }

  const hooks: PrintQueueHooks = {
    statusOf,
    changed(printerId) {
      push(printerId);
      void run(printerId);
    },
    queued(printerId) {
      pushQueueSoon(printerId);
      void run(printerId);
    },
  };

  return {
    hooks,
    statusOf,
    /** Binds the service (built with `hooks`), resumes jobs left pending by a previous run, and starts polling. */
    start(svc: PrintService): void {
      service = svc;
      if (svc.printers.list().some((p) => p.enabled === 1)) renderer.warm();
      for (const id of svc.jobs.printersWithPending()) void run(id);
      if (deps.options.pollMs > 0) {
        const tick = () => {
          pollTimer = setTimeout(() => void poll().finally(() => !closed && tick()), deps.options.pollMs);
          pollTimer.unref();
        };
        void poll().finally(() => !closed && tick());
      }
    },
    poll,
    /** Resolves when no printer is sending (tests, shutdown). */
    whenIdle: (): Promise<void> => (busy.size === 0 ? Promise.resolve() : new Promise((r) => idle.push(r))),
    async close(): Promise<void> {
      closed = true;
      if (pollTimer) clearTimeout(pollTimer);
      retryTimers.forEach((t) => clearTimeout(t));
      queuePushes.forEach((t) => clearTimeout(t));
      if (busy.size > 0) await new Promise<void>((r) => idle.push(r));
      await renderer.close();
    },
  };
}

export type PrintQueue = ReturnType<typeof createPrintQueue>;
