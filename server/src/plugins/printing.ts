import fp from 'fastify-plugin';
import { createPrintQueue, type PrintQueue } from '../printing/print-queue';
import { printService, type PrintService } from '../services/print-service';

declare module 'fastify' {
  interface FastifyInstance {
    /** Ticket printers, layout and print jobs (use-cases). */
    printing: PrintService;
    /** The sender behind `printing`: retries, health checks, status pushes. */
    printQueue: PrintQueue;
  }
}

const DEFAULTS = { defaultPrinter: null, retryBaseMs: 2000, pollMs: 15_000, timeoutMs: 3000 };

/**
 * Thermal ticket printing. After a ticket is committed the ticket service tells us; the job is written to the
 * persisted queue and sent in the background, so a missing printer never delays or fails an issue.
 */
export default fp(
  async (app) => {
    const cfg = { ...DEFAULTS, ...app.config.printing };
    const { hub } = app;
    const queue = createPrintQueue({ realtime: hub.ctx.realtime, now: hub.ctx.now, log: app.log, options: cfg });
    const logo = () => hub.logo.get()?.bytes ?? null;
    const service = printService(hub.ctx, hub.queue, logo, queue.hooks);
    service.syncDefault(cfg.defaultPrinter);
    // The paper tickets are queued in the issue's own commit (a failure there never fails the issue: the citizen still
    // has the on-screen ticket and staff can reprint), and the printers are woken once it is committed.
    hub.tickets.onIssuing((issued) => {
      try {
        service.enqueueIssued(issued);
      } catch (err) {
        app.log.error({ err, ticketIds: issued.map((i) => i.ticket.id) }, 'could not queue the ticket print jobs');
      }
    });
    hub.tickets.onIssued(() => service.wakeIssued());
    app.decorate('printing', service);
    app.decorate('printQueue', queue);
    app.addHook('onReady', async () => queue.start(service));
    app.addHook('preClose', async () => queue.close());
  },
  { name: 'printing', dependencies: ['hub'] },
);
