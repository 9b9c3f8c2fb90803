import { describe, expect, it } from 'vitest';
import { formatFee, formatFeeVnd, formatIsoDay, formatMoneyVnd } from './format';

describe('formatMoneyVnd', () => {
  it.each([
    [0, '0 đ'],
    [500, '500 đ'],
    [1000, '1.000 đ'],
    [50000, '50.000 đ'],
    [200000, '200.000 đ'],
    [1234567, '1.234.567 đ'],
    [-15000, '-15.000 đ'],
  ])('%d → %s', (amount, text) => {
    expect(formatMoneyVnd(amount)).toBe(text);
  });
});

describe('formatFeeVnd', () => {
  it.each([
    [2000, 'đồng/trang', '2.000 đ/trang'],
    [8000, 'đồng/bản sao', '8.000 đ/bản sao'],
    [50000, 'đồng', '50.000 đ'],
    [50000, '', '50.000 đ'],
    [100000, 'mỗi hồ sơ', '100.000 đ mỗi hồ sơ'],
  ])('%d %s → %s', (amount, unit, text) => {
    expect(formatFeeVnd(amount, unit)).toBe(text);
  });
});

describe('formatFee', () => {
  it.each([
    [{ amount: 2000, unit: 'đồng/trang', note: '' }, '2.000 đ/trang'],
    [{ amount: 0, unit: 'đồng', note: '' }, 'Miễn phí'],
    [{ amount: null, unit: '', note: 'Theo Nghị quyết của HĐND tỉnh' }, 'Theo Nghị quyết của HĐND tỉnh'],
  ])('%o → %s', (fee, text) => {
    expect(formatFee(fee, 'Miễn phí')).toBe(text);
  });
});

describe('formatIsoDay', () => {
  it.each([
    ['2026-12-15', '15/12/2026'],
    ['2027-01-01', '01/01/2027'],
    ['15/12/2026', '15/12/2026'],
  ])('%s → %s', (day, text) => {
    expect(formatIsoDay(day)).toBe(text);
  });
});
