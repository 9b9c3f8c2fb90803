import { Type, type Static } from '@sinclair/typebox';
import { DaySchema, Nullable, StringEnum } from './common';

/** Số định danh cá nhân: 12 digits (what a scanned card's QR starts with). */
export const IdNumberSchema = Type.String({ pattern: '^[0-9]{12}$' });

/**
 * A name masked for a screen (`N*** V** T**`): each word's first letter and at most three stars, so it carries no more
 * than the initials (see maskName in shared/id-card.ts).
 */
export const MaskedNameSchema = Type.String({ maxLength: 60, pattern: '^[^ *]\\*{0,3}( [^ *]\\*{0,3}){0,9}$' });

/** What a kiosk sends of a scanned card with a ticket request: the hub keeps only the ID number's salted hash. */
export const ScannedIdentitySchema = Type.Object(
  {
    idNumber: IdNumberSchema,
    /** Shown to the clerk who calls the ticket; kept in the hub's memory only, never stored or pushed. */
    maskedName: Type.Optional(MaskedNameSchema),
  },
  { additionalProperties: false },
);
export type ScannedIdentity = Static<typeof ScannedIdentitySchema>;

/** What the card said at a counter intake (the dossier's log records it beside what the clerk kept). */
export const ScannedCardSchema = Type.Object(
  {
    kind: StringEnum(['cccd', 'can_cuoc', 'unknown'] as const),
    idNumber: IdNumberSchema,
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    dateOfBirth: Type.Optional(DaySchema),
    gender: Type.Optional(StringEnum(['male', 'female'] as const)),
    address: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type ScannedCard = Static<typeof ScannedCardSchema>;

/** `POST /api/kiosk/dossiers-by-id-card` body: a POST, so the number never sits in a URL or an access log. */
export const IdCardLookupBodySchema = Type.Object({ idNumber: IdNumberSchema }, { additionalProperties: false });
export type IdCardLookupBody = Static<typeof IdCardLookupBodySchema>;

/** `GET /api/tickets/:id/holder` reply: the masked name the kiosk scanned, while the hub runs. */
export const TicketHolderSchema = Type.Object({ maskedName: Nullable(MaskedNameSchema) });
export type TicketHolder = Static<typeof TicketHolderSchema>;
