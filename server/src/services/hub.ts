import type { Config } from '../config';
import type { Db } from '../db';
import { rooms } from '@shared/rooms';
import type { Realtime } from '../realtime/emitter';
import type { ServerToClientEvents } from '@shared/events';

type PrinterStatusPush = Parameters<ServerToClientEvents['printer:status']>[0];
import { publicPush } from './public-view';
import { adminService } from './admin-service';
import { appointmentAdminService } from './appointment-admin-service';
import { appointmentService } from './appointment-service';
import { appointmentReminderService, DEFAULT_REMINDER_HOUR } from './appointment-reminders';
import { appointmentReports } from './reports-appointments';
import { authService } from './auth-service';
import { calendarService } from './calendar-service';
import { catalogService } from './catalog-service';
import { catalogUpdateService } from './catalog-update-service';
import { provinceCatalogService } from './province-catalog-service';
import { createRepositories, type ServiceContext } from './context';
import { counterService } from './counter-service';
import { deviceService } from './device-service';
import { dossierService } from './dossier-service';
import { idCardService } from './id-card-service';
import { idNumberHasher } from './id-number-hash';
import { loginThrottle } from './login-throttle';
import { logoService } from './logo-service';
import { monitorService } from './monitor-service';
import { dataSubjectService } from './data-subject-service';
import { privacyService } from './privacy-service';
import { provinceOfficeDay } from './province-office-day';
import { provinceReports } from './province-reports';
import { provinceService } from './province-service';
import { provinceLinkService } from './province-link-service';
import { queueService } from './queue-service';
import { ratingService } from './rating-service';
import { reportsService } from './reports-service';
import { ticketService } from './ticket-service';
import { trackService } from './track-service';
import { apiKeyService } from './api-key-service';
import { webhookService } from './webhook-service';
import { notificationService } from './notification-service';
import { DEFAULT_TIMING } from '../outbox/dispatcher';

/** All use-cases of the hub over one database. */
export function createHub(deps: { db: Db; realtime: Realtime; config: Config; now?: () => number }) {
  // Every push follows a commit: the supervisor's monitor hears of it through the same channel (throttled there).
  const realtime: Realtime = {
    emit(room, event, ...args) {
      const hidden = room === rooms.office() ? publicPush(event, args[0], ctx.repos.settings.office().showStaffNames) : undefined;
      if (hidden === undefined) deps.realtime.emit(room, event, ...args);
      else {
        // Consoles (room `staff`, also in `office`) get the full push once; every other screen its public form.
        deps.realtime.emit(rooms.staff(), event, ...args);
        deps.realtime.emitExcept(room, rooms.staff(), event, ...([hidden] as unknown as typeof args));
      }
      if (event !== 'monitor:updated') monitor.changed();
      // Phones following a ticket get pushes derived from the office's (see trackService).
      track.observe(event, args[0]);
      // A printer's state lives in memory, not in a table: its push is the one place it changes.
      if (event === 'printer:status') publishPrinter(args[0] as PrinterStatusPush);
    },
    disconnect: (room, except) => deps.realtime.disconnect(room, except),
    emitExcept: deps.realtime.emitExcept,
  };
  const ctx: ServiceContext = { db: deps.db, repos: createRepositories(deps.db), realtime, config: deps.config, now: deps.now ?? Date.now };
  const queue = queueService(ctx);
  const idHash = idNumberHasher(ctx);
  const tickets = ticketService(ctx, queue, idHash);
  const counters = counterService(ctx, queue, (ticketId) => ratings.offer(ticketId));
  const throttle = loginThrottle(ctx);
  const auth = authService(ctx, counters, throttle);
  const devices = deviceService(ctx);
  const admin = adminService(ctx, queue, throttle);
  const catalog = catalogService(ctx);
  const calendar = calendarService(ctx);
  const dossiers = dossierService(ctx, catalog, calendar, idHash);
  const idCards = idCardService(ctx, idHash);
  idCards.hashOlderDossiers();
  const logo = logoService(ctx, queue);
  const reports = reportsService(ctx, queue);
  const monitor = monitorService(ctx, queue);
  // Trackers' own pushes go straight out: they are not office events for anyone else to observe.
  const track = trackService({ ...ctx, realtime: deps.realtime }, queue);
  const ratings = ratingService(ctx, track);
  const privacy = privacyService(ctx);
  const dataSubjects = dataSubjectService(ctx, idHash);
  const province = { ...provinceService(ctx), ...provinceReports(ctx), ...provinceOfficeDay(ctx) };
  const appointments = appointmentService(ctx, tickets, idHash);
  appointments.hashOlderBookings();
  const appointmentReminders = appointmentReminderService(ctx, deps.config.reminderHour ?? DEFAULT_REMINDER_HOUR);
  const appointmentAdmin = appointmentAdminService(ctx);
  const appointmentReport = appointmentReports(ctx);
  // The outbox dispatcher (plugins/outbox.ts) plugs itself in here: admins' replays and changes wake it at once.
  const outboxKick = { run: () => {} };
  const timing = { ...DEFAULT_TIMING, ...deps.config.webhooks };
  const webhooks = webhookService(ctx, () => outboxKick.run(), timing);
  const apiKeys = apiKeyService(ctx, deps.config.apiKeyRateLimit ?? 600);
  const notifications = notificationService(ctx, queue, webhooks.lanHosts, timing.timeoutMs);
  const provinceLink = provinceLinkService(ctx, { queue, reports, lanHosts: webhooks.lanHosts, timeoutMs: timing.timeoutMs, kick: () => outboxKick.run() });
  const provinceCatalog = provinceCatalogService(ctx, catalog);
  const catalogUpdate = catalogUpdateService(ctx, { timeoutMs: timing.timeoutMs, pushOffice: () => queue.pushOffice() });
  const lastPrinterState = new Map<number, string>();
  const printerName = deps.db.prepare<[number], { name: string }>('SELECT name FROM printers WHERE id = ?');
  function publishPrinter({ status }: PrinterStatusPush): void {
    // Only a change of state is an event (a queue length change is not); a printer first seen online is no news.
    const before = lastPrinterState.get(status.printerId);
    if (before === status.state) return;
    lastPrinterState.set(status.printerId, status.state);
    if (before === undefined && status.state === 'online') return;
    const name = printerName.get(status.printerId)?.name ?? '';
    deps.db.transaction(() =>
      ctx.repos.events.publish('printer.state_changed', ctx.now(), { printerId: status.printerId, name, state: status.state, pendingJobs: status.pendingJobs, lastError: status.lastError }),
    )();
  }
  return {
    outboxKick,
    timing,
    webhooks,
    apiKeys,
    notifications,
    ctx,
    repos: ctx.repos,
    queue,
    tickets,
    counters,
    auth,
    devices,
    admin,
    catalog,
    logo,
    reports,
    monitor,
    calendar,
    dossiers,
    track,
    ratings,
    privacy,
    dataSubjects,
    province,
    provinceLink,
    provinceCatalog,
    catalogUpdate,
    appointments,
    appointmentAdmin,
    appointmentReport,
    appointmentReminders,
    idHash,
    idCards,
  };
}

export type Hub = ReturnType<typeof createHub>;
