import { Type, type Static } from '@sinclair/typebox';
import { RATING_CRITERIA, RATING_LEVELS, type RatingCriterion, type RatingLevel } from '../rating';
import { InstantSchema, Nullable, StringEnum } from './common';
import { RatingScaleSchema } from './office';
import { TrackingIdSchema } from './track';

/** One satisfaction level. */
export const RatingLevelSchema = StringEnum(RATING_LEVELS);

/** Optional criteria: each rated on the same scale as the main question. */
export const RatingCriteriaSchema = Type.Partial(
  Type.Object(Object.fromEntries(RATING_CRITERIA.map((c) => [c, RatingLevelSchema])) as Record<RatingCriterion, typeof RatingLevelSchema>, {
    additionalProperties: false,
  }),
);
/** Criterion → level. */
export type RatingCriteria = Partial<Record<RatingCriterion, RatingLevel>>;

/** `POST /api/ratings` body. The server decides who is rated (the staff member and counter that served the ticket). */
export const RatingBodySchema = Type.Object(
  {
    trackingId: TrackingIdSchema,
    level: RatingLevelSchema,
    /** Required for "Không hài lòng" (and "Rất không hài lòng"). */
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    criteria: Type.Optional(RatingCriteriaSchema),
  },
  { additionalProperties: false },
);
/** A rating sent by a citizen. */
export type RatingBody = Static<typeof RatingBodySchema>;

/** `POST /api/ratings` reply. */
export const RatingReplySchema = Type.Object({ level: RatingLevelSchema, ratedAt: InstantSchema });
/** A recorded rating, as its author sees it. */
export type RatingReply = Static<typeof RatingReplySchema>;

/** Pushed to the rating tablet of the counter that just finished a ticket. */
export const RatingRequestSchema = Type.Object({
  trackingId: TrackingIdSchema,
  number: Type.String(),
  serviceNameVi: Type.String(),
  serviceNameEn: Type.String(),
  counterNumber: Type.Integer(),
  counterName: Type.String(),
  /**
   * The officer who served the citizen, shown on the tablet at the counter when the office shows staff names
   * (`showStaffNames`), else null; never on the public tracking page.
   */
  staffName: Nullable(Type.String()),
  finishedAt: InstantSchema,
  scale: RatingScaleSchema,
});
/** A ticket waiting for its rating on the counter's tablet. */
export type RatingRequest = Static<typeof RatingRequestSchema>;
