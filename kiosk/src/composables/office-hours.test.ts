import { describe, expect, it } from 'vitest';
import { dayRuns, formatSessions, formatWorkingDays } from './office-hours';

const VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const name = (d: number) => VI[d] ?? '?';

describe('office hours text', () => {
  it('formats issue windows', () => {
    expect(formatSessions([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }])).toBe('07:00–11:30, 13:30–17:00');
  });
  it.each([
    [[1, 2, 3, 4, 5], [[1, 5]], 'Thứ Hai – Thứ Sáu'],
    [[1, 2, 3, 4, 5, 6], [[1, 6]], 'Thứ Hai – Thứ Bảy'],
    [[0, 1, 2, 3, 4, 5, 6], [[1, 0]], 'Thứ Hai – Chủ nhật'],
    [[1, 3, 5], [[1, 1], [3, 3], [5, 5]], 'Thứ Hai, Thứ Tư, Thứ Sáu'],
    [[], [], ''],
  ])('working days %j', (days, runs, text) => {
    expect(dayRuns(days)).toEqual(runs);
    expect(formatWorkingDays(days, name)).toBe(text);
  });
});
