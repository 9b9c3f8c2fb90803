import { addDays } from '@shared/working-days';
import { businessDay, localParts } from '@shared/office-time';
import type { ServiceContext } from './context';

/** Default local hour of the day before a booking from which its reminder goes (APPOINTMENT_REMINDER_HOUR). */
export const DEFAULT_REMINDER_HOUR = 17;
/**
 * The outbox entry of a due reminder: internal (not in the webhook catalog, so no endpoint wants it), read only by
 * the notifications consumer. Its data is `{ appointmentId }`: no personal field in the stream.
 */
export const REMINDER_EVENT = 'notify.appointment_reminder';

/**
 * The day-before reminder: from `hour` (office time) on, each booking of tomorrow still booked gets one reminder
 * entry in the outbox, written with its `reminded_at` in one transaction (once per booking, never lost by a
 * restart: the notifications consumer sends it, retried like every message). Bookings made after that hour already
 * got their confirmation and no reminder.
 */
export function appointmentReminderService(ctx: ServiceContext, hour: number) {
  const { repos, db } = ctx;

  /** Puts the due reminders in the outbox; answers how many (0 before the hour). Called by the hub's scheduler. */
  function runIfDue(): number {
    const now = ctx.now();
    const tz = repos.settings.office().timezone;
    const p = localParts(new Date(now), tz);
    if (p.hour < hour) return 0;
    // The instant the hour began today (no daylight saving in the office's zones that matter here; minutes exact).
    const from = now - ((p.hour - hour) * 3600 + p.minute * 60 + p.second) * 1000 - (now % 1000);
    const tomorrow = addDays(businessDay(new Date(now), tz), 1);
    return db.transaction(() => {
      const ids = repos.appointments.toRemind(tomorrow, from);
      for (const id of ids) {
        repos.appointments.setReminded(id, now);
        repos.outbox.append(REMINDER_EVENT, now, { appointmentId: id });
      }
      return ids.length;
    })();
  }

  return { runIfDue, hour };
}
export type AppointmentReminderService = ReturnType<typeof appointmentReminderService>;
