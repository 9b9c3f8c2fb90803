import { describe, expect, it } from 'vitest';
import { changePercent, formatFigure, presetOf, presetRange } from './reports-presets';

const TZ = 'Asia/Ho_Chi_Minh';

describe('report quick periods (office time zone)', () => {
  // Thursday 03/12/2026 00:30 in Hà Nội is still Wednesday 02/12 in UTC.
  const now = new Date('2026-12-02T17:30:00Z');
  it.each([
    ['today', { from: '2026-12-03', to: '2026-12-03' }],
    ['thisWeek', { from: '2026-11-30', to: '2026-12-03' }],
    ['thisMonth', { from: '2026-12-01', to: '2026-12-03' }],
    ['lastMonth', { from: '2026-11-01', to: '2026-11-30' }],
  ] as const)('%s', (preset, range) => {
    expect(presetRange(preset, now, TZ)).toEqual(range);
    expect(presetOf(range, now, TZ)).toBe(preset);
  });
  it('a Sunday belongs to the week that started on Monday; January looks back to December', () => {
    expect(presetRange('thisWeek', new Date('2026-11-29T05:00:00Z'), TZ)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetRange('lastMonth', new Date('2027-01-10T05:00:00Z'), TZ)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetOf({ from: '2026-11-02', to: '2026-11-05' }, now, TZ)).toBeNull();
  });
  it('computes the change against the previous period', () => {
    expect(changePercent(120, 100)).toBe(20);
    expect(changePercent(5, 8)).toBe(-37.5);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(null, 3)).toBeNull();
    expect(formatFigure(1234.56, 'vi')).toBe('1.234,6');
    expect(formatFigure(12.5, 'en')).toBe('12.5');
    expect(formatFigure(null, 'vi')).toBe('—');
  });
});
