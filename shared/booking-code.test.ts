import { describe, expect, it } from 'vitest';
import { bookingCodeInLink, normalizeBookingCode } from './booking-code';

describe('booking codes in what a scanner reads', () => {
  it('takes the code of a booking link, and nothing else', () => {
    expect(bookingCodeInLink('https://motcua.phuong-hoa-binh.vn/kiosk/phone/#/lich-hen/k7mq2x')).toBe('K7MQ2X');
    expect(bookingCodeInLink('http://192.168.1.10:8080/kiosk/phone/#/lich-hen/K7MQ2X?t=abc')).toBe('K7MQ2X');
    expect(bookingCodeInLink('K7MQ2X')).toBe('');
    expect(bookingCodeInLink('http://hub/t/K7MQ2X')).toBe('');
    expect(bookingCodeInLink('http://hub/kiosk/phone/#/lich-hen/K7MQ20')).toBe('');
    expect(bookingCodeInLink('http://hub/kiosk/phone/#/lich-hen/K7MQ2XY')).toBe('');
  });
  it('normalises a typed code or a link', () => {
    expect(normalizeBookingCode(' k7m-q2x ')).toBe('K7MQ2X');
    expect(normalizeBookingCode('http://hub/kiosk/phone/#/lich-hen/K7MQ2X')).toBe('K7MQ2X');
    expect(normalizeBookingCode('K7MQ2')).toBe('');
  });
});
