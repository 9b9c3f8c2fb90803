import { describe, expect, it } from 'vitest';
import { businessDay, formatDateTime, isWithinSessions, localParts, weekdayVi } from './office-time';
import { formatTicketNumber, numberWidth, wrappedNumber } from './ticket-number';

const TZ = 'Asia/Ho_Chi_Minh';

describe('office time', () => {
  it.each([
    ['2026-11-22T16:59:59Z', '00:00', '2026-11-22'],
    ['2026-11-22T17:00:00Z', '00:00', '2026-11-23'],
    ['2026-11-22T20:00:00Z', '05:00', '2026-11-22'], // 03:00 local, before a 05:00 reset
    ['2026-11-22T22:00:00Z', '05:00', '2026-11-23'], // 05:00 local
    ['2026-12-31T17:30:00Z', '00:00', '2027-01-01'],
    ['2027-03-01T01:00:00Z', '09:00', '2027-02-28'], // 08:00 local on 1/3, reset 09:00 → 28/2
  ])('%s with reset %s is business day %s', (instant, reset, day) => {
    expect(businessDay(new Date(instant), TZ, reset)).toBe(day);
  });

  it('uses the office zone, not UTC, for sessions', () => {
    const sessions = [
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ];
    const weekdays = [1, 2, 3, 4, 5];
    expect(isWithinSessions(new Date('2026-11-23T00:00:00Z'), TZ, weekdays, sessions)).toBe(true); // Mon 07:00
    expect(isWithinSessions(new Date('2026-11-23T04:30:00Z'), TZ, weekdays, sessions)).toBe(false); // 11:30 end is exclusive
    expect(isWithinSessions(new Date('2026-11-23T05:00:00Z'), TZ, weekdays, sessions)).toBe(false); // lunch
    expect(isWithinSessions(new Date('2026-11-23T09:59:00Z'), TZ, weekdays, sessions)).toBe(true); // 16:59
    expect(isWithinSessions(new Date('2026-11-22T02:00:00Z'), TZ, weekdays, sessions)).toBe(false); // Sunday
    expect(isWithinSessions(new Date('2026-11-22T16:59:00Z'), TZ, [0], [{ start: '00:00', end: '24:00' }])).toBe(true); // 23:59 Sunday
  });

  it('formats dates and times the Vietnamese way', () => {
    const d = new Date('2026-11-23T01:05:00Z');
    expect(formatDateTime(d, TZ)).toBe('23/11/2026 08:05');
    expect(weekdayVi(d, TZ)).toBe('Thứ Hai');
    expect(weekdayVi(new Date('2026-11-22T01:00:00Z'), TZ)).toBe('Chủ nhật');
    expect(localParts(d, TZ)).toMatchObject({ year: 2026, month: 11, day: 23, hour: 8, minute: 5, weekday: 1 });
  });
});

describe('ticket numbers', () => {
  it('pads to the width of the end number', () => {
    expect(numberWidth(99)).toBe(3);
    expect(numberWidth(9999)).toBe(4);
    expect(formatTicketNumber('A', 12, 3)).toBe('A012');
    expect(formatTicketNumber('', 1023, 4)).toBe('1023');
    expect(wrappedNumber(1, 3, 4)).toBe(1);
    expect(wrappedNumber(1, 3, 3)).toBe(3);
  });
});

describe('localParts (offset cached per quarter hour) agrees with the Intl formatter', () => {
  const viaIntl = (date: Date, timeZone: string) => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday ?? '');
    return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second), weekday };
  };
  // Vietnam, zones with summer time (one switching on the half hour) and one a quarter hour off.
  const zones = ['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
  it.each(zones)('%s: every 7 minutes 13 seconds across 2026 summer-time switches, and around midnight', (zone) => {
    const days = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-12-31'];
    for (const day of days) {
      const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 433_000) expect(localParts(new Date(ms), zone), `${zone} ${new Date(ms).toISOString()}`).toEqual(viaIntl(new Date(ms), zone));
    }
  });
});
