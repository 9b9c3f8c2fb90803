import { Type, type Static } from '@sinclair/typebox';
import { DOSSIER_CODE_INPUT_PATTERN } from '../dossier-code';
import { IdSchema, InstantSchema, Nullable, StringEnum } from './common';

/** How staff read a dossier's personal fields: one dossier opened, a list, an export (tracking book XLSX). */
export const PersonalReadKind = { VIEW: 'view', LIST: 'list', EXPORT: 'export' } as const;
export type PersonalReadKind = (typeof PersonalReadKind)[keyof typeof PersonalReadKind];

/** `GET /api/admin/data-access` query: newest first, keyset-paginated by id. */
export const DataAccessQuerySchema = Type.Object(
  {
    from: Type.Optional(InstantSchema),
    to: Type.Optional(InstantSchema),
    userId: Type.Optional(IdSchema),
    /** A dossier code as typed (normalised by the hub). */
    dossierCode: Type.Optional(Type.String({ pattern: DOSSIER_CODE_INPUT_PATTERN, maxLength: 80 })),
    kind: Type.Optional(StringEnum(Object.values(PersonalReadKind))),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    beforeId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);
export type DataAccessQuery = Static<typeof DataAccessQuerySchema>;

/** One read of a dossier's personal fields by a staff member (Luật 91/2025/QH15: who processed which data, when). */
export const DataAccessEntrySchema = Type.Object({
  id: IdSchema,
  at: InstantSchema,
  userId: Nullable(IdSchema),
  userName: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  dossierId: IdSchema,
  dossierCode: Type.String(),
  kind: StringEnum(Object.values(PersonalReadKind)),
  /** What was shown: "applicant" (every applicant field) or a comma-separated list such as "name,address,phone". */
  fields: Type.String(),
});
export type DataAccessEntry = Static<typeof DataAccessEntrySchema>;
