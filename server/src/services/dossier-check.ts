import { randomInt, timingSafeEqual } from 'node:crypto';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH, normalizeCheckCode } from '@shared/dossier-code';
import type { Applicant } from '@shared/schemas/dossier';
import { failureLimiter } from '../domain/failure-limiter';
import type { DossierRow } from '../repositories/dossiers-repository';

/** Wrong public lookups an address may make before it is refused for the rest of the window. */
export const LOOKUP_FAILURES_MAX = 10;
/** The window of LOOKUP_FAILURES_MAX, ms. */
export const LOOKUP_WINDOW_MS = 15 * 60_000;

/** A new random check code (CSPRNG) for a dossier's receipt. */
export function newCheckCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) code += CHECK_CODE_ALPHABET[randomInt(CHECK_CODE_ALPHABET.length)];
  return code;
}

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * True when `typed` proves the caller holds the receipt or is the applicant: the dossier's check code, or the last
 * 4 digits of the applicant's phone (when a phone with at least 4 digits was recorded).
 */
export function checkMatches(row: Pick<DossierRow, 'check_code' | 'applicant'>, typed: string): boolean {
  const check = normalizeCheckCode(typed);
  if (row.check_code !== '' && same(check, row.check_code)) return true;
  const phone = (JSON.parse(row.applicant) as Applicant).phone.replace(/\D/g, '');
  return /^\d{4}$/.test(check) && phone.length >= 4 && same(check, phone.slice(-4));
}

/** Failures of the public lookup per client address (unknown code or wrong check alike). */
export const createLookupLimiter = () => failureLimiter({ max: LOOKUP_FAILURES_MAX, windowMs: LOOKUP_WINDOW_MS });
