import fp from 'fastify-plugin';
import { version } from '../version';

/**
 * The office's heartbeat to its province hub (every 30 s, PROVINCE_HEARTBEAT_MS): waiting citizens, the longest wait,
 * open counters, printers down, version; then a check for a newer published catalog. A failed one only changes the
 * link's state; nothing else waits on it.
 */
export default fp(
  async (app) => {
    const { hub } = app;
    let running = false;
    const beat = async () => {
      if (running || !hub.repos.provinceLink.get()) return;
      running = true;
      try {
        const m = hub.monitor.snapshot();
        await hub.provinceLink.heartbeat({
          waiting: m.services.reduce((a, s) => a + s.waitingNormal + s.waitingPriority, 0),
          longestWaitMinutes: Math.floor(Math.max(0, ...m.services.map((s) => s.longestWaitMinutes))),
          openCounters: m.counters.filter((c) => c.open).length,
          printersDown: app.printing.health().printers.filter((p) => p.state !== 'online').length,
          version: version.slice(0, 40),
        });
        // Then whether the province published a newer catalog edition (a 304 while it has not); not when the
        // heartbeat just failed, so an unreachable province costs one time-out per beat, not two.
        if (hub.repos.provinceLink.get()?.last_error === null) await hub.catalogUpdate.check();
      } catch (err) {
        app.log.error({ err }, 'province heartbeat failed');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void beat(), app.config.provinceHeartbeatMs ?? 30_000).unref();
    app.addHook('onReady', async () => void beat());
    app.addHook('preClose', async () => clearInterval(timer));
  },
  { name: 'province-link', dependencies: ['hub', 'printing'] },
);
