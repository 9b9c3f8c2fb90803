import { CatalogBasisSchema } from './province-catalog';
import { Type, type Static } from '@sinclair/typebox';
import { PRIORITY_GROUPS } from '../priority';
import { ClockTimeSchema, StringEnum } from './common';

/** Languages of the screens. */
export const LANGUAGES = ['vi', 'en'] as const;

/** A local wall-clock session. */
export const SessionSchema = Type.Object({ start: ClockTimeSchema, end: ClockTimeSchema }, { additionalProperties: false });

/** How a counter chooses between priority and normal tickets. */
export const CallingMode = { STRICT: 'strict', INTERLEAVE: 'interleave' } as const;
export type CallingMode = (typeof CallingMode)[keyof typeof CallingMode];

/** Where a transferred ticket goes in its new queue. */
export const TransferPosition = { FRONT: 'front', BACK: 'back' } as const;
export type TransferPosition = (typeof TransferPosition)[keyof typeof TransferPosition];

/** Size of the satisfaction scale: 3 levels (default) or 5 (domain.md §7). */
export const RatingScaleSchema = Type.Union([Type.Literal(3), Type.Literal(5)]);

/** Office-wide settings, kept in the database and edited by the admin. */
export const OfficeSettingsSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    address: Type.String({ maxLength: 300 }),
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    /** Days the office works, 0 = Sunday. */
    workingDays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7, uniqueItems: true }),
    /** Service hours. */
    sessions: Type.Array(SessionSchema, { maxItems: 6 }),
    /** Hours in which kiosks issue tickets (often shorter than service hours). */
    issueWindows: Type.Array(SessionSchema, { maxItems: 6 }),
    /** Local time at which numbering restarts for a new business day. */
    dailyResetTime: ClockTimeSchema,
    callingMode: StringEnum(Object.values(CallingMode)),
    /** With the interleave mode: call this many normal tickets, then one priority ticket. */
    normalPerPriority: Type.Integer({ minimum: 1, maximum: 50 }),
    transferPosition: StringEnum(Object.values(TransferPosition)),
    /** Age from which a citizen counts as elderly (60 or 75 in practice). */
    elderlyAge: Type.Integer({ minimum: 50, maximum: 100 }),
    /** Service time assumed for the wait estimate until enough tickets were served today, minutes. */
    defaultServiceMinutes: Type.Number({ minimum: 1, maximum: 240 }),
    /** Small offices: kiosks and displays work without pairing (anyone on the LAN counts as a device). */
    openLan: Type.Boolean(),
    /** Receiving unit identifier used in dossier codes, e.g. "000.00.06.H56" (domain.md §3). */
    unitCode: Type.String({ maxLength: 40, pattern: '^[0-9A-Za-z.]*$' }),
    /** The supervisor's monitor raises an alert when a citizen has waited longer than this, minutes. */
    waitAlertMinutes: Type.Integer({ minimum: 1, maximum: 480 }),
    /** Ticket tracking on phones: "your turn is near" once at most this many people are ahead (0 = only when called). */
    notifyPeopleAhead: Type.Integer({ minimum: 0, maximum: 50 }),
    /** Satisfaction rating scale (3 or 5 levels). */
    ratingScale: RatingScaleSchema,
    /** Kiosk time limit (WCAG 2.2.1): a screen other than home returns home after this many seconds untouched. */
    kioskIdleSeconds: Type.Integer({ minimum: 20, maximum: 600 }),
    /** The longer limit of the kiosk's reading screens (a procedure's listing, a dossier's status), seconds. */
    kioskReadingSeconds: Type.Integer({ minimum: 20, maximum: 1800 }),
    /** Priority groups offered at the kiosk, in order. */
    priorityGroups: Type.Array(StringEnum(PRIORITY_GROUPS), { maxItems: PRIORITY_GROUPS.length, uniqueItems: true }),
    /** Languages the screens offer; Vietnamese always, English optional. */
    languages: Type.Array(StringEnum(LANGUAGES), { minItems: 1, maxItems: LANGUAGES.length, uniqueItems: true }),
    /** Staff names on public screens (counter-top display, rating tablet): only when the office chooses so. */
    showStaffNames: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OfficeSettings = Static<typeof OfficeSettingsSchema>;

/** What every screen needs to know about the office. */
export const OfficePublicSchema = Type.Object({
  name: Type.String(),
  address: Type.String(),
  timezone: Type.String(),
  workingDays: Type.Array(Type.Integer()),
  sessions: Type.Array(SessionSchema),
  issueWindows: Type.Array(SessionSchema),
  elderlyAge: Type.Integer(),
  /** Priority groups offered at the kiosk, in order. */
  priorityGroups: Type.Array(StringEnum(PRIORITY_GROUPS)),
  /** Languages the screens offer (a language toggle only when more than one). */
  languages: Type.Array(StringEnum(LANGUAGES)),
  /** Changes when the office logo changes; null when there is none. Image at GET /api/office/logo?v=… */
  logoVersion: Type.Union([Type.String(), Type.Null()]),
  /** True when kiosks may issue tickets now. */
  issuingOpen: Type.Boolean(),
  /** Base of the links a phone can open (QR codes): config PUBLIC_URL, or the hub's LAN address. */
  publicUrl: Type.String(),
  /** The kiosk's time limits, seconds (absent from an older hub: the kiosk then uses 30 and 120). */
  kioskTimeLimits: Type.Optional(Type.Object({ idleSeconds: Type.Integer(), readingSeconds: Type.Integer() })),
  /** The province's decision the procedure listing follows (the catalog edition applied last); null when none. */
  catalogBasis: Type.Optional(Type.Union([CatalogBasisSchema, Type.Null()])),
});
export type OfficePublic = Static<typeof OfficePublicSchema>;
