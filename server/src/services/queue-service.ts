import { businessDay, isWithinSessions } from '@shared/office-time';
import { rooms } from '@shared/rooms';
import type { CounterService, CounterState } from '@shared/schemas/counter';
import type { OfficePublic, OfficeSettings } from '@shared/schemas/office';
import type { QueueSnapshot } from '@shared/schemas/queue';
import type { ServiceSummary } from '@shared/schemas/service';
import { averageServiceMinutes, estimateWaitMinutes } from '../domain/eta';
import { peopleAheadUnder } from '../domain/queue-rules';
import type { AuditActor } from '../repositories/audit-repository';
import type { CounterRow } from '../repositories/catalog-repository';
import { toTicket, type TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import { publicSnapshot } from './public-view';

const RECENT_CALLS = 12;
/** Service summaries go to every screen at most this often (the last change always goes out). */
export const SERVICES_PUSH_MS = 250;
/** Counter states and service summaries follow the command's own event (a call, an issue) by this much. */
export const DERIVED_PUSH_MS = 100;

/** A service's wait-estimate inputs: average service minutes, open counters serving it, and their numbers. */
export interface ServiceLoad {
  avgMinutes: number;
  openCounters: number;
  counterNumbers: number[];
}

/** Which queue day is current: the business day, plus "#n" after the n-th manual reset of that day. */
export interface QueueDayState {
  businessDay: string;
  queueDay: string;
  resets: number;
  /** When the day began (its rollover): bounds the dossier work counted in `day.closed`. */
  startedAt?: number;
}

/**
 * Queue day bookkeeping and the read models every screen needs (snapshot, service summaries, counters).
 * The queue day rolls over lazily at the first command after the reset time, and by the scheduler.
 */
export function queueService(ctx: ServiceContext) {
  const { repos, db } = ctx;

  // The business day and the issue window change only on whole minutes (times are HH:MM in a zone with a whole-minute
  // offset): computed once per minute instead of formatting dates in the time zone on every command.
  const perMinute = new Map<string, { minute: number; value: string | boolean }>();
  function onceAMinute<T extends string | boolean>(key: string, at: number, compute: () => T): T {
    const minute = Math.floor(at / 60_000);
    const hit = perMinute.get(key);
    if (hit?.minute === minute) return hit.value as T;
    const value = compute();
    perMinute.set(key, { minute, value });
    return value;
  }

  /** The office's settings (kept parsed by the repository). */
  function settings(): OfficeSettings {
    return repos.settings.office();
  }

  function saveSettings(next: OfficeSettings): void {
    repos.settings.saveOffice(next);
    perMinute.clear();
  }

  /** Starts a queue day: the given open tickets end as cancelled (kept for reports), interleave counters restart. */
  function beginQueueDay(next: QueueDayState, toClose: ReturnType<typeof repos.tickets.openBefore>, reason: string, at: number): void {
    for (const t of toClose) {
      repos.tickets.update(t.id, { status: 'cancelled', finished_at: at });
      repos.tickets.logEvent({ ticketId: t.id, type: 'cancelled', at, data: { reason } });
    }
    for (const c of repos.catalog.counters()) repos.catalog.setNormalsSincePriority(c.id, 0);
    repos.settings.write('queueDay', next);
  }

  /**
   * The current queue day; on the first call of a new business day, closes yesterday's open tickets.
   * Must run inside the caller's transaction. Returns `rolled` so the caller can push `queue:reset` after commit.
   */
  function currentDay(): QueueDayState & { rolled: boolean } {
    const s = settings();
    const at = ctx.now();
    const bd = onceAMinute('businessDay', at, () => businessDay(new Date(at), s.timezone, s.dailyResetTime));
    const stored = repos.settings.read<QueueDayState>('queueDay');
    if (stored?.businessDay === bd) return { ...stored, rolled: false };
    const next: QueueDayState = { businessDay: bd, queueDay: bd, resets: 0, startedAt: at };
    beginQueueDay(next, repos.tickets.openBefore(bd), 'day_end', at);
    // The day's totals, once its leftovers are closed: in the rollover's transaction, so exactly once per day.
    if (stored) repos.events.dayClosed(stored.businessDay, at, stored.startedAt ?? 0);
    return { ...next, rolled: stored !== undefined };
  }

  /** Checks for a day change outside any command (scheduler tick); pushes `queue:reset` when it happened. */
  function rollIfNeeded(): boolean {
    const day = db.transaction(currentDay).immediate();
    if (day.rolled) ctx.realtime.emit(rooms.office(), 'queue:reset', { businessDay: day.businessDay });
    return day.rolled;
  }

  /** Admin's reset on demand: closes today's open tickets and restarts numbering now. */
  function resetNow(actor: AuditActor): { businessDay: string } {
    const day = db
      .transaction(() => {
        const cur = currentDay();
        const at = ctx.now();
        const next: QueueDayState = { businessDay: cur.businessDay, queueDay: `${cur.businessDay}#${cur.resets + 1}`, resets: cur.resets + 1, startedAt: cur.startedAt };
        beginQueueDay(next, repos.tickets.openIn(cur.queueDay), 'manual_reset', at);
        repos.audit.write(at, actor, { action: 'queue.reset_day', details: { queueDay: next.queueDay } });
        return next;
      })
      .immediate();
    ctx.realtime.emit(rooms.office(), 'queue:reset', { businessDay: day.businessDay });
    return { businessDay: day.businessDay };
  }

  function issuingOpen(at = ctx.now()): boolean {
    const s = settings();
    return onceAMinute('issuingOpen', at, () => isWithinSessions(new Date(at), s.timezone, s.workingDays, s.issueWindows));
  }

  function toCounterState(c: CounterRow, links: Map<number, CounterService[]>, servedToday: number): CounterState {
    const current = repos.tickets.currentAt(c.id);
    const staff = c.staff_id === null ? undefined : repos.users.byId(c.staff_id);
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      area: c.area,
      services: links.get(c.id) ?? [],
      open: c.staff_id !== null,
      staffId: c.staff_id,
      staffName: staff?.full_name ?? null,
      currentTicket: current ? toTicket(current) : null,
      servedToday,
    };
  }

  function counterStates(queueDay: string): CounterState[] {
    const links = repos.catalog.counterServices();
    const served = repos.stats.servedByCounter(queueDay);
    return repos.catalog.counters().map((c) => toCounterState(c, links, served.get(c.id) ?? 0));
  }

  function counterState(queueDay: string, counterId: number): CounterState | undefined {
    const row = repos.catalog.counterById(counterId);
    return row ? toCounterState(row, repos.catalog.counterServices(), repos.stats.servedAt(counterId, queueDay)) : undefined;
  }

  /** People who will be called before a waiting ticket, under the office's calling rule (`newest`: just issued). */
  function peopleAhead(row: TicketRow, newest = false): number {
    const s = settings();
    return peopleAheadUnder(repos.tickets.placeOf(row, s.callingMode, newest), s.callingMode, s.normalPerPriority);
  }

  /** The wait estimate's inputs for one service: average service minutes, open counters serving it, their numbers. */
  function loadOf(queueDay: string, serviceId: number, counters = repos.catalog.counters(), links = repos.catalog.counterServices()): ServiceLoad {
    const serving = counters.filter((c) => links.get(c.id)?.some((l) => l.serviceId === serviceId));
    return {
      avgMinutes: averageServiceMinutes(repos.stats.recentDurations(queueDay, serviceId), settings().defaultServiceMinutes),
      openCounters: serving.filter((c) => c.staff_id !== null).length,
      counterNumbers: serving.map((c) => c.number),
    };
  }

  /** Per service: the wait estimate's inputs (see loadOf). */
  function serviceLoad(queueDay: string): Map<number, ServiceLoad> {
    const links = repos.catalog.counterServices();
    const counters = repos.catalog.counters();
    return new Map(repos.catalog.services().map((svc) => [svc.id, loadOf(queueDay, svc.id, counters, links)]));
  }

  function serviceSummaries(queueDay: string): ServiceSummary[] {
    const load = serviceLoad(queueDay);
    const waiting = repos.stats.waitingByService(queueDay);
    const issued = repos.stats.issuedByService(queueDay);
    return repos.catalog
      .services()
      .filter((svc) => svc.active === 1)
      .map((svc) => {
        const l = load.get(svc.id) ?? { avgMinutes: settings().defaultServiceMinutes, openCounters: 0, counterNumbers: [] };
        const waitingCount = waiting.get(svc.id) ?? 0;
        const issuedToday = issued.get(svc.id) ?? 0;
        return {
          id: svc.id,
          code: svc.code,
          nameVi: svc.name_vi,
          nameEn: svc.name_en,
          prefix: svc.prefix,
          groupVi: svc.group_vi,
          groupEn: svc.group_en,
          icon: svc.icon,
          displayOrder: svc.display_order,
          waitingCount,
          estimatedWaitMinutes: estimateWaitMinutes(waitingCount, l.avgMinutes, l.openCounters),
          issuedToday,
          remainingToday: Math.max(0, svc.daily_max - issuedToday),
          counterNumbers: l.counterNumbers,
        };
      });
  }

  // Derived figures follow the commands' own events by DERIVED_PUSH_MS, coalesced: the call a waiting room listens for
  // reaches every screen before the counter states and service summaries that follow it, and a burst of commands
  // from many counters costs one computation and one broadcast to every screen instead of one per command. Service
  // summaries go out at most once per SERVICES_PUSH_MS.
  let servicesDay: string | null = null;
  let servicesSentAt = Number.NEGATIVE_INFINITY;
  let servicesTimer: ReturnType<typeof setTimeout> | undefined;
  const countersDay = new Map<number, string>();
  const ticketsLater = new Set<number>();
  let countersTimer: ReturnType<typeof setTimeout> | undefined;

  function flushCounters(): void {
    countersTimer = undefined;
    if (!db.open) return;
    // Tickets are re-read now: a later command may have changed them since, and screens get the current state.
    for (const id of ticketsLater) {
      const row = repos.tickets.byId(id);
      if (row) ctx.realtime.emit(rooms.office(), 'ticket:updated', { ticket: toTicket(row) });
    }
    ticketsLater.clear();
    for (const [counterId, queueDay] of countersDay) {
      const counter = counterState(queueDay, counterId);
      if (counter) ctx.realtime.emit(rooms.office(), 'counter:updated', { counter });
    }
    countersDay.clear();
  }

  function flushServices(): void {
    servicesTimer = undefined;
    const queueDay = servicesDay;
    servicesDay = null;
    if (queueDay === null || !db.open) return;
    servicesSentAt = performance.now();
    ctx.realtime.emit(rooms.office(), 'services:updated', { services: serviceSummaries(queueDay) });
  }

  /** Schedules a push of the services' live figures to every screen (call after a commit). */
  function pushServices(queueDay: string): void {
    servicesDay = queueDay;
    servicesTimer ??= setTimeout(flushServices, Math.max(DERIVED_PUSH_MS, servicesSentAt + SERVICES_PUSH_MS - performance.now()));
  }

  /** Schedules a push of one counter's state to every screen (call after a commit). */
  function pushCounter(queueDay: string, counterId: number): void {
    countersDay.set(counterId, queueDay);
    countersTimer ??= setTimeout(flushCounters, DERIVED_PUSH_MS);
  }

  /** Schedules a ticket's update with the derived pushes (the other tickets a call command changed). */
  function pushTicketLater(ticketId: number): void {
    ticketsLater.add(ticketId);
    countersTimer ??= setTimeout(flushCounters, DERIVED_PUSH_MS);
  }

  /** Drops pushes not yet sent (the hub is closing). */
  function stopPushes(): void {
    clearTimeout(servicesTimer);
    clearTimeout(countersTimer);
    servicesTimer = countersTimer = undefined;
    servicesDay = null;
    countersDay.clear();
    ticketsLater.clear();
  }

  /**
   * Runs `work` in one immediate transaction on the current queue day. Every command and read goes through here,
   * so whichever of them first meets a new business day closes the old one and, after commit, pushes `queue:reset`.
   */
  function inDay<T>(work: (day: QueueDayState) => T): { day: QueueDayState; result: T } {
    const out = db
      .transaction(() => {
        const day = currentDay();
        return { day, result: work(day) };
      })
      .immediate();
    if (out.day.rolled) ctx.realtime.emit(rooms.office(), 'queue:reset', { businessDay: out.day.businessDay });
    return out;
  }

  /** A read on the current queue day (see inDay). */
  function readToday<T>(read: (queueDay: string, businessDay: string) => T): T {
    return inDay((d) => read(d.queueDay, d.businessDay)).result;
  }

  /** What every screen knows about the office. */
  function officePublic(): OfficePublic {
    const s = settings();
    return {
      name: s.name,
      address: s.address,
      timezone: s.timezone,
      workingDays: s.workingDays,
      sessions: s.sessions,
      issueWindows: s.issueWindows,
      elderlyAge: s.elderlyAge,
      priorityGroups: s.priorityGroups,
      languages: s.languages,
      logoVersion: repos.settings.read<{ version: string }>('logoMeta')?.version ?? null,
      issuingOpen: issuingOpen(),
      publicUrl: ctx.config.publicUrl,
      kioskTimeLimits: { idleSeconds: s.kioskIdleSeconds, readingSeconds: s.kioskReadingSeconds },
      catalogBasis: catalogBasis(),
    };
  }

  /** The decision of the catalog edition applied last (the public listing shows it). */
  function catalogBasis(): OfficePublic['catalogBasis'] {
    const e = repos.catalogEditions.applied();
    return e ? { decision: e.decision, effectiveDate: e.effective_date } : null;
  }

  /** Pushes the office's public settings to every screen (after an admin change). */
  function pushOffice(): void {
    ctx.realtime.emit(rooms.office(), 'office:updated', { office: officePublic() });
  }

  /** Everything a screen needs; staff consoles get priority groups and names, anyone else the public form. */
  function snapshot(audience: 'staff' | 'public'): QueueSnapshot {
    const full = readToday((queueDay, day): QueueSnapshot => {
      return {
        serverTime: new Date(ctx.now()).toISOString(),
        businessDay: day,
        office: officePublic(),
        services: serviceSummaries(queueDay),
        counters: counterStates(queueDay),
        waiting: repos.tickets.waitingAndParked(queueDay).map(toTicket),
        recentCalls: repos.tickets.recentCalls(queueDay, RECENT_CALLS),
      };
    });
    return audience === 'staff' ? full : publicSnapshot(full, settings().showStaffNames);
  }

  return {
    settings,
    saveSettings,
    currentDay,
    rollIfNeeded,
    resetNow,
    issuingOpen,
    counterStates,
    counterState,
    serviceSummaries,
    serviceLoad,
    loadOf,
    peopleAhead,
    pushServices,
    pushCounter,
    pushTicketLater,
    stopPushes,
    snapshot,
    inDay,
    readToday,
    officePublic,
    pushOffice,
  };
}

export type QueueService = ReturnType<typeof queueService>;
