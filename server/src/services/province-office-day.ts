import { businessDay } from '@shared/office-time';
import type { ProvinceDayDossierFigures, ProvinceOfficeDay } from '@shared/schemas/province-office-day';
import { fail } from '../errors';
import type { FieldFlows, FieldStock, QueueSums } from '../repositories/province-facts-repository';
import type { ServiceContext } from './context';
import { dossierFigures, queueFigures, satisfactionFigures, total, ZERO_FLOWS, ZERO_QUEUE, ZERO_STOCK } from './province-reports';
import { toOffice } from './province-service';
import { checkPeriod } from './reports-common';

const vi = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true });
const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => vi(a.name, b.name));

/** One field's (or the day's) II.06a figures: the day's flows and what was in progress at its end. */
function dayDossiers(r: FieldFlows & FieldStock): ProvinceDayDossierFigures {
  const { carriedOver: _, ...rest } = dossierFigures(r, ZERO_STOCK, r);
  return rest;
}

/**
 * One office's day at the province (the board's click-through): its live state and, as the office last sent them,
 * the day's queue figures per service, counter and staff member, Biểu II.06a per field and its ratings.
 */
export function provinceOfficeDay(ctx: ServiceContext) {
  const { repos } = ctx;
  const facts = repos.provinceFacts;

  return {
    /** The office's facts of `day` (today in the hub's time zone when omitted); 404 for an unknown office. */
    officeDay(id: number, day?: string): ProvinceOfficeDay {
      const row = repos.province.byId(id) ?? fail('NOT_FOUND');
      if (day !== undefined) checkPeriod(day, day);
      const settings = repos.settings.office();
      const today = businessDay(new Date(ctx.now()), settings.timezone, settings.dailyResetTime);
      const d = day ?? today;
      const o = toOffice(row, ctx.now());
      const services = facts.dayServices(id, d);
      const fields = facts.dayFields(id, d);
      const levels: Record<string, number> = {};
      for (const r of facts.dayRatings(id, d)) levels[r.level] = r.n;
      const group = (kind: 'counter' | 'staff') => facts.dayGroups(id, d, kind);
      return {
        office: {
          id: o.id,
          code: o.code,
          name: o.name,
          state: o.state,
          online: o.online,
          lastSeenAt: o.lastSeenAt,
          waiting: o.waiting,
          longestWaitMinutes: o.longestWaitMinutes,
          openCounters: o.openCounters,
          printersDown: o.printersDown,
          clockSkewSeconds: o.clockSkewSeconds,
        },
        day: d,
        today,
        received: facts.dayHeld(id, d),
        queue: queueFigures(total<QueueSums>(services, ZERO_QUEUE)),
        services: byName(services.map((r) => ({ code: r.code, name: r.name, ...queueFigures(r) }))),
        counters: byName(group('counter').map((r) => ({ name: r.key, ...queueFigures(r) }))),
        staff: group('staff').map((r) => ({ username: r.key, ...queueFigures(r) })).sort((a, b) => vi(a.username, b.username)),
        dossiers: dayDossiers(total<FieldFlows & FieldStock>(fields, { ...ZERO_FLOWS, ...ZERO_STOCK })),
        fields: byName(fields.map((r) => ({ code: r.code, name: r.name, ...dayDossiers(r) }))),
        ratings: satisfactionFigures(levels),
      };
    },
  };
}
