import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '@shared/booking-code';
import { formatTime, minutesOfDay, type Session } from '@shared/office-time';
import type { AppointmentRule, SlotClosedReason } from '@shared/schemas/appointment';
import { addDays, isWorkingDate, SAME_DAY_CUTOFF, weekdayOf, zonedInstant, type CalendarOverride } from '@shared/working-days';

/** A new service's booking rules: off, 30-minute slots of 2 places, 14 days ahead, check-in 30 min before → 15 after. */
export const DEFAULT_RULE: AppointmentRule = {
  enabled: false,
  slotMinutes: 30,
  places: 2,
  sessions: null,
  daysAhead: 14,
  leadMinutes: 60,
  perPersonPerDay: 1,
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  lateRule: 'ticket',
  skipHolidays: true,
};

/** The office's working time as bookings see it. */
export interface BookingCalendar {
  timeZone: string;
  /** The office's working sessions (slots are cut in them unless the rule has its own). */
  sessions: readonly Session[];
  /** The office's weekly working days, 0 = Sunday. */
  workingDays: readonly number[];
  /** The office calendar's overrides (days off, make-up working days), by date. */
  overrides: ReadonlyMap<string, CalendarOverride>;
}

/** A staff block: a whole day (start null) or the slot starting at a local time, of one service or all. */
export interface SlotBlock {
  serviceId: number | null;
  date: string;
  start: string | null;
}

/** One slot of a day: its instants and its local start ("HH:MM"). */
export interface SlotTime {
  start: number;
  end: number;
  local: string;
}

const MIN = 60_000;

/** True when bookings may be taken on `date`: a weekly working day and, unless the rule says otherwise, no holiday or day off. */
export function isBookingDay(cal: BookingCalendar, rule: AppointmentRule, date: string): boolean {
  if (!rule.skipHolidays) return cal.workingDays.includes(weekdayOf(date));
  return isWorkingDate({ timeZone: cal.timeZone, sessions: cal.sessions, weekdays: cal.workingDays, overrides: cal.overrides, cutoff: SAME_DAY_CUTOFF }, date);
}

/** The slots of `date`: each session cut into slot-length pieces from its start; a piece overrunning the session is dropped. */
export function slotsOfDay(cal: BookingCalendar, rule: AppointmentRule, date: string): SlotTime[] {
  const out: SlotTime[] = [];
  for (const s of rule.sessions ?? cal.sessions) {
    const end = minutesOfDay(s.end);
    for (let m = minutesOfDay(s.start); m + rule.slotMinutes <= end; m += rule.slotMinutes) {
      const start = zonedInstant(date, m, cal.timeZone);
      out.push({ start, end: start + rule.slotMinutes * MIN, local: formatTime(new Date(start), cal.timeZone) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a block covers the slot starting at local `local` on `date` for `serviceId`. */
export function isBlocked(blocks: readonly SlotBlock[], serviceId: number, date: string, local: string): boolean {
  return blocks.some((b) => b.date === date && (b.serviceId === null || b.serviceId === serviceId) && (b.start === null || b.start === local));
}

/** What decides whether a slot can still be booked. */
export interface SlotCheck {
  now: number;
  /** The office's business day of `now`. */
  today: string;
  date: string;
  slot: SlotTime;
  serviceId: number;
  blocks: readonly SlotBlock[];
}

/** Why the slot cannot be booked now, or null when it can (places aside). */
export function slotClosedReason(cal: BookingCalendar, rule: AppointmentRule, c: SlotCheck): SlotClosedReason | null {
  if (c.slot.start <= c.now) return 'past';
  if (c.date > addDays(c.today, rule.daysAhead)) return 'too_far';
  if (!isBookingDay(cal, rule, c.date)) return 'holiday';
  if (isBlocked(c.blocks, c.serviceId, c.date, c.slot.local)) return 'blocked';
  if (c.slot.start - rule.leadMinutes * MIN < c.now) return 'lead';
  return null;
}

/** The check-in window of a slot starting at `start`. */
export function checkInWindow(start: number, rule: Pick<AppointmentRule, 'checkInBeforeMinutes' | 'checkInAfterMinutes'>): { from: number; until: number } {
  return { from: start - rule.checkInBeforeMinutes * MIN, until: start + rule.checkInAfterMinutes * MIN };
}

/** What a check-in attempt at `now` gets. */
export type CheckInDecision = 'on_time' | 'late_ticket' | 'too_early' | 'too_late' | 'already' | 'cancelled';

/**
 * Check-in at the kiosk: inside the window a ticket of the appointment group; before it, come back later; after it
 * (or once marked missed), the office's late rule: a normal ticket, or nothing.
 */
export function checkInDecision(
  now: number,
  booking: { status: string; checkInFrom: number; checkInUntil: number },
  lateRule: AppointmentRule['lateRule'],
): CheckInDecision {
  if (booking.status === 'cancelled') return 'cancelled';
  if (booking.status === 'checked_in') return 'already';
  if (now < booking.checkInFrom) return 'too_early';
  if (now <= booking.checkInUntil && booking.status === 'booked') return 'on_time';
  return lateRule === 'ticket' ? 'late_ticket' : 'too_late';
}

/** A booking code from random bytes (32 letters: each byte's low 5 bits pick one, uniformly). */
export function bookingCodeFrom(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) code += BOOKING_CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  return code;
}
