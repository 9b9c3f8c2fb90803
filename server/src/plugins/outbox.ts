import fp from 'fastify-plugin';
import { createDispatcher, type Dispatcher } from '../outbox/dispatcher';
import { webhookEndpointConsumer } from '../outbox/webhook-sender';

/** How long delivered events and their log stay. */
export const OUTBOX_KEEP_MS = 30 * 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** Moves outbox events to webhook endpoints (and later other consumers). */
    outbox: Dispatcher;
  }
}

/**
 * Starts delivering once the hub is ready (pending deliveries of a previous run first) and stops before the database
 * closes; an attempt cut by the close stays pending and is sent again by the next run (at least once).
 */
export default fp(
  async (app) => {
    const { hub } = app;
    const dispatcher = createDispatcher({
      db: app.db,
      outbox: hub.repos.outbox,
      timing: hub.timing,
      log: app.log,
      consumers: () => [
        ...hub.repos.webhooks.all().filter((w) => w.enabled === 1).map((w) => webhookEndpointConsumer(w, hub.timing.timeoutMs, hub.webhooks.lanHosts)),
        hub.notifications.consumer(),
        ...(app.config.role === 'office' ? [hub.provinceLink.consumer()].filter((c) => c !== null) : []),
      ],
    });
    hub.outboxKick.run = dispatcher.kick;
    app.decorate('outbox', dispatcher);
    // The log and the stream keep a month (replays, the admin's look back); an hourly pass drops what is older.
    const prune = () => {
      try {
        hub.repos.outbox.prune(Date.now() - OUTBOX_KEEP_MS, hub.ctx.now() - OUTBOX_KEEP_MS);
      } catch (err) {
        app.log.error({ err }, 'outbox prune failed');
      }
    };
    const timer = setInterval(prune, 3_600_000).unref();
    app.addHook('onReady', async () => {
      prune();
      dispatcher.start();
    });
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await dispatcher.close();
    });
  },
  { name: 'outbox', dependencies: ['hub'] },
);
