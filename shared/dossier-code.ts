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

/** "YYMMDD" of a "YYYY-MM-DD" local date. */
export function yymmdd(date: string): string {
  return date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
}

/** Builds a dossier code from the unit identifier, the local receipt date ("YYYY-MM-DD") and the daily sequence. */
export function formatDossierCode(unitCode: string, date: string, seq: number, format: DossierCodeFormat = DOSSIER_CODE_FORMATS[0] as DossierCodeFormat): string {
  return format.template
    .replace('{unit}', unitCode || FALLBACK_UNIT_CODE)
    .replace('{yymmdd}', yymmdd(date))
    .replace('{seq}', String(seq).padStart(format.seqWidth, '0'));
}
