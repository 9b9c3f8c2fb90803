import type { Applicant } from '@shared/schemas/dossier';
import type { ScannedCard } from '@shared/schemas/id-card';

/** Where an applicant field at intake came from. */
export type FieldSource = 'scanned' | 'corrected' | 'typed';

/** The applicant fields an ID card fills, with the card field each one comes from. */
const CARD_FIELDS = { name: 'fullName', idNumber: 'idNumber', dateOfBirth: 'dateOfBirth', gender: 'gender', address: 'address' } as const;
type CardField = keyof typeof CARD_FIELDS;

/** What the dossier's log records of an intake after a scan. */
export interface IntakeProvenance {
  kind: ScannedCard['kind'];
  /** Each filled field: kept as scanned, corrected by the clerk, or typed where the card had nothing. */
  fields: Partial<Record<CardField, FieldSource>>;
  /** For each corrected field, what the card said. */
  scanned: Partial<Record<CardField, string>>;
  /** For each corrected field, what the clerk typed instead. */
  typed: Partial<Record<CardField, string>>;
}

const same = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Compares what the card said with what the clerk submitted, field by field. */
export function intakeProvenance(card: ScannedCard, applicant: Applicant): IntakeProvenance {
  const out: IntakeProvenance = { kind: card.kind, fields: {}, scanned: {}, typed: {} };
  for (const [field, cardField] of Object.entries(CARD_FIELDS) as [CardField, (typeof CARD_FIELDS)[CardField]][]) {
    const fromCard = card[cardField] ?? '';
    const kept = applicant[field] ?? '';
    if (fromCard === '' && kept === '') continue;
    if (fromCard === '') out.fields[field] = 'typed';
    else if (same(fromCard, kept)) out.fields[field] = 'scanned';
    else {
      out.fields[field] = 'corrected';
      out.scanned[field] = fromCard;
      out.typed[field] = kept;
    }
  }
  return out;
}
