import { Type, type Static } from '@sinclair/typebox';
import { DaySchema, Nullable, StringEnum } from './common';

/** Ways to break down the queue report. */
export const QUEUE_GROUP_BY = ['service', 'counter', 'staff', 'day', 'hour', 'month'] as const;
/** One way to break down the queue report. */
export type QueueGroupBy = (typeof QUEUE_GROUP_BY)[number];

/** Download formats of a report (JSON when absent). */
export const REPORT_FORMATS = ['xlsx', 'csv'] as const;
/** One download format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Longest period one report may cover, in days (a year, leap years included). */
export const MAX_REPORT_DAYS = 366;

/** `?from=&to=&format=` of every report: business days (office time zone), both inclusive. */
export const ReportRangeQuerySchema = Type.Object(
  {
    from: DaySchema,
    to: DaySchema,
    format: Type.Optional(StringEnum(REPORT_FORMATS)),
  },
  { additionalProperties: false },
);
/** A report's period and format. */
export type ReportRangeQuery = Static<typeof ReportRangeQuerySchema>;

/** `GET /api/reports/queue` query. */
export const QueueReportQuerySchema = Type.Object(
  {
    from: DaySchema,
    to: DaySchema,
    groupBy: Type.Optional(StringEnum(QUEUE_GROUP_BY)),
    format: Type.Optional(StringEnum(REPORT_FORMATS)),
  },
  { additionalProperties: false },
);
/** Queue report query. */
export type QueueReportQuery = Static<typeof QueueReportQuerySchema>;

/** Average, median and 90th percentile of a duration, in minutes (null when nothing was measured). */
export const DurationStatsSchema = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  avg: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  p90: Nullable(Type.Number()),
  /** Sum of the durations in whole seconds (to roll averages up across offices exactly). */
  totalSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
});
/** Duration statistics in minutes. */
export type DurationStats = Static<typeof DurationStatsSchema>;

/** Queue figures of one group (or of the whole period). Rates are percentages of `tickets`. */
export const QueueFiguresSchema = Type.Object({
  tickets: Type.Integer({ minimum: 0 }),
  served: Type.Integer({ minimum: 0 }),
  noShow: Type.Integer({ minimum: 0 }),
  cancelled: Type.Integer({ minimum: 0 }),
  /** Still waiting, called or in service (only today's tickets can be). */
  open: Type.Integer({ minimum: 0 }),
  /** Tickets transferred at least once. */
  transferred: Type.Integer({ minimum: 0 }),
  priority: Type.Integer({ minimum: 0 }),
  servedRate: Nullable(Type.Number()),
  noShowRate: Nullable(Type.Number()),
  transferRate: Nullable(Type.Number()),
  /** Issue → first call. */
  wait: DurationStatsSchema,
  /** Start of service (or call when never started) → finish, summed over the counters that served it. */
  service: DurationStatsSchema,
});
/** Queue figures. */
export type QueueFigures = Static<typeof QueueFiguresSchema>;

/** One row of the queue report. */
export const QueueReportRowSchema = Type.Composite([
  Type.Object({
    /** Group key: service/counter/staff id, "YYYY-MM-DD", "YYYY-MM", or hour "0".."23"; "" for "not served yet". */
    key: Type.String(),
    label: Type.String(),
  }),
  QueueFiguresSchema,
]);
/** One row of the queue report. */
export type QueueReportRow = Static<typeof QueueReportRowSchema>;

/** A period of business days. */
export const PeriodSchema = Type.Object({ from: DaySchema, to: DaySchema, days: Type.Integer({ minimum: 1 }) });
/** A period of business days. */
export type Period = Static<typeof PeriodSchema>;

/** `GET /api/reports/queue` reply. */
export const QueueReportSchema = Type.Object({
  /** The office's name, for the report's heading. */
  officeName: Type.String(),
  period: PeriodSchema,
  /** The period of equal length just before. */
  previousPeriod: PeriodSchema,
  groupBy: StringEnum(QUEUE_GROUP_BY),
  rows: Type.Array(QueueReportRowSchema),
  totals: QueueFiguresSchema,
  previousTotals: QueueFiguresSchema,
  /** Tickets issued by weekday (0 = Sunday … 6) × local hour (0 … 23): `heatmap[weekday][hour]`. */
  heatmap: Type.Array(Type.Array(Type.Integer({ minimum: 0 }))),
  generatedAt: Type.String(),
});
/** Queue report. */
export type QueueReport = Static<typeof QueueReportSchema>;

/** Number of days in a period of business days (both inclusive). */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `day` moved by `n` calendar days ("YYYY-MM-DD"). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): Period {
  const days = periodDays(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1), days };
}

/** Satisfaction figures of one group: the number of ratings, and count and share (%) of each level. */
export const SatisfactionFiguresSchema = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  /** Mean score, 5 = very satisfied … 1 = very unsatisfied. */
  averageScore: Nullable(Type.Number()),
  counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  percents: Type.Record(Type.String(), Nullable(Type.Number())),
  /** Share of "Rất hài lòng" and "Hài lòng". */
  satisfiedRate: Nullable(Type.Number()),
});
/** Satisfaction figures. */
export type SatisfactionFigures = Static<typeof SatisfactionFiguresSchema>;

/** One row of the satisfaction report (a receiving officer or a service). */
export const SatisfactionRowSchema = Type.Composite([Type.Object({ key: Type.String(), label: Type.String() }), SatisfactionFiguresSchema]);
/** One row of the satisfaction report. */
export type SatisfactionRow = Static<typeof SatisfactionRowSchema>;

/** `GET /api/reports/satisfaction` reply: "Báo cáo kết quả đánh giá sự hài lòng" per unit and per officer (domain.md §7). */
export const SatisfactionReportSchema = Type.Object({
  officeName: Type.String(),
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  /** Levels shown, best first: those of the office's scale, plus any other level found in the period. */
  levels: Type.Array(Type.String()),
  totals: SatisfactionFiguresSchema,
  previousTotals: SatisfactionFiguresSchema,
  byStaff: Type.Array(SatisfactionRowSchema),
  byService: Type.Array(SatisfactionRowSchema),
  generatedAt: Type.String(),
});
/** Satisfaction report. */
export type SatisfactionReport = Static<typeof SatisfactionReportSchema>;

/** Counts of one row of Biểu II.06a/VPCP/KSTT, with results handed over, refusals and withdrawals in the period. */
export const DossierCountsSchema = Type.Object({
  received: Type.Integer({ minimum: 0 }),
  carriedOver: Type.Integer({ minimum: 0 }),
  receivedNew: Type.Integer({ minimum: 0 }),
  /** Of the new ones: submitted online (public service portal), and in person or by post. */
  receivedOnline: Type.Integer({ minimum: 0 }),
  receivedInPerson: Type.Integer({ minimum: 0 }),
  resolved: Type.Integer({ minimum: 0 }),
  resolvedEarly: Type.Integer({ minimum: 0 }),
  resolvedOnTime: Type.Integer({ minimum: 0 }),
  resolvedLate: Type.Integer({ minimum: 0 }),
  inProgress: Type.Integer({ minimum: 0 }),
  inProgressOnTime: Type.Integer({ minimum: 0 }),
  inProgressOverdue: Type.Integer({ minimum: 0 }),
  resultsReturned: Type.Integer({ minimum: 0 }),
  refused: Type.Integer({ minimum: 0 }),
  withdrawn: Type.Integer({ minimum: 0 }),
});

/** One row of the dossier report (a field or a procedure). */
export const DossierReportRowSchema = Type.Composite([Type.Object({ key: Type.String(), label: Type.String() }), DossierCountsSchema]);
/** One row of the dossier report. */
export type DossierReportRow = Static<typeof DossierReportRowSchema>;

/** `GET /api/reports/dossiers` reply: the II.06a rows per field (domain.md §8), and the same per procedure. */
export const DossierReportSchema = Type.Object({
  officeName: Type.String(),
  period: PeriodSchema,
  byField: Type.Array(DossierReportRowSchema),
  byProcedure: Type.Array(DossierReportRowSchema),
  totals: DossierCountsSchema,
  generatedAt: Type.String(),
});
/** Dossier report. */
export type DossierReport = Static<typeof DossierReportSchema>;
