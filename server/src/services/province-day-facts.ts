import { RATING_LEVELS } from '@shared/rating';
import type { DayFacts } from '@shared/schemas/province-facts';
import type { QueueReportRow } from '@shared/schemas/report';
import { reportsRepository } from '../repositories/reports-repository';
import type { ServiceContext } from './context';
import type { ReportsService } from './reports-service';

/** The key of a group with no counter or staff member (tickets never called). */
const NONE = '-';
const queueCounts = (r: QueueReportRow) => ({
  tickets: r.tickets,
  served: r.served,
  noShow: r.noShow,
  waitSeconds: r.wait.totalSeconds ?? 0,
  waited: r.wait.count,
  serveSeconds: r.service.totalSeconds ?? 0,
});

/**
 * An office's facts of one business day, as its own reports say them (the queue report per service, counter and
 * staff member, Biểu II.06a per field, the satisfaction counts per receiving staff member): what it sends its
 * province. Staff go up by username only, citizens not at all.
 */
export function provinceDayFacts(ctx: ServiceContext, reports: ReportsService) {
  const { repos } = ctx;
  const fieldCodes = () => new Map(reportsRepository(ctx.db).fields().map((f) => [String(f.id), f.code]));
  const username = (id: string | number | null) => {
    if (id === null || id === '') return NONE;
    return (repos.users.byId(Number(id))?.username ?? `#${id}`).slice(0, 60);
  };

  // The II.06a figures read every dossier and its log: kept per day until a dossier or a dossier event is added
  // (every change of a dossier writes an event), so the ticket events of a busy day do not recompute them.
  const stamp = ctx.db.prepare<[], { d: number | null; e: number | null }>('SELECT (SELECT MAX(id) FROM dossiers) AS d, (SELECT MAX(id) FROM dossier_events) AS e');
  const cache = new Map<string, { key: string; at: number; fields: DayFacts['fields'] }>();
  function dossierFields(day: string): DayFacts['fields'] {
    const s = stamp.get();
    const key = `${s?.d ?? 0}:${s?.e ?? 0}`;
    const hit = cache.get(day);
    // Also renewed every 10 minutes: a field renamed in the catalog writes no dossier event.
    if (hit && hit.key === key && ctx.now() - hit.at < 10 * 60_000) return hit.fields;
    const codes = fieldCodes();
    const fields = reports.dossierReport(day, day).byField.map((f) => ({
      fieldCode: (codes.get(f.key) ?? `#${f.key}`).slice(0, 40),
      fieldName: f.label.slice(0, 200),
      received: f.receivedNew,
      receivedOnline: f.receivedOnline,
      receivedInPerson: f.receivedInPerson,
      resolvedEarly: f.resolvedEarly,
      resolvedOnTime: f.resolvedOnTime,
      resolvedLate: f.resolvedLate,
      returned: f.resultsReturned,
      refused: f.refused,
      withdrawn: f.withdrawn,
      inProgressOnTime: f.inProgressOnTime,
      inProgressOverdue: f.inProgressOverdue,
    }));
    cache.delete(day);
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    cache.set(day, { key, at: ctx.now(), fields });
    return fields;
  }

  function services(day: string): DayFacts['services'] {
    const byId = new Map(repos.catalog.services().map((s) => [String(s.id), s]));
    return reports
      .queueReport(day, day, 'service')
      .rows.filter((r) => r.tickets > 0)
      .map((r) => {
        const s = byId.get(r.key);
        return { serviceCode: (s?.code ?? `#${r.key}`).slice(0, 20), serviceName: (s?.name_vi ?? r.label).slice(0, 200), ...queueCounts(r) };
      });
  }

  return {
    dayFacts(day: string): DayFacts {
      const counters = reports
        .queueReport(day, day, 'counter')
        .rows.filter((r) => r.tickets > 0)
        .map((r) => ({ counter: (r.key === '' ? NONE : r.label).slice(0, 60), ...queueCounts(r) }));
      const staff = reports
        .queueReport(day, day, 'staff')
        .rows.filter((r) => r.tickets > 0)
        .map((r) => ({ staff: username(r.key), ...queueCounts(r) }));
      const fields = dossierFields(day);
      const ratings = repos.ratings
        .summary('staff', { from: day, to: day })
        .flatMap((g) => RATING_LEVELS.filter((l) => (g.levels[l] ?? 0) > 0).map((level) => ({ staff: g.key === null ? null : username(g.key), level, count: g.levels[level] })));
      return { day, services: services(day), counters, staff, fields, ratings };
    },
  };
}
