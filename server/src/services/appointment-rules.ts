import { createHash } from 'node:crypto';
import { businessDay } from '@shared/office-time';
import type { AppointmentRule, AppointmentSettings } from '@shared/schemas/appointment';
import { DEFAULT_RULE, type BookingCalendar } from '../domain/appointment-slots';
import type { ServiceContext } from './context';

/** A new office's booking settings: ID number optional, no limit after misses (an office sets one, e.g. 3 in 90 days). */
export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = { idNumberRequired: false, maxMisses: 0, missWindowDays: 90 };

/** Digits of a phone number, "+84…"/"84…" written as the national "0…". */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/** SHA-256 of a cancel token (only the hash is kept). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Reading the office's booking rules, settings and calendar (shared by the citizen, staff and admin use-cases). */
export function appointmentRules(ctx: ServiceContext) {
  const { repos } = ctx;
  return {
    rule: (serviceId: number): AppointmentRule => ({ ...DEFAULT_RULE, ...repos.appointments.rule(serviceId) }),
    settings: (): AppointmentSettings => ({ ...DEFAULT_APPOINTMENT_SETTINGS, ...repos.settings.read<Partial<AppointmentSettings>>('appointments') }),
    calendar: (): BookingCalendar => {
      const o = repos.settings.office();
      return { timeZone: o.timezone, sessions: o.sessions, workingDays: o.workingDays, overrides: new Map(repos.calendar.all().map((d) => [d.date, d])) };
    },
    /** The office's local date of an instant. */
    dayOf: (at: number): string => businessDay(new Date(at), repos.settings.office().timezone),
  };
}
export type AppointmentRules = ReturnType<typeof appointmentRules>;
