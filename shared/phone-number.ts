/**
 * Vietnamese mobile numbers (for text messages to citizens): ten digits from 03, 05, 07, 08 or 09 (the mobile prefixes
 * since the 2018 renumbering), also written +84… or 84… and with spaces, dots or dashes.
 */

/** The digits a person may type around a number: spaces, dots, dashes, brackets. */
const SEPARATORS = /[\s.()-]/g;

/** A mobile number in one of its accepted written forms (without separators), for schemas. */
export const VN_MOBILE_PATTERN = '^(0|\\+?84)[35789][0-9]{8}$';
const VN_MOBILE = new RegExp(VN_MOBILE_PATTERN);

/** The national form (`0912345678`) of a typed Vietnamese mobile number, or null when it is not one. */
export function normalizeVnMobile(input: string): string | null {
  const compact = input.replace(SEPARATORS, '');
  if (!VN_MOBILE.test(compact)) return null;
  return `0${compact.slice(-9)}`;
}

/** A national number grouped for reading back on a screen: `0912 345 678` (what was typed so far, as it grows). */
export function formatVnMobile(digits: string): string {
  return [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)].filter(Boolean).join(' ');
}
