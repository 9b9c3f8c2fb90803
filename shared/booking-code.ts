/**
 * Booking codes of appointments (đặt lịch hẹn): short, read aloud over a counter or a phone, typed on a kiosk. The
 * alphabet leaves out 0/O and 1/I, which are confused when read or typed.
 */
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Characters of a booking code. */
export const BOOKING_CODE_LENGTH = 6;

const CODE_RE = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`);

/** True when `code` is a well-formed booking code (upper case, no separators). */
export function isBookingCode(code: string): boolean {
  return CODE_RE.test(code);
}

/**
 * The booking code in what was typed or scanned: upper case, spaces and dashes dropped; a scanned QR link
 * (…/lich-hen/K7MQ2X) gives its last path part. Returns '' when nothing there is a code.
 */
export function normalizeBookingCode(input: string): string {
  const last = input.trim().split(/[/#?=]/).filter(Boolean).pop() ?? '';
  const code = last.toUpperCase().replace(/[\s-]/g, '');
  return isBookingCode(code) ? code : '';
}

/**
 * The booking code of a scanned booking QR (the confirmation's link, `…/kiosk/phone/#/lich-hen/K7MQ2X`), or '' for
 * anything else: what a scanner reads anywhere on the kiosk is taken for a booking only when it is that link.
 */
export function bookingCodeInLink(payload: string): string {
  const m = /\/lich-hen\/([A-Za-z0-9]{6})(?:[?#/]|$)/.exec(payload.trim());
  return m?.[1] && isBookingCode(m[1].toUpperCase()) ? m[1].toUpperCase() : '';
}

/** A code as shown and read aloud: two groups of three ("K7M Q2X"). */
export function formatBookingCode(code: string): string {
  return code.length === BOOKING_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
