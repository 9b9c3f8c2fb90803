import { describe, expect, it } from 'vitest';
import { formatVnMobile, normalizeVnMobile } from './phone-number';

describe('Vietnamese mobile numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0987 654 321', '0987654321'],
    ['0338.123.456', '0338123456'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(070) 123-4567', '0701234567'],
    ['0589999999', '0589999999'],
  ])('%s is %s', (typed, national) => expect(normalizeVnMobile(typed)).toBe(national));

  it.each(['', '091234567', '09123456789', '0212345678', '0612345678', '024 3825 1234', '+8491234567', '1912345678', 'abc0912345678', '09l2345678'])(
    '%s is not a mobile number',
    (typed) => expect(normalizeVnMobile(typed)).toBeNull(),
  );

  it('groups digits for reading back as they are typed', () => {
    expect(['', '09', '0912', '09123', '0912345', '0912345678'].map(formatVnMobile)).toEqual(['', '09', '0912', '0912 3', '0912 345', '0912 345 678']);
  });
});
