import { localParts } from '@shared/office-time';
import {
  addDays,
  previousPeriod,
  type Period,
  type QueueFigures,
  type QueueGroupBy,
  type QueueReport,
  type QueueReportRow,
} from '@shared/schemas/report';
import { durationStats, rate } from '../domain/percentiles';
import { ticketTimes, type TimelineEvent } from '../domain/ticket-timeline';
import { reportsRepository, type ReportTicketRow } from '../repositories/reports-repository';
import type { ServiceContext } from './context';
import { checkPeriod, NOT_SERVED_LABEL } from './reports-common';
import { dossierReports } from './reports-dossiers';
import { satisfactionReports } from './reports-satisfaction';
import type { QueueService } from './queue-service';

/** Running totals of one group. */
class Tally {
  tickets = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  open = 0;
  transferred = 0;
  priority = 0;
  waits: number[] = [];
  services: number[] = [];

  add(t: ReportTicketRow, waitMs: number | null, serviceMs: number | null): void {
    this.tickets += 1;
    if (t.status === 'done') this.served += 1;
    else if (t.status === 'no_show') this.noShow += 1;
    else if (t.status === 'cancelled') this.cancelled += 1;
    else this.open += 1;
    if (t.transfer_count > 0) this.transferred += 1;
    if (t.priority_group !== null) this.priority += 1;
    if (waitMs !== null) this.waits.push(waitMs);
    if (serviceMs !== null && t.status === 'done') this.services.push(serviceMs);
  }

  figures(): QueueFigures {
    return {
      tickets: this.tickets,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      open: this.open,
      transferred: this.transferred,
      priority: this.priority,
      servedRate: rate(this.served, this.tickets),
      noShowRate: rate(this.noShow, this.tickets),
      transferRate: rate(this.transferred, this.tickets),
      wait: durationStats(this.waits),
      service: durationStats(this.services),
    };
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;


/** Queue statistics over any period, computed from the ticket event log. Read-only. */
export function reportsService(ctx: ServiceContext, queue: QueueService) {
  const repo = reportsRepository(ctx.db);

  /** Local wall-clock parts, cached per quarter hour (time zone offsets are multiples of 15 minutes). */
  function localClock(timeZone: string) {
    const cache = new Map<number, { hour: number; weekday: number; month: string }>();
    return (ms: number) => {
      const bucket = Math.floor(ms / 900_000);
      let v = cache.get(bucket);
      if (!v) {
        const p = localParts(new Date(bucket * 900_000), timeZone);
        v = { hour: p.hour, weekday: p.weekday, month: `${p.year}-${pad2(p.month)}` };
        cache.set(bucket, v);
      }
      return v;
    };
  }

  /** Every ticket of the period with its wait and service time from the event log. */
  function* ticketsWithTimes(period: Period) {
    const tickets = repo.tickets(period.from, period.to);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const times = new Map<number, ReturnType<typeof ticketTimes>>();
    let current: number | null = null;
    let events: TimelineEvent[] = [];
    const flush = () => {
      const t = current === null ? undefined : byId.get(current);
      if (t) times.set(t.id, ticketTimes(t.issued_at, events));
    };
    const firstId = tickets[0]?.id ?? 0;
    const lastId = tickets.at(-1)?.id ?? -1;
    for (const e of repo.events(firstId, lastId)) {
      if (e.ticket_id !== current) {
        flush();
        current = e.ticket_id;
        events = [];
      }
      events.push({ type: e.type, at: e.at });
    }
    flush();
    for (const t of tickets) {
      const tt = times.get(t.id);
      yield { t, waitMs: tt?.waitMs ?? null, serviceMs: tt?.serviceMs ?? null };
    }
  }

  function labeller(groupBy: QueueGroupBy): (key: string) => string {
    if (groupBy === 'service') {
      const names = new Map(ctx.repos.catalog.services().map((s) => [String(s.id), `${s.prefix} – ${s.name_vi}`]));
      return (k) => names.get(k) ?? `#${k}`;
    }
    if (groupBy === 'counter') {
      const names = new Map(ctx.repos.catalog.counters().map((c) => [String(c.id), `Quầy ${c.number} – ${c.name}`]));
      return (k) => (k === '' ? NOT_SERVED_LABEL : (names.get(k) ?? `#${k}`));
    }
    if (groupBy === 'staff') {
      const names = repo.staffNames();
      return (k) => (k === '' ? NOT_SERVED_LABEL : (names.get(Number(k)) ?? `#${k}`));
    }
    if (groupBy === 'day') return dmy;
    if (groupBy === 'month') return (k) => `Tháng ${k.slice(5, 7)}/${k.slice(0, 4)}`;
    return (k) => `${pad2(Number(k))}:00–${pad2(Number(k) + 1)}:00`;
  }

  /** Group keys in display order, with empty groups where a continuous axis reads better (every day). */
  function orderedKeys(groupBy: QueueGroupBy, period: Period, present: Iterable<string>): string[] {
    const keys = new Set(present);
    if (groupBy === 'day') {
      for (let i = 0; i < period.days; i++) keys.add(addDays(period.from, i));
    }
    if (groupBy === 'service') {
      const order = new Map(ctx.repos.catalog.services().map((s) => [String(s.id), s.display_order * 1e6 + s.id]));
      return [...keys].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
    }
    if (groupBy === 'counter') {
      const order = new Map(ctx.repos.catalog.counters().map((c) => [String(c.id), c.number]));
      return [...keys].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity)));
    }
    if (groupBy === 'hour') return [...keys].sort((a, b) => Number(a) - Number(b));
    return [...keys].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }

  function compute(period: Period, groupBy: QueueGroupBy) {
    const clock = localClock(queue.settings().timezone);
    const keyOf: (t: ReportTicketRow) => string = {
      service: (t: ReportTicketRow) => String(t.issued_service_id),
      counter: (t: ReportTicketRow) => (t.counter_id === null ? '' : String(t.counter_id)),
      staff: (t: ReportTicketRow) => (t.staff_id === null ? '' : String(t.staff_id)),
      day: (t: ReportTicketRow) => t.business_day,
      month: (t: ReportTicketRow) => t.business_day.slice(0, 7),
      hour: (t: ReportTicketRow) => String(clock(t.issued_at).hour),
    }[groupBy];
    const totals = new Tally();
    const groups = new Map<string, Tally>();
    const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    for (const { t, waitMs, serviceMs } of ticketsWithTimes(period)) {
      totals.add(t, waitMs, serviceMs);
      const key = keyOf(t);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = new Tally()));
      g.add(t, waitMs, serviceMs);
      const local = clock(t.issued_at);
      const row = heatmap[local.weekday] as number[];
      row[local.hour] = (row[local.hour] ?? 0) + 1;
    }
    const label = labeller(groupBy);
    const rows: QueueReportRow[] = orderedKeys(groupBy, period, groups.keys()).map((key) => ({
      key,
      label: label(key),
      ...(groups.get(key) ?? new Tally()).figures(),
    }));
    return { rows, totals: totals.figures(), heatmap };
  }

  /** The queue report of `from`…`to` grouped by `groupBy`, with the previous period of equal length for comparison. */
  function queueReport(from: string, to: string, groupBy: QueueGroupBy = 'service'): QueueReport {
    const period = checkPeriod(from, to);
    const previous = previousPeriod(from, to);
    const current = compute(period, groupBy);
    const before = compute(previous, groupBy);
    return {
      officeName: queue.settings().name,
      period,
      previousPeriod: previous,
      groupBy,
      rows: current.rows,
      totals: current.totals,
      previousTotals: before.totals,
      heatmap: current.heatmap,
      generatedAt: new Date(ctx.now()).toISOString(),
    };
  }

  return { queueReport, ...satisfactionReports(ctx, queue), ...dossierReports(ctx, queue) };
}

export type ReportsService = ReturnType<typeof reportsService>;
