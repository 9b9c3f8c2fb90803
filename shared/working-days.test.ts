import { describe, expect, it } from 'vitest';
import { hungKingsDate, lunarToSolar, solarToLunar, tetDate } from './lunar-calendar';
import { localParts } from './office-time';
import {
  dueAfterPause,
  dueDate,
  isWorkingDate,
  publicHolidays,
  workCalendar,
  workingMinutesBetween,
  zonedInstant,
  type CalendarOverride,
  type TimeLimit,
} from './working-days';

const TZ = 'Asia/Ho_Chi_Minh';
const SESSIONS = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
const cal = workCalendar(TZ, SESSIONS);

/** "YYYY-MM-DD HH:MM" local → epoch ms. */
function at(local: string): number {
  const [date, time = '00:00'] = local.split(' ') as [string, string?];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return zonedInstant(date, h * 60 + m, TZ);
}
/** epoch ms → "YYYY-MM-DD HH:MM" local. */
function show(ms: number): string {
  const p = localParts(new Date(ms), TZ);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
const wd = (value: number): TimeLimit => ({ kind: 'working_days', value, cutoff15h: false });
const sameDay: TimeLimit = { kind: 'same_day', value: null, cutoff15h: true };

describe('lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'], // China (UTC+8): 20/02/1985
    [2007, '2007-02-17'], // China: 18/02/2007
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'], // China: 03/02/2030
  ])('Tết %i is %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('Giỗ Tổ %i is %s', (year, date) => {
    expect(hungKingsDate(year)).toBe(date);
  });

  it('differs from the UTC+8 calendar in 2030 and round-trips, including a leap month', () => {
    expect(lunarToSolar({ day: 1, month: 1, year: 2030, leap: false }, 8)).toEqual({ year: 2030, month: 2, day: 3 });
    expect(solarToLunar({ year: 2026, month: 11, day: 23 })).toEqual({ day: 15, month: 10, year: 2026, leap: false });
    // 2025 has a leap 6th month (nhuận tháng 6) starting 25/07/2025.
    expect(solarToLunar({ year: 2025, month: 7, day: 25 })).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toEqual({ year: 2025, month: 7, day: 25 });
    expect(lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toBeNull();
  });
});

describe('public holidays (Bộ luật Lao động 2019 Điều 112)', () => {
  it('generates 2026 with Tết, Giỗ Tổ on a Sunday compensated on Monday, and 2/9 plus 3/9', () => {
    expect(publicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-09-03',
    ]);
    expect(publicHolidays(2026).find((h) => h.date === '2026-04-27')?.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  });

  it('compensates Tết days on a weekend (2027) and takes 1/9 when 2/9 is a Tuesday (2025)', () => {
    const d2027 = publicHolidays(2027).map((h) => h.date);
    expect(d2027).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-09', '2027-02-10', '2027-02-11']));
    expect(d2027).not.toContain('2027-02-12');
    expect(publicHolidays(2025).map((h) => h.date)).toEqual(expect.arrayContaining(['2025-09-01', '2025-09-02']));
    expect(publicHolidays(2030).map((h) => h.date)).toEqual(expect.arrayContaining(['2030-02-01', '2030-02-02', '2030-02-05']));
  });

  it('lets overrides win: a make-up Saturday works, a compensatory day is off, a holiday can be worked', () => {
    const overrides: CalendarOverride[] = [
      { date: '2026-11-28', working: true, name: 'Làm bù' },
      { date: '2026-11-30', working: false, name: 'Nghỉ bù' },
      { date: '2026-09-03', working: true, name: 'Theo thông báo' },
    ];
    const c = workCalendar(TZ, SESSIONS, overrides);
    expect([isWorkingDate(c, '2026-11-28'), isWorkingDate(c, '2026-11-30'), isWorkingDate(c, '2026-09-03')]).toEqual([true, false, true]);
    expect([isWorkingDate(cal, '2026-11-28'), isWorkingDate(cal, '2026-11-30'), isWorkingDate(cal, '2026-09-03')]).toEqual([false, true, false]);
  });
});

describe('appointment date', () => {
  it.each<[string, string, TimeLimit, string]>([
    ['same time three working days later', '2026-11-23 09:00', wd(3), '2026-11-26 09:00'],
    ['over a weekend', '2026-11-27 16:00', wd(1), '2026-11-30 16:00'],
    ['received on Saturday: from Monday opening', '2026-11-28 10:00', wd(1), '2026-11-30 17:00'],
    ['received after closing: from next opening', '2026-11-23 18:00', wd(2), '2026-11-25 17:00'],
    ['received at lunch: from 13:30', '2026-11-23 12:00', wd(1), '2026-11-24 11:30'],
    ['received before opening', '2026-11-23 06:00', wd(1), '2026-11-23 17:00'],
    ['over Tết 2026 (16–20/02)', '2026-02-13 09:00', wd(3), '2026-02-25 09:00'],
    ['over New Year into 2027', '2026-12-30 10:00', wd(3), '2027-01-05 10:00'],
    ['over Giỗ Tổ compensatory Monday', '2026-04-24 09:00', wd(2), '2026-04-29 09:00'],
    ['over 30/4 and 1/5', '2026-04-29 09:00', wd(2), '2026-05-05 09:00'],
    ['over 2/9 and 3/9', '2026-09-01 09:00', wd(1), '2026-09-04 09:00'],
    ['25 working days', '2026-11-23 09:00', wd(25), '2026-12-28 09:00'],
    ['hours, across the night', '2026-11-23 16:00', { kind: 'hours', value: 4, cutoff15h: false }, '2026-11-24 10:00'],
    ['hours, across lunch', '2026-11-23 11:00', { kind: 'hours', value: 1, cutoff15h: false }, '2026-11-23 14:00'],
    ['calendar days', '2026-11-23 09:00', { kind: 'calendar_days', value: 15, cutoff15h: false }, '2026-12-08 09:00'],
    ['calendar days ending on Saturday move to Monday', '2026-11-26 09:00', { kind: 'calendar_days', value: 2, cutoff15h: false }, '2026-11-30 09:00'],
    ['calendar days ending in Tết 2030', '2030-01-28 09:00', { kind: 'calendar_days', value: 5, cutoff15h: false }, '2030-02-08 09:00'], // Tết on Saturday: 01–05/02 + compensatory 06–07/02
    ['same day before 15:00', '2026-11-23 14:59', sameDay, '2026-11-23 17:00'],
    ['same day at 15:00: next working day', '2026-11-23 15:00', sameDay, '2026-11-24 17:00'],
    ['same day Friday after 15:00: Monday', '2026-11-27 15:30', sameDay, '2026-11-30 17:00'],
    ['same day on Saturday: Monday', '2026-11-28 09:00', sameDay, '2026-11-30 17:00'],
    ['same day early morning', '2026-11-23 06:30', sameDay, '2026-11-23 17:00'],
    ['same day after 15:00 without cut-off', '2026-11-23 16:00', { kind: 'same_day', value: null, cutoff15h: false }, '2026-11-23 17:00'],
    ['same day after closing without cut-off', '2026-11-23 17:30', { kind: 'same_day', value: null, cutoff15h: false }, '2026-11-24 17:00'],
    ['zero working days acts as same day', '2026-11-23 15:10', { kind: 'working_days', value: 0, cutoff15h: true }, '2026-11-24 17:00'],
    ['same day on 31/12 after 15:00: over New Year', '2026-12-31 15:30', sameDay, '2027-01-04 17:00'],
    ['same day in Tết eve 2030', '2030-02-01 09:00', sameDay, '2030-02-08 17:00'],
  ])('%s: %s + %j → %s', (_name, received, limit, due) => {
    expect(show(dueDate(cal, at(received), limit))).toBe(due);
  });

  it('uses make-up working Saturdays and compensatory days off from the office calendar', () => {
    const makeUp = workCalendar(TZ, SESSIONS, [{ date: '2026-11-28', working: true, name: 'Làm bù' }]);
    expect(show(dueDate(makeUp, at('2026-11-27 16:00'), wd(1)))).toBe('2026-11-28 16:00');
    const dayOff = workCalendar(TZ, SESSIONS, [{ date: '2026-11-30', working: false, name: 'Nghỉ bù' }]);
    expect(show(dueDate(dayOff, at('2026-11-27 16:00'), wd(1)))).toBe('2026-12-01 16:00');
  });

  it('counts one working day as the sessions’ total (a 4-hour morning-only office)', () => {
    const mornings = workCalendar(TZ, [{ start: '07:30', end: '11:30' }]);
    expect(show(dueDate(mornings, at('2026-11-23 09:30'), wd(2)))).toBe('2026-11-25 09:30');
  });
});

describe('supplement pause', () => {
  it('measures the pause in working minutes', () => {
    expect(workingMinutesBetween(cal, at('2026-11-23 10:00'), at('2026-11-24 10:00'))).toBe(480);
    expect(workingMinutesBetween(cal, at('2026-11-27 16:00'), at('2026-11-30 08:00'))).toBe(120);
    expect(workingMinutesBetween(cal, at('2026-11-28 08:00'), at('2026-11-29 08:00'))).toBe(0);
    expect(workingMinutesBetween(cal, at('2026-11-24 10:00'), at('2026-11-23 10:00'))).toBe(0);
  });

  it.each([
    ['one working day', '2026-11-26 09:00', '2026-11-23 10:00', '2026-11-24 10:00', '2026-11-27 09:00'],
    ['over a weekend (2 working hours)', '2026-12-01 16:00', '2026-11-27 16:00', '2026-11-30 08:00', '2026-12-02 08:00'],
    ['paused and resumed on a weekend', '2026-12-01 16:00', '2026-11-28 08:00', '2026-11-29 08:00', '2026-12-01 16:00'],
  ])('%s: due %s, paused %s → %s resumed, new due %s', (_name, due, paused, resumed, newDue) => {
    expect(show(dueAfterPause(cal, at(due), at(paused), at(resumed), 'working_days'))).toBe(newDue);
  });

  it('adds the calendar length of the pause for calendar-day limits, then moves off a day off', () => {
    expect(show(dueAfterPause(cal, at('2026-12-08 09:00'), at('2026-11-24 09:00'), at('2026-11-28 09:00'), 'calendar_days'))).toBe('2026-12-14 09:00');
  });
});
