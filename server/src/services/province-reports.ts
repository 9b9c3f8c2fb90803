import { RATING_LEVELS, type RatingLevel } from '@shared/rating';
import type {
  ProvinceDossierFigures,
  ProvinceDossierReport,
  ProvinceQueueFigures,
  ProvinceQueueReport,
  ProvinceSatisfactionFigures,
  ProvinceSatisfactionReport,
} from '@shared/schemas/province-reports';
import { addDays, previousPeriod } from '@shared/schemas/report';
import { rate } from '../domain/percentiles';
import type { FieldFlows, FieldStock, QueueSums } from '../repositories/province-facts-repository';
import type { ServiceContext } from './context';
import { checkPeriod } from './reports-common';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
const minutes = (seconds: number, n: number) => (n > 0 ? Math.round((seconds / n / 60) * 10) / 10 : null);
/** Queue sums of nothing. */
export const ZERO_QUEUE: QueueSums = { tickets: 0, served: 0, no_show: 0, wait_seconds: 0, waited: 0, serve_seconds: 0 };
/** Dossier flows of nothing. */
export const ZERO_FLOWS: FieldFlows = {
  received: 0,
  received_online: 0,
  received_in_person: 0,
  resolved_early: 0,
  resolved_on_time: 0,
  resolved_late: 0,
  returned: 0,
  refused: 0,
  withdrawn: 0,
};
/** No dossier in progress. */
export const ZERO_STOCK: FieldStock = { on_time: 0, overdue: 0 };

/** Adds rows of sums column by column. */
export function total<T extends object>(rows: readonly T[], zero: T): T {
  const out = { ...zero } as Record<string, number>;
  for (const r of rows) for (const k of Object.keys(zero)) out[k] = (out[k] ?? 0) + ((r as Record<string, number>)[k] ?? 0);
  return out as T;
}

/** Queue sums as a report shows them (averages in minutes). */
export const queueFigures = (r: QueueSums): ProvinceQueueFigures => ({
  tickets: r.tickets,
  served: r.served,
  noShow: r.no_show,
  avgWaitMinutes: minutes(r.wait_seconds, r.waited),
  avgServeMinutes: minutes(r.serve_seconds, r.served),
});

/** One II.06a row: the period's flows, what was in progress when it began (`carried`) and at its end (`stock`). */
export function dossierFigures(r: FieldFlows, carried: FieldStock, stock: FieldStock): ProvinceDossierFigures {
  const resolved = r.resolved_early + r.resolved_on_time + r.resolved_late;
  return {
    carriedOver: carried.on_time + carried.overdue,
    received: r.received,
    receivedOnline: r.received_online,
    receivedInPerson: r.received_in_person,
    resolved,
    resolvedEarly: r.resolved_early,
    resolvedOnTime: r.resolved_on_time,
    resolvedLate: r.resolved_late,
    returned: r.returned,
    refused: r.refused,
    withdrawn: r.withdrawn,
    inProgress: stock.on_time + stock.overdue,
    inProgressOnTime: stock.on_time,
    inProgressOverdue: stock.overdue,
    onTimeRate: rate(r.resolved_early + r.resolved_on_time, resolved),
  };
}

/** Ratings per level as a report shows them: counts, % per level, the share satisfied. */
export function satisfactionFigures(counts: Partial<Record<string, number>>): ProvinceSatisfactionFigures {
  const sum = Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);
  const all = Object.fromEntries(RATING_LEVELS.map((l) => [l, counts[l] ?? 0]));
  return {
    total: sum,
    counts: all,
    percents: Object.fromEntries(RATING_LEVELS.map((l) => [l, rate(all[l] ?? 0, sum)])),
    satisfiedRate: rate((all.very_satisfied ?? 0) + (all.satisfied ?? 0), sum),
  };
}

/**
 * The province's reports across offices over a period of business days, each with the previous period of the same
 * length: queue (per office and per field), dossiers (Biểu II.06a per office and per field) and satisfaction (per
 * office). Figures are sums of the offices' day facts, so each office's row equals its own report of the period.
 */
export function provinceReports(ctx: ServiceContext) {
  const { repos } = ctx;
  const facts = repos.provinceFacts;
  const periods = (from: string, to: string) => {
    checkPeriod(from, to);
    const p = previousPeriod(from, to);
    return { from, to, previousFrom: p.from, previousTo: p.to };
  };
  const offices = () => repos.province.all().map((o) => ({ id: o.id, code: o.code, name: o.name }));

  return {
    queueReport(from: string, to: string): ProvinceQueueReport {
      const p = periods(from, to);
      const sums = new Map(repos.province.queueSums(from, to).map((r) => [r.id, r]));
      const rows = offices().map((o) => ({ ...o, ...queueFigures(sums.get(o.id) ?? ZERO_QUEUE) }));
      return {
        ...p,
        offices: rows,
        fields: facts.queueByField(from, to).map((r) => ({ name: r.name, ...queueFigures(r) })).sort(byName),
        totals: queueFigures(total([...sums.values()], ZERO_QUEUE)),
        previous: queueFigures(total(repos.province.queueSums(p.previousFrom, p.previousTo), ZERO_QUEUE)),
      };
    },

    dossierReport(from: string, to: string): ProvinceDossierReport {
      const p = periods(from, to);
      const flows = new Map(facts.flowsByOffice(from, to).map((r) => [r.id, r]));
      const [carried, stock] = [facts.stockByOffice(from), facts.stockByOffice(addDays(to, 1))];
      const fieldFlows = new Map(facts.flowsByField(from, to).map((r) => [r.name, r]));
      const [fieldCarried, fieldStock] = [facts.stockByField(from), facts.stockByField(addDays(to, 1))];
      const names = new Set([...fieldFlows.keys(), ...fieldCarried.keys(), ...fieldStock.keys()]);
      const all = (m: Map<unknown, FieldStock>) => total([...m.values()], ZERO_STOCK);
      const previous = () => {
        const before = facts.flowsByOffice(p.previousFrom, p.previousTo);
        return dossierFigures(total(before, ZERO_FLOWS), all(facts.stockByOffice(p.previousFrom)), all(facts.stockByOffice(from)));
      };
      return {
        ...p,
        offices: offices().map((o) => ({ ...o, ...dossierFigures(flows.get(o.id) ?? ZERO_FLOWS, carried.get(o.id) ?? ZERO_STOCK, stock.get(o.id) ?? ZERO_STOCK) })),
        fields: [...names]
          .map((name) => ({ name, ...dossierFigures(fieldFlows.get(name) ?? ZERO_FLOWS, fieldCarried.get(name) ?? ZERO_STOCK, fieldStock.get(name) ?? ZERO_STOCK) }))
          .sort(byName),
        totals: dossierFigures(total([...flows.values()], ZERO_FLOWS), all(carried), all(stock)),
        previous: previous(),
      };
    },

    satisfactionReport(from: string, to: string): ProvinceSatisfactionReport {
      const p = periods(from, to);
      const byOffice = (f: string, t: string) => {
        const m = new Map<number, Partial<Record<RatingLevel, number>>>();
        for (const r of facts.ratingsByOffice(f, t)) m.set(r.id, { ...m.get(r.id), [r.level]: r.n });
        return m;
      };
      const now = byOffice(from, to);
      const before = byOffice(p.previousFrom, p.previousTo);
      const zero: Record<string, number> = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0]));
      const sum = (m: Map<number, Partial<Record<string, number>>>) => satisfactionFigures(total([...m.values()] as Record<string, number>[], zero));
      const totals = sum(now);
      const previous = sum(before);
      return {
        ...p,
        levels: RATING_LEVELS.filter((l) => (totals.counts[l] ?? 0) + (previous.counts[l] ?? 0) > 0),
        offices: offices().map((o) => ({ ...o, ...satisfactionFigures(now.get(o.id) ?? {}) })),
        totals,
        previous,
      };
    },
  };
}
export type ProvinceReports = ReturnType<typeof provinceReports>;
