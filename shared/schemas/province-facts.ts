import { Type, type Static } from '@sinclair/typebox';
import { RATING_LEVELS } from '../rating';
import { StringEnum } from './common';

const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Seconds = Type.Integer({ minimum: 0 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (the office\'s business day)' });
const Key = Type.String({ minLength: 1, maxLength: 60 });

/** Queue figures of one group (service, counter or staff member) over one business day. */
export const QueueCountsSchema = {
  tickets: Count,
  served: Count,
  noShow: Count,
  waitSeconds: Seconds,
  waited: Count,
  serveSeconds: Seconds,
};

/** Dossier figures of one field over one business day, in the shape of Biểu II.06a/VPCP/KSTT. */
export const FieldCountsSchema = {
  /** Dossiers accepted this day (new in the day; what was carried over is the previous day's in progress). */
  received: Count,
  receivedOnline: Count,
  receivedInPerson: Count,
  resolvedEarly: Count,
  resolvedOnTime: Count,
  resolvedLate: Count,
  /** Results handed over this day. */
  returned: Count,
  refused: Count,
  withdrawn: Count,
  /** In progress at the day's end: a period report takes the value of its last day. */
  inProgressOnTime: Count,
  inProgressOverdue: Count,
};
/** The dossier figure names of one field's day. */
export type FieldCountKey = keyof typeof FieldCountsSchema;
/** Every dossier figure name, in the form's order. */
export const FIELD_COUNT_KEYS = Object.keys(FieldCountsSchema) as FieldCountKey[];

/**
 * One office's facts of one business day (what its own reports say for that day), superseding any earlier record of
 * the same day. Staff are named by username only and citizens not at all: no personal data goes up.
 */
export const DayFactsSchema = Type.Object(
  {
    day: Day,
    services: Type.Array(
      Type.Object({ serviceCode: Type.String({ minLength: 1, maxLength: 20 }), serviceName: Type.String({ minLength: 1, maxLength: 200 }), ...QueueCountsSchema }, { additionalProperties: false }),
      { maxItems: 500 },
    ),
    counters: Type.Array(Type.Object({ counter: Key, ...QueueCountsSchema }, { additionalProperties: false }), { maxItems: 500 }),
    staff: Type.Array(Type.Object({ staff: Key, ...QueueCountsSchema }, { additionalProperties: false }), { maxItems: 1000 }),
    fields: Type.Array(
      Type.Object({ fieldCode: Type.String({ minLength: 1, maxLength: 40 }), fieldName: Type.String({ minLength: 1, maxLength: 200 }), ...FieldCountsSchema }, { additionalProperties: false }),
      { maxItems: 500 },
    ),
    ratings: Type.Array(
      Type.Object(
        { staff: Type.Union([Key, Type.Null()], { description: 'Username of the receiving staff member; null when none' }), level: StringEnum(RATING_LEVELS), count: Count },
        { additionalProperties: false },
      ),
      { maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
/** One office's facts of one business day. */
export type DayFacts = Static<typeof DayFactsSchema>;
