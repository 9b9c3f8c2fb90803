import { rooms } from '@shared/rooms';
import type { MonitorAlert, MonitorCounter, MonitorService, MonitorSnapshot } from '@shared/schemas/monitor';
import { round1 } from '../domain/percentiles';
import { reportsRepository } from '../repositories/reports-repository';
import { toTicket, type TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';

/** Pushes to the supervisor room at most this often, however many commits happen. */
export const MONITOR_THROTTLE_MS = 1000;
/** While someone watches, waits and idle times still grow without any commit: recompute this often anyway. */
export const MONITOR_TICK_MS = 15_000;

const minutes = (ms: number) => round1(Math.max(0, ms) / 60_000);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The supervisor's live monitor. `changed()` is called after every commit that pushed something (never inside a
 * transaction); the snapshot is recomputed in a timer, at most once per MONITOR_THROTTLE_MS, and only while a
 * supervisor watches.
 */
export function monitorService(ctx: ServiceContext, queue: QueueService) {
  const repo = reportsRepository(ctx.db);
  let watchers = 0;
  let pending: NodeJS.Timeout | null = null;
  let tick: NodeJS.Timeout | null = null;
  let lastPush = 0;
  let onError: (err: unknown) => void = (err) => console.error('monitor push failed', err);

  function services(queueDay: string, waiting: TicketRow[], now: number): MonitorService[] {
    const firstCalls = new Map(repo.firstCallsToday(queueDay).map((r) => [r.service_id, r]));
    const served = repo.servedTodayByService(queueDay);
    return ctx.repos.catalog
      .services()
      .filter((s) => s.active === 1)
      .map((s) => {
        const mine = waiting.filter((t) => t.service_id === s.id);
        const oldest = mine.reduce<number | null>((min, t) => (min === null || t.issued_at < min ? t.issued_at : min), null);
        const calls = firstCalls.get(s.id);
        return {
          id: s.id,
          code: s.code,
          nameVi: s.name_vi,
          nameEn: s.name_en,
          prefix: s.prefix,
          waitingNormal: mine.filter((t) => t.priority_group === null).length,
          waitingPriority: mine.filter((t) => t.priority_group !== null).length,
          oldestWaitingSince: oldest === null ? null : iso(oldest),
          longestWaitMinutes: oldest === null ? 0 : minutes(now - oldest),
          avgWaitTodayMinutes: calls && calls.n > 0 ? minutes(calls.total_ms / calls.n) : null,
          servedToday: served.get(s.id) ?? 0,
        };
      });
  }

  function counters(queueDay: string, now: number): MonitorCounter[] {
    const lastEvent = repo.lastEventByCounter(queueDay);
    // A counter left open since an earlier day is idle since then: the supervisor should see it (and may close it).
    const lastOpen = repo.lastOpenByCounter(0);
    return queue.counterStates(queueDay).map((c) => {
      const idle = c.open && c.currentTicket === null;
      const since = idle ? Math.max(lastEvent.get(c.id) ?? 0, lastOpen.get(c.id) ?? 0) : 0;
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        open: c.open,
        staffId: c.staffId,
        staffName: c.staffName,
        currentTicket: c.currentTicket,
        idleSince: since > 0 ? iso(since) : null,
        idleMinutes: since > 0 ? minutes(now - since) : null,
        servedToday: c.servedToday,
      };
    });
  }

  function build(queueDay: string, businessDay: string): MonitorSnapshot {
    const now = ctx.now();
    const alertMinutes = queue.settings().waitAlertMinutes;
    const waiting = ctx.repos.tickets.waiting(queueDay);
    const alerts: MonitorAlert[] = waiting
      .filter((t) => now - t.issued_at >= alertMinutes * 60_000)
      .sort((a, b) => a.issued_at - b.issued_at)
      .map((t) => ({ ticketId: t.id, number: t.number, serviceId: t.service_id, priority: t.priority_group !== null, waitedMinutes: minutes(now - t.issued_at) }));
    const noShows = repo.noShowIdsToday(queueDay).map((id) => ctx.repos.tickets.byId(id) as TicketRow);
    return {
      serverTime: iso(now),
      businessDay,
      alertMinutes,
      services: services(queueDay, waiting, now),
      counters: counters(queueDay, now),
      tickets: [...waiting, ...noShows].map(toTicket),
      alerts,
      appointments: ctx.repos.appointments.outcomes(businessDay, businessDay).reduce(
        (a, o) => ({ booked: a.booked + o.booked, checkedIn: a.checkedIn + o.checked_in, missed: a.missed + o.missed, cancelled: a.cancelled + o.cancelled, upcoming: a.upcoming + o.pending }),
        { booked: 0, checkedIn: 0, missed: 0, cancelled: 0, upcoming: 0 },
      ),
    };
  }

  /** The monitor's state now (one read transaction on the current queue day). */
  function snapshot(): MonitorSnapshot {
    return queue.readToday(build);
  }

  function push(): void {
    pending = null;
    if (watchers === 0) return;
    lastPush = Date.now();
    try {
      ctx.realtime.emit(rooms.supervisor(), 'monitor:updated', { monitor: snapshot() });
    } catch (err) {
      onError(err);
    }
  }

  /** Something was committed: schedule a recomputation (coalesced; at most one push per MONITOR_THROTTLE_MS). */
  function changed(): void {
    if (watchers === 0 || pending !== null) return;
    pending = setTimeout(push, Math.max(0, lastPush + MONITOR_THROTTLE_MS - Date.now()));
    pending.unref();
  }

  /** A supervisor's screen starts watching; returns the current state. */
  function watch(): MonitorSnapshot {
    const state = snapshot();
    watchers += 1;
    if (tick === null) {
      tick = setInterval(changed, MONITOR_TICK_MS);
      tick.unref();
    }
    return state;
  }

  /** A watching screen left. */
  function unwatch(): void {
    watchers = Math.max(0, watchers - 1);
    if (watchers === 0) stop();
  }

  /** Stops the timers (app shutdown). */
  function stop(): void {
    if (pending !== null) clearTimeout(pending);
    if (tick !== null) clearInterval(tick);
    pending = null;
    tick = null;
  }

  return {
    snapshot,
    changed,
    watch,
    unwatch,
    stop,
    watching: () => watchers,
    setErrorHandler: (fn: (err: unknown) => void) => {
      onError = fn;
    },
  };
}

export type MonitorServiceApi = ReturnType<typeof monitorService>;
