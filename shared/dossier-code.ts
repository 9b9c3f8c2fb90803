/**
 * Dossier code (mã hồ sơ) formats as configuration with their legal basis (domain.md §3), so a change of law is data.
 * Default: `<receiving unit identifier>-<YYMMDD>-<daily sequence, ≥ 4 digits>` (Nghị định 118/2025/NĐ-CP Điều 11,
 * real example `000.00.06.H56-231027-0361`), the sequence per receiving unit, reset daily.
 */

/** A dossier code format and where it comes from. */
export interface DossierCodeFormat {
  id: string;
  /** Tokens: {unit}, {yymmdd}, {seq} (zero-padded to `seqWidth`). */
  template: string;
  seqWidth: number;
  legalBasis: string;
  effectiveFrom: string;
}

/** Known formats; the first is the default. */
export const DOSSIER_CODE_FORMATS: readonly DossierCodeFormat[] = [
  {
    id: 'nd118-2025',
    template: '{unit}-{yymmdd}-{seq}',
    seqWidth: 4,
    legalBasis: 'Nghị định 118/2025/NĐ-CP Điều 11; Thông tư 03/2025/TT-VPCP',
    effectiveFrom: '2025-07-01',
  },
];

/** Unit identifier used when the office has not set one (Cài đặt → Mã đơn vị). */
export const FALLBACK_UNIT_CODE = 'MOTCUA';

/** Pattern every dossier code of the default format matches (used to validate lookups). */
export const DOSSIER_CODE_PATTERN = '^[0-9A-Za-z.]{1,40}-[0-9]{6}-[0-9]{4,6}$';

/**
 * What a person may type or paste for a code before `normalizeDossierCode`: letters, digits, dots, dashes (also the
 * typographic dashes a word processor puts in) and spaces, e.g. "000.00.06.h56 - 231027 - 0361".
 */
export const DOSSIER_CODE_INPUT_PATTERN = '^[0-9A-Za-z.\\s\\u2010-\\u2015\\u2212-]{1,80}$';

const DOSSIER_CODE_RE = new RegExp(DOSSIER_CODE_PATTERN);

/**
 * A typed dossier code in its stored form: spaces dropped, typographic dashes made "-", letters upper case
 * ("000.00.06.h56 - 231027 – 0361" → "000.00.06.H56-231027-0361"). The one function the lookup route, the kiosk
 * and the phone page use, so a code found on one is found on all.
 */
export function normalizeDossierCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** True when `code` (normalised) has the shape of a dossier code of the default format. */
export function isDossierCode(code: string): boolean {
  return DOSSIER_CODE_RE.test(code);
}

/** The unit part of new codes: the office's identifier (or the fallback), upper case like every stored code. */
export function dossierUnit(unitCode: string): string {
  return (unitCode.trim() || FALLBACK_UNIT_CODE).toUpperCase();
}

/** "YYMMDD" of a "YYYY-MM-DD" local date. */
export function yymmdd(date: string): string {
  return date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
}

/** Builds a dossier code from the unit identifier, the local receipt date ("YYYY-MM-DD") and the daily sequence. */
export function formatDossierCode(unitCode: string, date: string, seq: number, format: DossierCodeFormat = DOSSIER_CODE_FORMATS[0] as DossierCodeFormat): string {
  return format.template
    .replace('{unit}', dossierUnit(unitCode))
    .replace('{yymmdd}', yymmdd(date))
    .replace('{seq}', String(seq).padStart(format.seqWidth, '0'));
}

/**
 * Characters of a dossier's check code (mã kiểm tra), printed on the receipt next to the code: capitals and digits a
 * kiosk keyboard has, without the look-alikes 0/O, 1/I/L. The public lookup needs it (or the phone's last 4 digits)
 * because codes are sequential: by code alone anyone could walk a day's dossiers (Luật 91/2025/QH15).
 */
export const CHECK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Length of a check code: 31^6 ≈ 8.9·10^8 values. */
export const CHECK_CODE_LENGTH = 6;
/** What a person may type as the second factor: a check code or the last 4 digits of the phone, spaces and dashes allowed. */
export const CHECK_INPUT_PATTERN = '^[0-9A-Za-z\\s-]{4,12}$';

/** A typed check code or phone ending in its compared form: spaces and dashes dropped, upper case. */
export function normalizeCheckCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}
