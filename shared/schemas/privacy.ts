import { Type, type Static } from '@sinclair/typebox';
import { DOSSIER_CODE_INPUT_PATTERN } from '../dossier-code';
import { IdSchema, InstantSchema, Nullable, StringEnum } from './common';
import { ApplicantSchema, DossierSchema } from './dossier';

/** How staff read a dossier's personal fields: one dossier opened, a list, an export (tracking book XLSX). */
export const PersonalReadKind = { VIEW: 'view', LIST: 'list', EXPORT: 'export' } as const;
export type PersonalReadKind = (typeof PersonalReadKind)[keyof typeof PersonalReadKind];

/** `GET /api/admin/data-access` query: newest first, keyset-paginated by id. */
export const DataAccessQuerySchema = Type.Object(
  {
    from: Type.Optional(InstantSchema),
    to: Type.Optional(InstantSchema),
    userId: Type.Optional(IdSchema),
    /** A dossier code, or a booking code, as typed (normalised by the hub). */
    dossierCode: Type.Optional(Type.String({ pattern: DOSSIER_CODE_INPUT_PATTERN, maxLength: 80 })),
    kind: Type.Optional(StringEnum(Object.values(PersonalReadKind))),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    beforeId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);
export type DataAccessQuery = Static<typeof DataAccessQuerySchema>;

/** One read of a dossier's or a booking's personal fields by a staff member (Luật 91/2025/QH15: who processed which data, when). */
export const DataAccessEntrySchema = Type.Object({
  id: IdSchema,
  at: InstantSchema,
  userId: Nullable(IdSchema),
  userName: Nullable(Type.String()),
  /** The paired device that showed the data (a kiosk listing a scanned citizen's dossiers), when no staff member did. */
  deviceName: Type.Optional(Nullable(Type.String())),
  ip: Nullable(Type.String()),
  /** What was read: a dossier (its code), or a booking (its code: the counters' list of today's bookings). */
  dossierId: Nullable(IdSchema),
  dossierCode: Nullable(Type.String()),
  appointmentCode: Nullable(Type.String()),
  kind: StringEnum(Object.values(PersonalReadKind)),
  /** What was shown: "applicant" (every applicant field) or a comma-separated list such as "name,address,phone". */
  fields: Type.String(),
});
export type DataAccessEntry = Static<typeof DataAccessEntrySchema>;

/** Longest retention period an office may set, days (100 years). 0 = keep (never anonymise that kind of record). */
const Days = Type.Integer({ minimum: 0, maximum: 36_500 });

/**
 * How long each kind of record keeps its personal part before the nightly job anonymises it, in days (0 = keep).
 * The office decides (Luật 91/2025/QH15: keep personal data only as long as the purpose needs).
 */
export const RetentionSettingsSchema = Type.Object(
  {
    /** Tickets' priority group (health data): afterwards only "priority" remains (reports still count priority tickets). */
    ticketPriorityGroupDays: Days,
    /** Closed dossiers' applicant fields outside the tracking book's legal columns (ID number, e-mail, representative). */
    dossierApplicantDays: Days,
    /** Ratings' written comments (the level and criteria stay). */
    ratingCommentDays: Days,
    /** Audit and access-log rows' address and details (who did what, when, to what stay). */
    auditDays: Days,
    /** Settled bookings' name, phone and ID number, from the slot's end (absent in older settings: 90). */
    appointmentDays: Type.Optional(Days),
  },
  { additionalProperties: false },
);
export type RetentionSettings = Static<typeof RetentionSettingsSchema>;

/** The privacy notice shown on the kiosk's dossier lookup, the phone pages and the intake form (editable by the admin). */
export const PrivacyNoticeSchema = Type.Object(
  { vi: Type.String({ minLength: 1, maxLength: 1500 }), en: Type.String({ maxLength: 1500 }) },
  { additionalProperties: false },
);
export type PrivacyNotice = Static<typeof PrivacyNoticeSchema>;

/** `GET/PUT /api/admin/privacy`. */
export const PrivacySettingsSchema = Type.Object({ retention: RetentionSettingsSchema, notice: PrivacyNoticeSchema }, { additionalProperties: false });
export type PrivacySettings = Static<typeof PrivacySettingsSchema>;

/** What one retention run anonymised (`POST /api/admin/privacy/retention-run` and the nightly job's log). */
export const RetentionRunSchema = Type.Object({
  at: InstantSchema,
  tickets: Type.Integer({ minimum: 0 }),
  dossiers: Type.Integer({ minimum: 0 }),
  ratings: Type.Integer({ minimum: 0 }),
  auditRows: Type.Integer({ minimum: 0 }),
  accessRows: Type.Integer({ minimum: 0 }),
  appointments: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type RetentionRun = Static<typeof RetentionRunSchema>;

/** `:idNumber` of a citizen's request: the ID number as recorded on the dossiers. */
export const DataSubjectParamsSchema = Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z-]+$' }) }, { additionalProperties: false });

/** Why a record cannot be erased, per record. */
export const KeptRecordSchema = Type.Object({ code: Type.String(), reason: Type.String() });
export type KeptRecord = Static<typeof KeptRecordSchema>;

/** `POST /api/admin/data-subjects/:idNumber/erase` reply: what was erased, and what must be kept and why. */
export const ErasureReplySchema = Type.Object({
  /** Dossier codes whose optional fields (e-mail, representative) were erased. */
  erased: Type.Array(Type.String()),
  erasedFields: Type.Array(Type.String()),
  kept: Type.Array(KeptRecordSchema),
  /** Booking codes whose name, phone and ID number were erased (future ones cancelled first). */
  appointments: Type.Optional(Type.Array(Type.String())),
  /** Outbox copies erased: personal fields of events about these records, phones given for tickets and in the message log. */
  copies: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ErasureReply = Static<typeof ErasureReplySchema>;

/** One of the citizen's tickets linked to a dossier, with its rating. */
export const SubjectTicketSchema = Type.Object({
  dossierCode: Type.String(),
  number: Type.String(),
  serviceName: Type.String(),
  issuedAt: InstantSchema,
  /** The citizen's own priority group (null: none, or anonymised by retention). */
  priorityGroup: Nullable(Type.String()),
  rating: Nullable(Type.Object({ level: Type.String(), reason: Nullable(Type.String()), ratedAt: InstantSchema })),
});

/** `GET /api/admin/data-subjects/:idNumber`: everything the hub holds about one ID number (a citizen's request). */
export const DataSubjectExportSchema = Type.Object({
  idNumber: Type.String(),
  generatedAt: InstantSchema,
  officeName: Type.String(),
  dossiers: Type.Array(DossierSchema),
  tickets: Type.Array(SubjectTicketSchema),
  /** Who on the staff read these dossiers' personal fields, and when. */
  accessLog: Type.Array(DataAccessEntrySchema),
  /** Online bookings made with this ID number. */
  appointments: Type.Optional(
    Type.Array(Type.Object({ code: Type.String(), serviceName: Type.String(), start: InstantSchema, status: Type.String(), fullName: Type.String(), phone: Type.String() })),
  ),
});
export type DataSubjectExport = Static<typeof DataSubjectExportSchema>;

/** `PUT /api/admin/dossiers/:id/applicant`: a correction asked for by the citizen, with the reason (audited). */
export const ApplicantCorrectionSchema = Type.Object(
  { applicant: ApplicantSchema, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ApplicantCorrection = Static<typeof ApplicantCorrectionSchema>;
