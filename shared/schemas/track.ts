import { Type, type Static } from '@sinclair/typebox';
import { DaySchema, InstantSchema, Nullable, StringEnum } from './common';
import { RatingScaleSchema } from './office';
import { TicketStatus } from './ticket';

/** The unguessable public id of a ticket (16 base64url characters = 96 random bits, printed as the ticket's QR). */
export const TrackingIdSchema = Type.String({ minLength: 16, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });

/** `GET /api/track/:trackingId` and `/t/:trackingId` params. */
export const TrackParamsSchema = Type.Object({ trackingId: TrackingIdSchema }, { additionalProperties: false });

/**
 * A ticket as its holder's phone sees it. Public by design (anyone with the QR): no ticket id, no priority group
 * (it can reveal a disability or a pregnancy), no staff name — only the number, the service, the place in the queue.
 */
export const TrackedTicketSchema = Type.Object({
  number: Type.String(),
  serviceNameVi: Type.String(),
  serviceNameEn: Type.String(),
  status: StringEnum(Object.values(TicketStatus)),
  businessDay: DaySchema,
  issuedAt: InstantSchema,
  /** Waiting tickets only: tickets of the same service called before this one. */
  peopleAhead: Nullable(Type.Integer({ minimum: 0 })),
  /** Waiting tickets only, minutes. */
  estimatedWaitMinutes: Nullable(Type.Integer({ minimum: 0 })),
  /** Called, being served or served: the counter (where to go; what the rating is about). */
  counterNumber: Nullable(Type.Integer()),
  counterName: Nullable(Type.String()),
  calledAt: Nullable(InstantSchema),
  recallCount: Type.Integer({ minimum: 0 }),
  /** The office's "notify when N people ahead" setting. */
  notifyPeopleAhead: Type.Integer({ minimum: 0 }),
  /** Waiting with at most `notifyPeopleAhead` people ahead: time to come back to the hall. */
  nearTurn: Type.Boolean(),
  officeName: Type.String(),
  /** Rating by QR: the office's scale, and whether this ticket may still be rated (done, not yet rated). */
  rating: Type.Object({ scale: RatingScaleSchema, open: Type.Boolean(), rated: Type.Boolean() }),
});
/** A tracked ticket. */
export type TrackedTicket = Static<typeof TrackedTicketSchema>;
