/**
 * The QR code of a Vietnamese chip ID card, read by a 2D scanner or a camera.
 * - CCCD (Thông tư 06/2021/TT-BCA, cards issued 2021 – 6/2024): one line, fields separated by `|`:
 *   personal ID number (12 digits) | old CMND (9 digits, may be empty) | full name | date of birth ddmmyyyy |
 *   gender (Nam/Nữ) | permanent address | issue date ddmmyyyy.
 * - Thẻ căn cước (Luật Căn cước 2023, Thông tư 16/2024/TT-BCA, from 01/7/2024): the same leading fields
 *   (ID number, name, …) with others; its exact layout is not published, so every field is checked by shape.
 * The parser never guesses: a field that does not have its expected shape is left out, and a payload whose ID
 * number or name is missing, or whose ID number contradicts the date of birth or gender, is refused with a reason.
 */

/** Why a scanned payload is not an ID card (stable codes; screens show their own Vietnamese text). */
export const IdCardRefusal = {
  EMPTY: 'EMPTY',
  NOT_ID_CARD: 'NOT_ID_CARD',
  BAD_ID_NUMBER: 'BAD_ID_NUMBER',
  NO_NAME: 'NO_NAME',
  INCONSISTENT: 'INCONSISTENT',
} as const;
/** A refusal reason code. */
export type IdCardRefusal = (typeof IdCardRefusal)[keyof typeof IdCardRefusal];

/** The card kind, told by its issue date (thẻ căn cước from 01/7/2024); `unknown` when the payload has none. */
export type IdCardKind = 'cccd' | 'can_cuoc' | 'unknown';

/** What a card's QR says, each optional field present only when it had its expected shape. */
export interface IdCard {
  kind: IdCardKind;
  /** Số định danh cá nhân, 12 digits. */
  idNumber: string;
  /** The old 9-digit CMND, when printed. */
  oldIdNumber?: string;
  fullName: string;
  /** ISO date `YYYY-MM-DD`. */
  dateOfBirth?: string;
  gender?: 'male' | 'female';
  address?: string;
  /** ISO date `YYYY-MM-DD`. */
  issueDate?: string;
}

/** The parser's answer: a card, or the reason it is not one. */
export type IdCardParse = { ok: true; card: IdCard } | { ok: false; reason: IdCardRefusal };

/** Thẻ căn cước are issued from this day (Luật Căn cước 2023, in force 01/7/2024). */
const CAN_CUOC_FROM = '2024-07-01';
/** Longer than any card's QR: a scanner that never sent Enter, or a pasted document. */
const MAX_PAYLOAD = 1000;

const refuse = (reason: IdCardRefusal): IdCardParse => ({ ok: false, reason });

/** `ddmmyyyy` → `YYYY-MM-DD` when it is a real calendar date, else undefined. */
export function parseCardDate(text: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [, dd, mm, yyyy] = m;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== Number(yyyy) || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return undefined;
  return `${yyyy}-${mm}-${dd}`;
}

function parseGender(text: string): IdCard['gender'] {
  const g = text.normalize('NFC').trim().toLowerCase();
  if (g === 'nam') return 'male';
  if (g === 'nữ') return 'female';
  return undefined;
}

/**
 * What the 12 digits say (Thông tư 59/2021/TT-BCA Điều 7): digit 4 = gender and century (0/1 → male/female born
 * 1900–1999, 2/3 → 2000–2099, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s), digits 5–6 = the year of birth in its century.
 */
export function idNumberFacts(idNumber: string): { gender: 'male' | 'female'; birthYear: number } {
  const code = Number(idNumber[3]);
  return { gender: code % 2 === 0 ? 'male' : 'female', birthYear: 1900 + 100 * Math.floor(code / 2) + Number(idNumber.slice(4, 6)) };
}

const NAME = /^[\p{L}][\p{L}' .-]*$/u;

/** Parses a scanned payload as an ID card QR (both formats); refuses anything else with a reason. */
export function parseIdCardQr(payload: string): IdCardParse {
  const text = payload.replace(/[\r\n]+$/, '').trim();
  if (!text) return refuse('EMPTY');
  if (text.length > MAX_PAYLOAD || !text.includes('|')) return refuse('NOT_ID_CARD');
  const fields = text.split('|').map((f) => f.trim());
  const idNumber = fields[0] ?? '';
  if (!/^\d+$/.test(idNumber)) return refuse('NOT_ID_CARD');
  if (!/^\d{12}$/.test(idNumber)) return refuse('BAD_ID_NUMBER');
  const fullName = (fields[2] ?? '').normalize('NFC').replace(/\s+/g, ' ');
  if (!fullName || !NAME.test(fullName)) return refuse('NO_NAME');

  const card: IdCard = { kind: 'unknown', idNumber, fullName };
  if (/^\d{9}$/.test(fields[1] ?? '')) card.oldIdNumber = fields[1];
  const dateOfBirth = parseCardDate(fields[3] ?? '');
  if (dateOfBirth) card.dateOfBirth = dateOfBirth;
  const gender = parseGender(fields[4] ?? '');
  if (gender) card.gender = gender;
  const address = (fields[5] ?? '').normalize('NFC').replace(/\s+/g, ' ');
  // U+FFFD: a character the scanner could not send (see scan-detector.ts); a garbled address is left out, not guessed.
  if (address && /\p{L}/u.test(address) && !address.includes('\uFFFD')) card.address = address;
  const issueDate = parseCardDate(fields[6] ?? '');
  if (issueDate) {
    card.issueDate = issueDate;
    card.kind = issueDate >= CAN_CUOC_FROM ? 'can_cuoc' : 'cccd';
  }

  const facts = idNumberFacts(idNumber);
  if (card.gender && card.gender !== facts.gender) return refuse('INCONSISTENT');
  if (card.dateOfBirth && Number(card.dateOfBirth.slice(0, 4)) !== facts.birthYear) return refuse('INCONSISTENT');
  return { ok: true, card };
}

/** Whole years of age on a day (`YYYY-MM-DD`), from an ISO date of birth. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A name masked for a screen others may see: each word's first letter and at most three stars
 * (`Nguyễn Văn Thử` → `N*** V** T**`), so the length of the name is not told either.
 */
export function maskName(fullName: string): string {
  return fullName
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => {
      const [first = '', ...rest] = [...word];
      return first + '*'.repeat(Math.min(rest.length, 3));
    })
    .join(' ');
}

/** How to address the citizen: ông (male), bà (female), ông/bà when the card does not say. */
export function honorific(gender: IdCard['gender']): { vi: string; en: string } {
  if (gender === 'male') return { vi: 'ông', en: 'Mr' };
  if (gender === 'female') return { vi: 'bà', en: 'Ms' };
  return { vi: 'ông/bà', en: 'Mr/Ms' };
}
