import { publicHolidays, workCalendar, type WorkCalendar } from '@shared/working-days';
import type { CalendarDay, CalendarYear } from '@shared/schemas/dossier';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { ServiceContext } from './context';

/** The office calendar: generated holidays plus the admin's overrides, and the working-time calendar built from them. */
export function calendarService(ctx: ServiceContext) {
  const { repos } = ctx;

  /** The working-time calendar of the office now (its time zone and sessions, Monday–Friday, overrides). */
  function current(): WorkCalendar {
    const s = repos.settings.office();
    return workCalendar(s.timezone, s.sessions, repos.calendar.all());
  }

  function year(y: number): CalendarYear {
    return { year: y, holidays: publicHolidays(y), overrides: repos.calendar.year(y) };
  }

  function put(day: CalendarDay, actor: StaffActor): CalendarDay {
    ctx.db.transaction(() => {
      repos.calendar.put(day, actor.userId, ctx.now());
      repos.audit.write(ctx.now(), actor, { action: 'calendar.put', targetType: 'calendar_day', targetId: day.date, details: day });
    })();
    return day;
  }

  function remove(date: string, actor: StaffActor): void {
    ctx.db.transaction(() => {
      if (!repos.calendar.remove(date)) fail('NOT_FOUND');
      repos.audit.write(ctx.now(), actor, { action: 'calendar.remove', targetType: 'calendar_day', targetId: date });
    })();
  }

  return { current, year, put, remove };
}
export type CalendarService = ReturnType<typeof calendarService>;
