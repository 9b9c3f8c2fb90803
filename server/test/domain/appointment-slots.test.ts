import { describe, expect, it } from 'vitest';
import { isBookingCode, normalizeBookingCode } from '@shared/booking-code';
import type { AppointmentRule } from '@shared/schemas/appointment';
import {
  bookingCodeFrom,
  checkInDecision,
  checkInWindow,
  DEFAULT_RULE,
  slotClosedReason,
  slotsOfDay,
  type BookingCalendar,
} from '../../src/domain/appointment-slots';
import { fakeClock } from '../helper';

const cal: BookingCalendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  sessions: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  workingDays: [1, 2, 3, 4, 5],
  overrides: new Map([['2026-11-25', { date: '2026-11-25', working: false, name: 'Tập huấn' }]]),
};
const rule = (over: Partial<AppointmentRule> = {}): AppointmentRule => ({ ...DEFAULT_RULE, enabled: true, ...over });

describe('slotsOfDay', () => {
  const cases = [
    { name: 'office sessions, 30 min: 9 + 7 slots', r: rule(), n: 16, first: '2026-11-24T00:00:00.000Z', last: '16:30' },
    { name: '45 min: a piece overrunning the session is dropped', r: rule({ slotMinutes: 45 }), n: 6 + 4, first: '2026-11-24T00:00:00.000Z', last: '15:45' },
    { name: 'own sessions', r: rule({ sessions: [{ start: '08:00', end: '09:00' }] }), n: 2, first: '2026-11-24T01:00:00.000Z', last: '08:30' },
    { name: 'a whole day', r: rule({ sessions: [{ start: '00:00', end: '24:00' }] }), n: 48, first: '2026-11-23T17:00:00.000Z', last: '23:30' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const slots = slotsOfDay(cal, c.r, '2026-11-24');
      expect(slots).toHaveLength(c.n);
      expect(new Date(slots[0]!.start).toISOString()).toBe(c.first);
      expect(slots.at(-1)!.local).toBe(c.last);
      expect(slots[0]!.end - slots[0]!.start).toBe(c.r.slotMinutes * 60_000);
    });
  }
});

describe('slotClosedReason', () => {
  // Monday 23/11/2026 09:00 in Hà Nội.
  const clock = fakeClock('2026-11-23T02:00:00.000Z');
  const at = (date: string, local: string, r = rule()) => {
    const slot = slotsOfDay(cal, r, date).find((s) => s.local === local);
    if (!slot) throw new Error(`no slot ${date} ${local}`);
    return { now: clock.now(), today: '2026-11-23', date, slot, serviceId: 1, blocks: [{ serviceId: 2, date: '2026-11-26', start: null }, { serviceId: null, date: '2026-11-27', start: '08:00' }] };
  };
  const cases: { name: string; date: string; local: string; r?: AppointmentRule; want: string | null }[] = [
    { name: 'later today, past the lead time', date: '2026-11-23', local: '10:30', want: null },
    { name: 'inside the lead time', date: '2026-11-23', local: '09:30', want: 'lead' },
    { name: 'lead 0 lets a slot starting soon be booked', date: '2026-11-23', local: '09:30', r: rule({ leadMinutes: 0 }), want: null },
    { name: 'started already', date: '2026-11-23', local: '08:30', want: 'past' },
    { name: 'calendar day off', date: '2026-11-25', local: '08:00', want: 'holiday' },
    { name: 'weekend', date: '2026-11-28', local: '08:00', want: 'holiday' },
    { name: 'public holiday (1/1)', date: '2027-01-01', local: '08:00', r: rule({ daysAhead: 60 }), want: 'holiday' },
    { name: 'holidays not skipped: a weekly working day', date: '2026-11-25', local: '08:00', r: rule({ skipHolidays: false }), want: null },
    { name: 'beyond the days ahead', date: '2026-12-08', local: '08:00', want: 'too_far' },
    { name: 'the last day ahead', date: '2026-12-07', local: '08:00', want: null },
    { name: 'a block of another service', date: '2026-11-26', local: '08:00', want: null },
    { name: 'a slot block of every service', date: '2026-11-27', local: '08:00', want: 'blocked' },
    { name: 'the next slot of the same day', date: '2026-11-27', local: '08:30', want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = c.r ?? rule();
      expect(slotClosedReason(cal, r, at(c.date, c.local, r))).toBe(c.want);
    });
  }
});

describe('check-in', () => {
  const start = Date.parse('2026-11-23T03:00:00.000Z');
  const w = checkInWindow(start, DEFAULT_RULE);
  const booking = (status = 'booked') => ({ status, checkInFrom: w.from, checkInUntil: w.until });
  it('window: 30 min before to 15 min after', () => {
    expect(new Date(w.from).toISOString()).toBe('2026-11-23T02:30:00.000Z');
    expect(new Date(w.until).toISOString()).toBe('2026-11-23T03:15:00.000Z');
  });
  const cases = [
    { name: 'one minute before the window', now: w.from - 60_000, b: booking(), late: 'ticket' as const, want: 'too_early' },
    { name: 'window opens', now: w.from, b: booking(), late: 'ticket' as const, want: 'on_time' },
    { name: 'window closes', now: w.until, b: booking(), late: 'refuse' as const, want: 'on_time' },
    { name: 'late, normal ticket', now: w.until + 1, b: booking(), late: 'ticket' as const, want: 'late_ticket' },
    { name: 'late, refused', now: w.until + 1, b: booking(), late: 'refuse' as const, want: 'too_late' },
    { name: 'marked missed', now: w.until + 1, b: booking('missed'), late: 'ticket' as const, want: 'late_ticket' },
    { name: 'cancelled', now: w.from, b: booking('cancelled'), late: 'ticket' as const, want: 'cancelled' },
    { name: 'twice', now: w.from, b: booking('checked_in'), late: 'ticket' as const, want: 'already' },
  ];
  for (const c of cases) it(c.name, () => expect(checkInDecision(c.now, c.b, c.late)).toBe(c.want));
});

describe('booking codes', () => {
  it('uses only the unambiguous alphabet', () => {
    expect(bookingCodeFrom(Uint8Array.from([0, 8, 14, 31, 255, 200]))).toBe('AJQ99J');
    for (let i = 0; i < 256; i += 6) {
      const code = bookingCodeFrom(Uint8Array.from([i, i + 1, i + 2, i + 3, i + 4, i + 5]));
      expect(isBookingCode(code)).toBe(true);
      expect(code).not.toMatch(/[01OI]/);
    }
  });
  it.each([
    ['k7m q2x', 'K7MQ2X'],
    ['K7M-Q2X', 'K7MQ2X'],
    ['http://hub.test/kiosk/phone/#/lich-hen/K7MQ2X', 'K7MQ2X'],
    ['K7MQ2', ''],
    ['K0MQ2X', ''],
  ])('normalises %s', (input, want) => expect(normalizeBookingCode(input)).toBe(want));
});
