import { Type, type Static } from '@sinclair/typebox';
import { ProvinceOfficeSchema } from './province';
import { ProvinceDossierFiguresSchema, ProvinceQueueFiguresSchema, ProvinceSatisfactionFiguresSchema } from './province-reports';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (the office\'s business day)' });

/** `?day=` of one office's day; today (the province hub's time zone, Vietnam's) when omitted. */
export const ProvinceOfficeDayQuerySchema = Type.Object({ day: Type.Optional(Day) }, { additionalProperties: false });
/** The query of one office's day. */
export type ProvinceOfficeDayQuery = Static<typeof ProvinceOfficeDayQuerySchema>;

/** Biểu II.06a figures of one day: what was in progress before it is the previous reported day's, so it is left out. */
export const ProvinceDayDossierFiguresSchema = Type.Omit(ProvinceDossierFiguresSchema, ['carriedOver']);
/** Dossier figures of one day. */
export type ProvinceDayDossierFigures = Static<typeof ProvinceDayDossierFiguresSchema>;

/** `GET /api/province/offices/:id/day`: the office's live state and the facts it sent of one business day. */
export const ProvinceOfficeDaySchema = Type.Object({
  office: Type.Pick(ProvinceOfficeSchema, ['id', 'code', 'name', 'state', 'online', 'lastSeenAt', 'waiting', 'longestWaitMinutes', 'openCounters', 'printersDown', 'clockSkewSeconds']),
  day: Day,
  /** Today at the province hub: the page's default day and the last one it moves to. */
  today: Day,
  /** Whether any facts of this day arrived from the office. */
  received: Type.Boolean(),
  /** The day's queue figures summed over its services. */
  queue: ProvinceQueueFiguresSchema,
  services: Type.Array(Type.Intersect([Type.Object({ code: Type.String(), name: Type.String() }), ProvinceQueueFiguresSchema])),
  counters: Type.Array(Type.Intersect([Type.Object({ name: Type.String() }), ProvinceQueueFiguresSchema])),
  /** Staff by username only: no names leave the office. */
  staff: Type.Array(Type.Intersect([Type.Object({ username: Type.String() }), ProvinceQueueFiguresSchema])),
  /** The day's Biểu II.06a figures summed over its fields. */
  dossiers: ProvinceDayDossierFiguresSchema,
  fields: Type.Array(Type.Intersect([Type.Object({ code: Type.String(), name: Type.String() }), ProvinceDayDossierFiguresSchema])),
  ratings: ProvinceSatisfactionFiguresSchema,
});
/** One office's day at the province. */
export type ProvinceOfficeDay = Static<typeof ProvinceOfficeDaySchema>;
