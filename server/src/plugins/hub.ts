import fp from 'fastify-plugin';
import type { Config } from '../config';
import { openDatabase, type Db } from '../db';
import { createRealtime, type HubServer } from '../realtime/emitter';
import { seedDemoOffice, type SeedReport } from '../seed';
import { seedDemoProvince } from '../seed-province';
import { createHub, type Hub } from '../services/hub';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    hub: Hub;
    io: HubServer;
    /** Accounts created by the demo seed on this start, with their shared password (printed once). */
    seedReport: SeedReport | null;
  }
}

/**
 * Opens the database (migrated), seeds the demo office (or province) on an empty database, and builds the use-cases.
 * Pushes go through `app.io`, decorated later by the socket-io plugin.
 */
export default fp(
  async (app, opts: { config: Config; now?: () => number }) => {
    const db = openDatabase(opts.config.dbFile);
    app.decorate('config', opts.config);
    app.decorate('db', db);
    const hub = createHub({ db, config: opts.config, now: opts.now, realtime: createRealtime(() => (app.hasDecorator('io') ? app.io : undefined)) });
    app.decorate('hub', hub);
    const seed = opts.config.role === 'province' ? seedDemoProvince : seedDemoOffice;
    const seedReport = opts.config.seedDemo && hub.repos.users.count() === 0 ? await seed(hub, opts.config.demoPassword) : null;
    app.decorate('seedReport', seedReport);
    // Retention's nightly pass: once per local day from RETENTION_HOUR, and at start when the day's pass is still due
    // (the hub was off at night), before any request, so it never runs in the middle of the first commands.
    const retention = () => {
      try {
        const run = hub.privacy.retentionIfDue();
        if (run) app.log.info({ run }, 'retention: personal data past its period anonymised');
      } catch (err) {
        app.log.error({ err }, 'retention run failed');
      }
    };
    retention();
    // A province catalog edition the admin scheduled goes in force on its day: at start too (the hub was off at midnight).
    const scheduledCatalog = () => {
      try {
        const version = hub.catalogUpdate.applyScheduledIfDue();
        if (version !== null) app.log.info({ version }, 'catalog: the scheduled province edition applied on its effective date');
      } catch (err) {
        app.log.error({ err }, 'scheduled catalog edition failed to apply (its schedule is cancelled, audited)');
      }
    };
    scheduledCatalog();
    const timer = setInterval(() => {
      try {
        hub.queue.rollIfNeeded();
      } catch (err) {
        app.log.error({ err }, 'daily reset check failed');
      }
      retention();
      try {
        const missed = hub.appointments.markMissed();
        if (missed > 0) app.log.info({ missed }, 'appointments: bookings past their check-in window marked missed');
      } catch (err) {
        app.log.error({ err }, 'missed appointments check failed');
      }
      scheduledCatalog();
      try {
        const reminded = hub.appointmentReminders.runIfDue();
        if (reminded > 0) app.log.info({ reminded }, 'appointments: day-before reminders queued');
      } catch (err) {
        app.log.error({ err }, 'appointment reminders pass failed');
      }
    }, opts.config.maintenanceTickMs ?? 30_000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      hub.track.stop();
      hub.queue.stopPushes();
      db.close();
    });
  },
  { name: 'hub' },
);
