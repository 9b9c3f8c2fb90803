import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, InstantSchema, Nullable } from './common';
import { TicketSchema } from './ticket';

/** Live figures of one service today. */
export const MonitorServiceSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  prefix: Type.String(),
  waitingNormal: Type.Integer({ minimum: 0 }),
  waitingPriority: Type.Integer({ minimum: 0 }),
  /** Issue time of the ticket waiting longest (null when nobody waits): the screen counts up from it. */
  oldestWaitingSince: Nullable(InstantSchema),
  longestWaitMinutes: Type.Number({ minimum: 0 }),
  /** Issue → first call over today's called tickets of this service. */
  avgWaitTodayMinutes: Nullable(Type.Number()),
  servedToday: Type.Integer({ minimum: 0 }),
});
/** Live figures of one service. */
export type MonitorService = Static<typeof MonitorServiceSchema>;

/** Live state of one counter. */
export const MonitorCounterSchema = Type.Object({
  id: IdSchema,
  number: Type.Integer(),
  name: Type.String(),
  open: Type.Boolean(),
  staffId: Nullable(IdSchema),
  staffName: Nullable(Type.String()),
  currentTicket: Nullable(TicketSchema),
  /** Open with no current ticket since this instant (last ticket event or sign-in); null otherwise. */
  idleSince: Nullable(InstantSchema),
  idleMinutes: Nullable(Type.Number({ minimum: 0 })),
  servedToday: Type.Integer({ minimum: 0 }),
});
/** Live state of one counter. */
export type MonitorCounter = Static<typeof MonitorCounterSchema>;

/** A waiting ticket that has waited the office's alert threshold or longer. */
export const MonitorAlertSchema = Type.Object({
  ticketId: IdSchema,
  number: Type.String(),
  serviceId: IdSchema,
  priority: Type.Boolean(),
  waitedMinutes: Type.Number({ minimum: 0 }),
});
/** A wait alert. */
export type MonitorAlert = Static<typeof MonitorAlertSchema>;

/** What the supervisor's live monitor shows; pushed as `monitor:updated` (at most once a second). */
export const MonitorSnapshotSchema = Type.Object({
  serverTime: InstantSchema,
  businessDay: Type.String(),
  /** Wait alert threshold in minutes (office setting). */
  alertMinutes: Type.Integer(),
  services: Type.Array(MonitorServiceSchema),
  counters: Type.Array(MonitorCounterSchema),
  /** Waiting and no-show tickets of today (the supervisor can transfer, cancel, reactivate them). */
  tickets: Type.Array(TicketSchema),
  /** Longest wait first. */
  alerts: Type.Array(MonitorAlertSchema),
  /** Today's online bookings (slots of the business day) by outcome; absent from an older hub. */
  appointments: Type.Optional(
    Type.Object({ booked: Type.Integer(), checkedIn: Type.Integer(), missed: Type.Integer(), cancelled: Type.Integer(), upcoming: Type.Integer() }),
  ),
});
/** The live monitor's state. */
export type MonitorSnapshot = Static<typeof MonitorSnapshotSchema>;
