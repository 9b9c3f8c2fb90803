import { Type, type Static, type TObject } from '@sinclair/typebox';
import { DaySchema, IdSchema, InstantSchema, Nullable, StringEnum } from './common';
import { SubmissionChannel } from './dossier';

/** Fields every ticket event carries: the ticket as it stands after the change. */
const TicketEventSchema = Type.Object({
  ticketId: IdSchema,
  number: Type.String({ description: 'Ticket number as printed, e.g. "A012"' }),
  serviceId: IdSchema,
  serviceCode: Type.String(),
  status: Type.String({ description: 'waiting | called | serving | parked | done | no_show | cancelled' }),
  priority: Type.Boolean(),
  counterId: Nullable(IdSchema),
  counterNumber: Nullable(Type.Integer()),
  businessDay: DaySchema,
  reason: Type.Optional(Type.String({ description: 'ticket.cancelled: staff | day_end | manual_reset' })),
  fromServiceId: Type.Optional(IdSchema),
});

const CounterEventSchema = Type.Object({
  counterId: IdSchema,
  counterNumber: Type.Integer(),
  counterName: Type.String(),
  staffId: Nullable(IdSchema),
  /** Personal: only to endpoints allowed personal data. */
  staffName: Type.Optional(Type.String()),
});

const DossierEventSchema = Type.Object({
  dossierId: IdSchema,
  code: Type.String({ description: 'Dossier code on the receipt' }),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  fromStatus: Nullable(Type.String()),
  status: Type.String({ description: 'received | transferred | processing | supplement_requested | result_ready | returned | refused | withdrawn' }),
  receivedAt: Nullable(InstantSchema),
  dueAt: Nullable(InstantSchema),
  /** How it was submitted (absent from events written before the hub recorded it). */
  channel: Type.Optional(StringEnum(Object.values(SubmissionChannel), { description: 'counter | post | online (public service portal)' })),
  /** Personal: only to endpoints allowed personal data. */
  applicantName: Type.Optional(Type.String()),
  /** Personal: only to endpoints allowed personal data. */
  applicantPhone: Type.Optional(Type.String()),
});

const AppointmentEventSchema = Type.Object({
  appointmentId: IdSchema,
  serviceId: IdSchema,
  startsAt: InstantSchema,
  status: Type.String(),
  ticketId: Type.Optional(IdSchema),
  /** Personal: only to endpoints allowed personal data. */
  citizenName: Type.Optional(Type.String()),
  /** Personal: only to endpoints allowed personal data. */
  citizenPhone: Type.Optional(Type.String()),
});

const RatingEventSchema = Type.Object({
  ratingId: IdSchema,
  ticketId: IdSchema,
  level: Type.String(),
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  scale: Type.Integer(),
  serviceId: IdSchema,
  counterId: Nullable(IdSchema),
  staffId: Nullable(IdSchema),
  businessDay: DaySchema,
  /** Personal (free text the citizen typed): only to endpoints allowed personal data. */
  reason: Type.Optional(Type.String()),
});

const PrinterEventSchema = Type.Object({
  printerId: IdSchema,
  name: Type.String(),
  state: Type.String({ description: 'ok | offline | paper_out | … as on the printers screen' }),
  pendingJobs: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
});

const DayClosedSchema = Type.Object({
  businessDay: DaySchema,
  issued: Type.Integer({ minimum: 0 }),
  served: Type.Integer({ minimum: 0 }),
  noShow: Type.Integer({ minimum: 0 }),
  cancelled: Type.Integer({ minimum: 0 }),
  dossiersReceived: Type.Integer({ minimum: 0 }),
  dossiersReturned: Type.Integer({ minimum: 0 }),
  ratings: Type.Integer({ minimum: 0 }),
});

/** Every event the hub publishes, with the schema of its `data`. */
export const WEBHOOK_EVENTS = {
  'ticket.issued': TicketEventSchema,
  'ticket.called': TicketEventSchema,
  'ticket.recalled': TicketEventSchema,
  'ticket.finished': TicketEventSchema,
  'ticket.no_show': TicketEventSchema,
  'ticket.transferred': TicketEventSchema,
  'ticket.cancelled': TicketEventSchema,
  'counter.opened': CounterEventSchema,
  'counter.closed': CounterEventSchema,
  'dossier.received': DossierEventSchema,
  'dossier.status_changed': DossierEventSchema,
  'dossier.returned': DossierEventSchema,
  'appointment.booked': AppointmentEventSchema,
  'appointment.cancelled': AppointmentEventSchema,
  'appointment.checked_in': AppointmentEventSchema,
  'appointment.missed': AppointmentEventSchema,
  'rating.submitted': RatingEventSchema,
  'printer.state_changed': PrinterEventSchema,
  'day.closed': DayClosedSchema,
} as const satisfies Record<string, TObject>;

/** One event type of the catalog, e.g. `ticket.called`. */
export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
/** Every event type, in catalog order. */
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];
/** The `data` of one event type. */
export type WebhookEventData<T extends WebhookEventType> = Static<(typeof WEBHOOK_EVENTS)[T]>;

/** Personal fields (Luật 91/2025/QH15): sent only to endpoints the admin allowed personal data; stripped otherwise. */
export const PERSONAL_FIELDS: Partial<Record<WebhookEventType, readonly string[]>> = {
  'counter.opened': ['staffName'],
  'counter.closed': ['staffName'],
  'dossier.received': ['applicantName', 'applicantPhone'],
  'dossier.status_changed': ['applicantName', 'applicantPhone'],
  'dossier.returned': ['applicantName', 'applicantPhone'],
  'appointment.booked': ['citizenName', 'citizenPhone'],
  'appointment.cancelled': ['citizenName', 'citizenPhone'],
  'appointment.checked_in': ['citizenName', 'citizenPhone'],
  'appointment.missed': ['citizenName', 'citizenPhone'],
  'rating.submitted': ['reason'],
};

/** The body of every webhook request (Standard Webhooks form: type, timestamp, data) plus the office's sequence number. */
export const webhookEnvelopeSchema = <T extends TObject>(type: string, data: T) =>
  Type.Object({
    type: Type.Literal(type),
    timestamp: InstantSchema,
    /** Position in the office's event stream: strictly increasing, delivered in this order per endpoint. */
    seq: Type.Integer({ minimum: 1 }),
    data,
  });

/** The delivery-check event sent by "test ping"; not stored in the outbox. */
export const PING_EVENT = 'webhook.ping';
