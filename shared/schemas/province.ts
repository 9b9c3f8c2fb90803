import { Type, type Static } from '@sinclair/typebox';
import { DayFactsSchema } from './province-facts';

/** The office's unit identifier (mã định danh đơn vị, e.g. 000.00.31.H26) as the province knows it. */
export const OfficeCodeSchema = Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z.\\-]{2,39}$', description: 'Unit identifier of the office' });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (the office\'s business day)' });

export const ProvinceOfficeCreateSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), code: OfficeCodeSchema },
  { additionalProperties: false },
);
export type ProvinceOfficeCreate = Static<typeof ProvinceOfficeCreateSchema>;

export const ProvinceOfficeCreatedSchema = Type.Object({
  id: Type.Integer(),
  enrollToken: Type.String({ description: 'Shown once; the office admin enters it with the province URL (valid 7 days)' }),
});

/** One office on the province's live board. */
export const ProvinceOfficeSchema = Type.Object({
  id: Type.Integer(),
  code: OfficeCodeSchema,
  name: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('enrolled'), Type.Literal('revoked')]),
  online: Type.Boolean({ description: 'A heartbeat arrived within the last 2 minutes' }),
  lastSeenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  waiting: Type.Integer(),
  longestWaitMinutes: Type.Integer(),
  openCounters: Type.Integer(),
  printersDown: Type.Integer(),
  version: Type.Union([Type.String(), Type.Null()]),
  /** The province's receive time minus the office's clock at sending, of the last heartbeat (null before one). */
  clockSkewSeconds: Type.Union([Type.Integer(), Type.Null()]),
});
export type ProvinceOffice = Static<typeof ProvinceOfficeSchema>;

export const EnrollBodySchema = Type.Object(
  { code: OfficeCodeSchema, enrollToken: Type.String({ minLength: 16, maxLength: 200 }) },
  { additionalProperties: false },
);
export const EnrolledSchema = Type.Object({
  officeId: Type.Integer(),
  credential: Type.String({ description: 'The office\'s credential: sent in the `x-motcua-office` header of heartbeats and records' }),
});

export const HeartbeatBodySchema = Type.Object(
  {
    sentAt: Type.String({ format: 'date-time' }),
    waiting: Count,
    longestWaitMinutes: Count,
    openCounters: Count,
    printersDown: Count,
    version: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type HeartbeatBody = Static<typeof HeartbeatBodySchema>;

/** An office's figures of one business day for one service (what its own queue report says). */
export const DayFiguresSchema = Type.Object(
  {
    day: Day,
    serviceCode: Type.String({ minLength: 1, maxLength: 20 }),
    serviceName: Type.String({ minLength: 1, maxLength: 200 }),
    tickets: Count,
    served: Count,
    noShow: Count,
    waitSeconds: Type.Integer({ minimum: 0 }),
    waited: Count,
    serveSeconds: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DayFigures = Static<typeof DayFiguresSchema>;

/**
 * An office's figures of one business day for every service that had tickets (an office hub sends this: a ticket
 * counts under the service it was issued for, so a transfer changes two services' figures at once).
 */
export const DayServicesSchema = Type.Object(
  { day: Day, services: Type.Array(Type.Omit(DayFiguresSchema, ['day'], { additionalProperties: false }), { maxItems: 500 }) },
  { additionalProperties: false },
);
export type DayServices = Static<typeof DayServicesSchema>;

const Seq = Type.Integer({ minimum: 1 });
export const SyncRecordSchema = Type.Union([
  Type.Object({ seq: Seq, kind: Type.Literal('day_figures'), data: DayFiguresSchema }, { additionalProperties: false }),
  Type.Object({ seq: Seq, kind: Type.Literal('day_services'), data: DayServicesSchema }, { additionalProperties: false }),
  Type.Object({ seq: Seq, kind: Type.Literal('day_facts'), data: DayFactsSchema }, { additionalProperties: false }),
]);
export type SyncRecord = Static<typeof SyncRecordSchema>;

export const SyncBodySchema = Type.Object({ records: Type.Array(SyncRecordSchema, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false });
export const SyncReplySchema = Type.Object({
  accepted: Type.Integer({ description: 'Records stored now' }),
  duplicates: Type.Integer({ description: 'Records already stored (a resend): nothing changed' }),
  lastSeq: Type.Integer({ description: 'The highest seq the province holds from this office' }),
});

/** The office's link to its province hub, as its admin sees it (the credential is never shown). */
export const ProvinceLinkInputSchema = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 300, description: 'The province hub\'s address, e.g. https://motcua.tinh.gov.vn' }),
    enrollToken: Type.String({ minLength: 16, maxLength: 200 }),
    code: Type.Optional(OfficeCodeSchema),
  },
  { additionalProperties: false },
);
export type ProvinceLinkInput = Static<typeof ProvinceLinkInputSchema>;

export const ProvinceLinkStates = ['connected', 'pending', 'error', 'off'] as const;
export const ProvinceLinkSchema = Type.Object({
  url: Type.Union([Type.String(), Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union(ProvinceLinkStates.map((s) => Type.Literal(s))),
  lastSyncAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastHeartbeatAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  pendingEvents: Type.Integer({ minimum: 0 }),
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type ProvinceLink = Static<typeof ProvinceLinkSchema>;
