import { Type, type Static } from '@sinclair/typebox';
import { PRIORITY_GROUPS } from '../priority';
import { DaySchema, IdSchema, InstantSchema, Nullable, StringEnum } from './common';
import { ScannedIdentitySchema } from './id-card';

/** Lifecycle of a ticket: waiting → called → serving → done | no_show | cancelled; parked is on hold. */
export const TicketStatus = {
  WAITING: 'waiting',
  CALLED: 'called',
  SERVING: 'serving',
  PARKED: 'parked',
  DONE: 'done',
  NO_SHOW: 'no_show',
  CANCELLED: 'cancelled',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];


/** Priority group field: a known code or null. */
export const PriorityGroupSchema = StringEnum(PRIORITY_GROUPS);

/** A ticket as every screen sees it. Carries no personal data; the tracking id is given only to its holder. */
export const TicketSchema = Type.Object({
  id: IdSchema,
  number: Type.String(),
  serviceId: IdSchema,
  status: StringEnum(Object.values(TicketStatus)),
  /** A priority ticket (any group): what public screens may know. */
  priority: Type.Boolean(),
  /**
   * Which priority group: health data (disability, pregnancy) under Luật 91/2025/QH15, so only on staff channels
   * (room `staff`, a staff caller's snapshot); null on every public push and the public snapshot.
   */
  priorityGroup: Nullable(PriorityGroupSchema),
  businessDay: DaySchema,
  issuedAt: InstantSchema,
  calledAt: Nullable(InstantSchema),
  startedAt: Nullable(InstantSchema),
  finishedAt: Nullable(InstantSchema),
  counterId: Nullable(IdSchema),
  staffId: Nullable(IdSchema),
  /** Set when the ticket was transferred to one specific counter. */
  targetCounterId: Nullable(IdSchema),
  recallCount: Type.Integer({ minimum: 0 }),
  noShowCount: Type.Integer({ minimum: 0 }),
  transferCount: Type.Integer({ minimum: 0 }),
  /** Order inside its service queue: lower is called first (a transfer to the front gets a lower key). */
  sortKey: Type.Number(),
});
export type Ticket = Static<typeof TicketSchema>;

/** `POST /api/tickets` body. */
export const IssueTicketBodySchema = Type.Object(
  {
    serviceId: IdSchema,
    priorityGroup: Type.Optional(PriorityGroupSchema),
    /** The citizen scanned their ID card at the kiosk: only the ID number's salted hash is stored with the ticket. */
    identity: Type.Optional(ScannedIdentitySchema),
  },
  { additionalProperties: false },
);
export type IssueTicketBody = Static<typeof IssueTicketBodySchema>;

/** `POST /api/tickets` reply: what the kiosk shows and prints. */
export const IssuedTicketSchema = Type.Object({
  id: IdSchema,
  number: Type.String(),
  serviceId: IdSchema,
  serviceNameVi: Type.String(),
  serviceNameEn: Type.String(),
  status: StringEnum(Object.values(TicketStatus)),
  priorityGroup: Nullable(PriorityGroupSchema),
  issuedAt: InstantSchema,
  peopleAhead: Type.Integer({ minimum: 0 }),
  estimatedWaitMinutes: Type.Integer({ minimum: 0 }),
  counterNumbers: Type.Array(Type.Integer()),
  /** Unguessable id of the ticket's public tracking page. */
  trackingId: Type.String(),
  trackingUrl: Type.String(),
});
export type IssuedTicket = Static<typeof IssuedTicketSchema>;

/** `POST /api/counters/:id/call` and `/unpark` body. */
export const TicketRefBodySchema = Type.Object({ ticketId: IdSchema }, { additionalProperties: false });
export type TicketRefBody = Static<typeof TicketRefBodySchema>;

/** `POST /api/tickets/:id/transfer` body: exactly one of a service or a counter. */
export const TransferBodySchema = Type.Object(
  { serviceId: Type.Optional(IdSchema), counterId: Type.Optional(IdSchema) },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);
export type TransferBody = Static<typeof TransferBodySchema>;

/** Reply of every ticket action. */
export const TicketReplySchema = Type.Object({ ticket: TicketSchema });
export type TicketReply = Static<typeof TicketReplySchema>;

/** One announcement on the displays. */
export const CallRecordSchema = Type.Object({
  ticketId: IdSchema,
  number: Type.String(),
  serviceId: IdSchema,
  counterId: IdSchema,
  counterNumber: Type.Integer(),
  counterName: Type.String(),
  priority: Type.Boolean(),
  /** Staff channels only; null on public ones (see TicketSchema). */
  priorityGroup: Nullable(PriorityGroupSchema),
  calledAt: InstantSchema,
  recall: Type.Boolean(),
});
export type CallRecord = Static<typeof CallRecordSchema>;
