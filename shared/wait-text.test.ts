import { describe, expect, it } from 'vitest';
import { waitText } from './wait-text';

describe('waitText', () => {
  it.each([
    [0, 'khoảng 0 phút', 'about 0 min'],
    [45, 'khoảng 45 phút', 'about 45 min'],
    [60, 'khoảng 1 giờ', 'about 1 h'],
    [168, 'khoảng 2 giờ 48 phút', 'about 2 h 48 min'],
    [180.4, 'khoảng 3 giờ', 'about 3 h'],
  ])('%s minutes', (m, vi, en) => {
    expect(waitText(m)).toBe(vi);
    expect(waitText(m, 'en')).toBe(en);
  });
});
