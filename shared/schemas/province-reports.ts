import { Type, type Static } from '@sinclair/typebox';
import { REPORT_FORMATS } from './report';
import { Nullable, StringEnum } from './common';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (business day)' });

/** `?from=&to=&format=` of the province's reports: business days, both inclusive; a download with `format`. */
export const ProvincePeriodQuerySchema = Type.Object(
  { from: Day, to: Day, format: Type.Optional(StringEnum(REPORT_FORMATS, { description: 'xlsx or csv: the report as a download' })) },
  { additionalProperties: false },
);
/** A province report's query. */
export type ProvincePeriodQuery = Static<typeof ProvincePeriodQuerySchema>;

/** The period a report covers and the previous one of the same length it is compared with. */
const Periods = { from: Day, to: Day, previousFrom: Day, previousTo: Day };
const Office = { id: Type.Integer(), code: Type.String(), name: Type.String() };

/** Queue figures summed over offices and days. */
export const ProvinceQueueFiguresSchema = Type.Object({
  tickets: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  avgWaitMinutes: Nullable(Type.Number()),
  avgServeMinutes: Nullable(Type.Number()),
});
/** Queue figures. */
export type ProvinceQueueFigures = Static<typeof ProvinceQueueFiguresSchema>;

/** `GET /api/province/reports/queue`: per office, per field (the offices' services by name), totals and the previous period's. */
export const ProvinceQueueReportSchema = Type.Object({
  ...Periods,
  offices: Type.Array(Type.Intersect([Type.Object(Office), ProvinceQueueFiguresSchema])),
  fields: Type.Array(Type.Intersect([Type.Object({ name: Type.String() }), ProvinceQueueFiguresSchema])),
  totals: ProvinceQueueFiguresSchema,
  previous: ProvinceQueueFiguresSchema,
});
/** The province's queue report. */
export type ProvinceQueueReport = Static<typeof ProvinceQueueReportSchema>;

/** Biểu II.06a figures summed over a period (in progress: as of the period's last reported day). */
export const ProvinceDossierFiguresSchema = Type.Object({
  /** In progress when the period began (the end of each office's last reported day before it). */
  carriedOver: Type.Integer(),
  /** Accepted within the period. */
  received: Type.Integer(),
  receivedOnline: Type.Integer(),
  receivedInPerson: Type.Integer(),
  resolved: Type.Integer(),
  resolvedEarly: Type.Integer(),
  resolvedOnTime: Type.Integer(),
  resolvedLate: Type.Integer(),
  returned: Type.Integer(),
  refused: Type.Integer(),
  withdrawn: Type.Integer(),
  inProgress: Type.Integer(),
  inProgressOnTime: Type.Integer(),
  inProgressOverdue: Type.Integer(),
  /** Resolved early or on time, % of resolved (null when none resolved). */
  onTimeRate: Nullable(Type.Number()),
});
/** Dossier figures. */
export type ProvinceDossierFigures = Static<typeof ProvinceDossierFiguresSchema>;

/** `GET /api/province/reports/dossiers`: Biểu II.06a per office and per field, totals and the previous period's. */
export const ProvinceDossierReportSchema = Type.Object({
  ...Periods,
  offices: Type.Array(Type.Intersect([Type.Object(Office), ProvinceDossierFiguresSchema])),
  fields: Type.Array(Type.Intersect([Type.Object({ name: Type.String() }), ProvinceDossierFiguresSchema])),
  totals: ProvinceDossierFiguresSchema,
  previous: ProvinceDossierFiguresSchema,
});
/** The province's dossier report. */
export type ProvinceDossierReport = Static<typeof ProvinceDossierReportSchema>;

/** Ratings summed: the total, the count and % of each level, the share satisfied. */
export const ProvinceSatisfactionFiguresSchema = Type.Object({
  total: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  percents: Type.Record(Type.String(), Nullable(Type.Number())),
  /** "Rất hài lòng" and "Hài lòng", % of all ratings. */
  satisfiedRate: Nullable(Type.Number()),
});
/** Satisfaction figures. */
export type ProvinceSatisfactionFigures = Static<typeof ProvinceSatisfactionFiguresSchema>;

/** `GET /api/province/reports/satisfaction`: per office, totals and the previous period's. */
export const ProvinceSatisfactionReportSchema = Type.Object({
  ...Periods,
  /** Levels found in the period or the previous one, best first. */
  levels: Type.Array(Type.String()),
  offices: Type.Array(Type.Intersect([Type.Object(Office), ProvinceSatisfactionFiguresSchema])),
  totals: ProvinceSatisfactionFiguresSchema,
  previous: ProvinceSatisfactionFiguresSchema,
});
/** The province's satisfaction report. */
export type ProvinceSatisfactionReport = Static<typeof ProvinceSatisfactionReportSchema>;
