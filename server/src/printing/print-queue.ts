import type { FastifyBaseLogger } from 'fastify';
import { rooms } from '@shared/rooms';
import type { PrinterStatus } from '@shared/schemas/printer';
import type { Realtime } from '../realtime/emitter';
import type { PrintJobRow } from '../repositories/print-jobs-repository';
import type { PrinterRow } from '../repositories/printers-repository';
import type { PrintQueueHooks, PrintService } from '../services/print-service';
import { createRenderPool } from './render-worker';
import type { TicketPrint } from './ticket-print';
import { addressKind, checkHealth, sendBytes, writePng, type Health } from './transport';

/** A ticket job older than this is dropped, not printed: the citizen has left the kiosk long ago. */
export const JOB_TTL_MS = 10 * 60 * 1000;

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
    return {
      printerId: p.id,
      deviceId: p.device_id,
      state: p.enabled !== 1 ? 'disabled' : (s?.state ?? 'unknown'),
      checkedAt: s ? new Date(s.checkedAt).toISOString() : null,
      pendingJobs: service?.jobs.pendingCount(p.id) ?? 0,
      lastError: s?.error ?? null,
    };
  }

  /** Pushes a printer's status when it differs from the last push. */
  function push(printerId: number): void {
    const p = service?.printers.byId(printerId);
    if (!p) return;
    const status = statusOf(p);
    const key = `${status.state}|${status.pendingJobs}|${status.lastError ?? ''}|${status.deviceId ?? ''}`;
    if (pushed.get(printerId) === key) return;
    pushed.set(printerId, key);
    deps.realtime.emit(rooms.office(), 'printer:status', { status });
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

  async function deliver(p: PrinterRow, job: PrintJobRow, confirm: boolean): Promise<void> {
    const svc = service as PrintService;
    const ticket = JSON.parse(job.payload) as TicketPrint;
    const kind = addressKind(p.address);
    const options = { paperWidth: p.paper_width, layout: svc.layout(), logo: svc.logo(), qrMode: kind === 'file' ? ('raster' as const) : ('native' as const) };
    const bytes = await renderer.render({ ticket, options, output: kind === 'file' ? { png: true } : { escpos: p.type } });
    if (kind === 'file') {
      const stamp = new Date(job.created_at).toISOString().replace(/[:.]/g, '-');
      await writePng(p.address, `${stamp}-${ticket.number}-${job.kind}-${job.id}.png`, bytes);
    } else await sendBytes(p.address, p.type, bytes, { confirm, timeoutMs: deps.options.timeoutMs });
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
        if (job.kind === 'ticket' && deps.now() - job.created_at > JOB_TTL_MS) {
          service.jobs.close(job.id, 'expired');
          push(printerId);
          continue;
        }
        if (job.next_attempt_at > Date.now()) {
          scheduleRetry(printerId, job.next_attempt_at);
          break;
        }
        let error: string | null = null;
        const health = await checkHealth(p.address, p.type, deps.options.timeoutMs);
        record(printerId, health);
        if (health.state !== 'online') error = health.error ?? health.state;
        else {
          try {
            await deliver(p, job, health.answers);
          } catch (err) {
            error = err instanceof Error ? err.message : String(err);
            record(printerId, { state: 'unreachable', answers: health.answers, error });
          }
        }
        if (error === null) {
          service.jobs.markDone(job.id, deps.now());
          push(printerId);
          continue;
        }
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
        .filter((p) => p.enabled === 1 && !busy.has(p.id))
        .map(async (p) => {
          const h = await checkHealth(p.address, p.type, deps.options.timeoutMs);
          if (closed) return;
          record(p.id, h);
          if (h.state === 'online' && service?.jobs.pendingCount(p.id)) {
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
      if (busy.size > 0) await new Promise<void>((r) => idle.push(r));
      await renderer.close();
    },
  };
}

export type PrintQueue = ReturnType<typeof createPrintQueue>;
