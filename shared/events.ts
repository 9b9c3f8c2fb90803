import { Type, type Static } from '@sinclair/typebox';
import type { ErrorBody } from './errors';
import { IdSchema, StringEnum } from './schemas/common';
import type { CounterState } from './schemas/counter';
import type { DisplayConfig } from './schemas/display';
import type { DossierSummary } from './schemas/dossier';
import type { MonitorSnapshot } from './schemas/monitor';
import type { OfficePublic } from './schemas/office';
import type { PrintJobOutcome, PrinterStatus } from './schemas/printer';
import type { QueueSnapshot } from './schemas/queue';
import type { RatingRequest } from './schemas/rating';
import type { ServiceSummary } from './schemas/service';
import type { CallRecord, Ticket } from './schemas/ticket';
import { TrackingIdSchema, type TrackedTicket } from './schemas/track';

/** Bumped when events change incompatibly; a screen with another version reloads itself. */
export const PROTOCOL_VERSION = 1;

/** Socket acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Kinds of screen that connect to the hub. A tracker is a citizen's phone following one ticket (anonymous, by its tracking id). */
export const ClientRole = { KIOSK: 'kiosk', DISPLAY: 'display', RATING: 'rating', COUNTER: 'counter', TRACKER: 'tracker' } as const;
export type ClientRole = (typeof ClientRole)[keyof typeof ClientRole];

/** Socket.IO handshake `auth` payload, validated by the server. Counter screens are also checked against the staff session cookie. */
export const HandshakeAuthSchema = Type.Object(
  {
    role: StringEnum(Object.values(ClientRole)),
    protocolVersion: Type.Integer({ minimum: 1 }),
    counterId: Type.Optional(IdSchema),
    /** Trackers only: the ticket to follow. */
    trackingId: Type.Optional(TrackingIdSchema),
  },
  { additionalProperties: false },
);
export type HandshakeAuth = Static<typeof HandshakeAuthSchema>;

/** Pushes from the hub, all emitted after the change is committed. */
export interface ServerToClientEvents {
  'ticket:issued': (payload: { ticket: Ticket }) => void;
  'ticket:called': (payload: { ticket: Ticket; call: CallRecord }) => void;
  'ticket:updated': (payload: { ticket: Ticket }) => void;
  'counter:updated': (payload: { counter: CounterState }) => void;
  'services:updated': (payload: { services: ServiceSummary[] }) => void;
  'queue:reset': (payload: { businessDay: string }) => void;
  /** Office name, hours, languages, logo… changed (admin). */
  'office:updated': (payload: { office: OfficePublic }) => void;
  /** A wall display's configuration was saved (admin); the display with that id applies it at once. */
  'display:updated': (payload: { display: DisplayConfig }) => void;
  /** A wall display's configuration was deleted; that display falls back to the default. */
  'display:removed': (payload: { id: number }) => void;
  /** A printer's health or queue length changed (admin screen, and the kiosk it serves). */
  'printer:status': (payload: { status: PrinterStatus }) => void;
  /** A dossier was received or changed status (room `staff`): consoles refresh their dossier lists. */
  'dossier:updated': (payload: { dossier: DossierSummary }) => void;
  /** The supervisor's live monitor (room `supervisor`), recomputed at most once a second after commits. */
  'monitor:updated': (payload: { monitor: MonitorSnapshot }) => void;
}

/** Ticket printing (room `office`). */
export interface ServerToClientEvents {
  /** A ticket's print job ended: printed, failed after sending (paper ran out), or dropped after the outage limit. */
  'print:job': (payload: { job: PrintJobOutcome }) => void;
}

/** Pushes to one tracker (a phone following its ticket) and to a counter's rating tablet. */
export interface ServerToClientEvents {
  /** The tracked ticket changed (called, recalled, transferred, finished…) or moved up in its queue. */
  'track:updated': (payload: { ticket: TrackedTicket; call?: { counterNumber: number; counterName: string; recall: boolean } }) => void;
  /** The counter finished a ticket: the tablet asks the citizen to rate it. */
  'rating:requested': (payload: { request: RatingRequest }) => void;
  /** The ticket shown on the tablet was rated (on the tablet or by QR): the tablet returns to its idle screen. */
  'rating:closed': (payload: { trackingId: string }) => void;
}

/** Requests from screens. */
export interface ClientToServerEvents {
  'queue:snapshot': (ack: (reply: Ack<QueueSnapshot>) => void) => void;
  /** A supervisor/admin console starts watching the live monitor: joins its room, gets the current state. */
  'monitor:watch': (ack: (reply: Ack<MonitorSnapshot>) => void) => void;
}

/** Screens allowed to send each client event (checked centrally by the hub, like route `allow` lists). */
export const CLIENT_EVENT_ROLES: Record<keyof ClientToServerEvents, readonly ClientRole[]> = {
  // Not trackers: a phone reads its own ticket over HTTP (GET /api/track/:trackingId), never the whole queue.
  'queue:snapshot': ['kiosk', 'display', 'rating', 'counter'],
  'monitor:watch': ['counter'],
};

/** What the server knows about a connected socket (never supplied by the client). */
export interface SocketData {
  role: ClientRole;
  userId: number | null;
  counterId: number | null;
  deviceId: number | null;
  /** Staff consoles: the server-side id of the session that opened the socket (re-checked on every request). */
  sessionId?: string;
  /** Trackers: the followed ticket, checked at the handshake. */
  tracked?: { ticketId: number; trackingId: string; waiting: boolean };
}
