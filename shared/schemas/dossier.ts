import { Type, type Static } from '@sinclair/typebox';
import { CHECK_INPUT_PATTERN, DOSSIER_CODE_INPUT_PATTERN, DOSSIER_CODE_PATTERN } from '../dossier-code';
import { DaySchema, IdSchema, InstantSchema, Nullable, StringEnum } from './common';
import { ScannedCardSchema } from './id-card';
import { TimeKind } from './procedure';

/** Where a dossier stands (Nghị định 118/2025/NĐ-CP: receipt → agency → result → return). */
export const DossierStatus = {
  RECEIVED: 'received',
  TRANSFERRED: 'transferred',
  PROCESSING: 'processing',
  SUPPLEMENT_REQUESTED: 'supplement_requested',
  RESULT_READY: 'result_ready',
  RETURNED: 'returned',
  REFUSED: 'refused',
  WITHDRAWN: 'withdrawn',
} as const;
/** One dossier status. */
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus];

/** Statuses after which nothing more happens. */
export const FINAL_DOSSIER_STATUSES: readonly DossierStatus[] = ['returned', 'refused', 'withdrawn'];

/** Commands that move a dossier (the path segment of `POST /api/dossiers/:id/<action>`). */
export const DossierAction = {
  TRANSFER: 'transfer',
  PROCESS: 'process',
  REQUEST_SUPPLEMENT: 'request-supplement',
  RESUME: 'resume',
  READY: 'ready',
  RETURN: 'return',
  REFUSE: 'refuse',
  WITHDRAW: 'withdraw',
} as const;
/** One dossier command. */
export type DossierAction = (typeof DossierAction)[keyof typeof DossierAction];

/** How the citizen gets the result. */
export const Delivery = { COUNTER: 'counter', POST: 'post', ONLINE: 'online' } as const;
/** A delivery method. */
export type Delivery = (typeof Delivery)[keyof typeof Delivery];

/**
 * How the dossier was submitted (Biểu II.06a counts online apart from in person and by post): at the desk, by public
 * postal service (bưu chính công ích), or online on the public service portal and then received at the desk.
 */
export const SubmissionChannel = { COUNTER: 'counter', POST: 'post', ONLINE: 'online' } as const;
/** A submission channel. */
export type SubmissionChannel = (typeof SubmissionChannel)[keyof typeof SubmissionChannel];

/** Intake outcome: accept, ask for more documents (Mẫu 02), or refuse (Mẫu 03). */
export const IntakeOutcome = { ACCEPT: 'accept', SUPPLEMENT: 'supplement', REFUSE: 'refuse' } as const;

const text = (max: number) => Type.String({ maxLength: max });

/** The person or organisation submitting a dossier. */
export const ApplicantSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** Số định danh cá nhân (12-digit citizen ID) or tax/organisation code. */
    idNumber: Type.String({ maxLength: 20, pattern: '^[0-9A-Za-z-]*$' }),
    phone: Type.String({ maxLength: 20, pattern: '^[0-9 +().-]*$' }),
    address: text(300),
    email: text(120),
    organization: text(200),
    /** Authorised representative submitting on the applicant's behalf, if any. */
    representative: text(200),
    /** Date of birth `YYYY-MM-DD` or '' (filled from an ID-card scan, or typed). */
    dateOfBirth: Type.Optional(Type.String({ pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2})?$' })),
    gender: Type.Optional(StringEnum(['male', 'female', ''] as const)),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof ApplicantSchema>;

/** A document received (or missing) with its counts: originals, certified copies, photocopies. */
export const DossierDocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    originals: Type.Integer({ minimum: 0, maximum: 99 }),
    certifiedCopies: Type.Integer({ minimum: 0, maximum: 99 }),
    copies: Type.Integer({ minimum: 0, maximum: 99 }),
    /** True for a document the citizen still has to bring (listed on Mẫu 02). */
    missing: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DossierDocument = Static<typeof DossierDocumentSchema>;

/** `POST /api/dossiers` — intake at the counter. */
export const IntakeBodySchema = Type.Object(
  {
    procedureId: IdSchema,
    outcome: StringEnum(Object.values(IntakeOutcome)),
    /** The counter the clerk works at: its current ticket is linked to the dossier. */
    counterId: Type.Optional(IdSchema),
    applicant: ApplicantSchema,
    documents: Type.Array(DossierDocumentSchema, { maxItems: 60 }),
    sets: Type.Integer({ minimum: 1, maximum: 50 }),
    feesCollected: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    delivery: StringEnum(Object.values(Delivery)),
    /** How it was submitted; at the desk when left out. */
    channel: Type.Optional(StringEnum(Object.values(SubmissionChannel))),
    notes: text(1000),
    /** Reason of a supplement request or refusal (required for those outcomes). */
    reason: text(1000),
    /** What the ID card scanned at the counter said: the dossier's log records it beside what the clerk kept. */
    idCard: Type.Optional(ScannedCardSchema),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBodySchema>;

/** Body of a status command; `agency` names the receiver of a transfer. */
export const DossierActionBodySchema = Type.Object(
  { note: Type.Optional(text(1000)), agency: Type.Optional(text(300)) },
  { additionalProperties: false },
);
export type DossierActionBody = Static<typeof DossierActionBodySchema>;

/** `POST /api/dossiers/:id/reschedule` — apology with a new date (Mẫu 04). */
export const RescheduleBodySchema = Type.Object(
  { newDueAt: InstantSchema, reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type RescheduleBody = Static<typeof RescheduleBodySchema>;

/** One logged event of a dossier (the source of Mẫu 05). */
export const DossierEventSchema = Type.Object({
  id: IdSchema,
  at: InstantSchema,
  type: Type.String(),
  fromStatus: Nullable(StringEnum(Object.values(DossierStatus))),
  toStatus: StringEnum(Object.values(DossierStatus)),
  userName: Type.String(),
  note: Type.String(),
  agency: Type.String(),
  /** An intake after an ID-card scan: where each applicant field came from (values stay in the log, not here). */
  idCardFields: Type.Optional(Type.Record(Type.String(), StringEnum(['scanned', 'corrected', 'typed'] as const))),
});
export type DossierEvent = Static<typeof DossierEventSchema>;

/** A dossier in lists and the tracking book. */
export const DossierSummarySchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  procedureId: IdSchema,
  procedureCode: Type.String(),
  procedureName: Type.String(),
  fieldId: IdSchema,
  fieldName: Type.String(),
  agency: Type.String(),
  status: StringEnum(Object.values(DossierStatus)),
  applicantName: Type.String(),
  applicantAddress: Type.String(),
  applicantPhone: Type.String(),
  delivery: StringEnum(Object.values(Delivery)),
  channel: StringEnum(Object.values(SubmissionChannel)),
  receivedAt: Nullable(InstantSchema),
  dueAt: Nullable(InstantSchema),
  returnedAt: Nullable(InstantSchema),
  overdue: Type.Boolean(),
});
export type DossierSummary = Static<typeof DossierSummarySchema>;

/** A dossier with everything the forms print. */
export const DossierSchema = Type.Composite([
  DossierSummarySchema,
  Type.Object({
    seq: Type.Integer(),
    applicant: ApplicantSchema,
    documents: Type.Array(DossierDocumentSchema),
    sets: Type.Integer(),
    feesCollected: Type.Integer(),
    notes: Type.String(),
    reason: Type.String(),
    processingTimeText: Type.String(),
    limitKind: StringEnum(Object.values(TimeKind)),
    originalDueAt: Nullable(InstantSchema),
    supplementCount: Type.Integer(),
    ticketNumber: Nullable(Type.String()),
    receivedByName: Type.String(),
    createdAt: InstantSchema,
    /** Second factor of the public lookup, printed on the receipt (Mẫu 01) as "Mã kiểm tra". */
    checkCode: Type.String(),
    /** Public status page printed as a QR code on the receipt: `${PUBLIC_URL}/h/<code>/<checkCode>`. */
    statusUrl: Type.String(),
    events: Type.Array(DossierEventSchema),
  }),
]);
export type Dossier = Static<typeof DossierSchema>;

/** `GET /api/dossiers` (the tracking book, Mẫu 06) filters. Dates are local "YYYY-MM-DD", inclusive. */
export const DossierQuerySchema = Type.Object(
  {
    from: Type.Optional(DaySchema),
    to: Type.Optional(DaySchema),
    fieldId: Type.Optional(IdSchema),
    procedureId: Type.Optional(IdSchema),
    status: Type.Optional(StringEnum(Object.values(DossierStatus))),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
  },
  { additionalProperties: false },
);
export type DossierQuery = Static<typeof DossierQuerySchema>;

/** `:code` route parameter. */
export const DossierCodeParamsSchema = Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN, maxLength: 60 }) }, { additionalProperties: false });

/** `:code` as a person types it (any case, spaces, typographic dashes): the hub normalises it (`normalizeDossierCode`). */
export const DossierTypedCodeParamsSchema = Type.Object(
  { code: Type.String({ pattern: DOSSIER_CODE_INPUT_PATTERN, minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);

/** `GET /api/dossiers/lookup/:code` query: the second factor, the receipt's check code or the phone's last 4 digits. */
export const DossierLookupQuerySchema = Type.Object({ check: Type.String({ pattern: CHECK_INPUT_PATTERN, minLength: 4, maxLength: 12 }) }, { additionalProperties: false });

/** `/h/:code/:check`: the receipt's QR link with its check code. */
export const DossierLinkParamsSchema = Type.Object(
  { code: Type.String({ pattern: DOSSIER_CODE_PATTERN, maxLength: 60 }), check: Type.String({ pattern: CHECK_INPUT_PATTERN, minLength: 4, maxLength: 12 }) },
  { additionalProperties: false },
);

/** Public status of a dossier: no personal data beyond a masked name. */
export const DossierLookupSchema = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  maskedName: Type.String(),
  status: StringEnum(Object.values(DossierStatus)),
  receivedAt: Nullable(InstantSchema),
  dueAt: Nullable(InstantSchema),
  returnedAt: Nullable(InstantSchema),
  overdue: Type.Boolean(),
});
export type DossierLookup = Static<typeof DossierLookupSchema>;

/** `POST /api/dossiers/due-date`. */
export const DueDateBodySchema = Type.Object({ procedureId: IdSchema, receivedAt: InstantSchema }, { additionalProperties: false });
/** Reply of `POST /api/dossiers/due-date`. */
export const DueDateReplySchema = Type.Object({ dueAt: Nullable(InstantSchema) }, { description: 'null when the listing gives no number of days' });

/** `GET /api/dossiers/due-soon` query: within this many working hours. */
export const DueSoonQuerySchema = Type.Object({ hours: Type.Integer({ minimum: 1, maximum: 240, default: 8 }) }, { additionalProperties: false });

/** A day of the office calendar that differs from the default (make-up working Saturday, compensatory day off …). */
export const CalendarDaySchema = Type.Object({ date: DaySchema, working: Type.Boolean(), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type CalendarDay = Static<typeof CalendarDaySchema>;
/** `PUT /api/admin/calendar/:date` body. */
export const CalendarDayBodySchema = Type.Object({ working: Type.Boolean(), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
/** `:date` route parameter. */
export const CalendarDateParamsSchema = Type.Object({ date: DaySchema }, { additionalProperties: false });
/** `GET /api/calendar` query. */
export const CalendarQuerySchema = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
/** A year of the office calendar: generated holidays and the admin's overrides. */
export const CalendarYearSchema = Type.Object({
  year: Type.Integer(),
  holidays: Type.Array(Type.Object({ date: DaySchema, name: Type.String() })),
  overrides: Type.Array(CalendarDaySchema),
});
export type CalendarYear = Static<typeof CalendarYearSchema>;

/** One open dossier of the scanned citizen, as the kiosk lists it: status and dates only. */
export const IdCardDossierSchema = Type.Object({
  status: StringEnum(Object.values(DossierStatus)),
  createdAt: InstantSchema,
  receivedAt: Nullable(InstantSchema),
  dueAt: Nullable(InstantSchema),
});
export type IdCardDossier = Static<typeof IdCardDossierSchema>;

/** Reply of the kiosk's lookup by ID card. */
export const IdCardDossiersSchema = Type.Object({ dossiers: Type.Array(IdCardDossierSchema) });
export type IdCardDossiers = Static<typeof IdCardDossiersSchema>;
