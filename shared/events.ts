import { Type, type Static } from '@sinclair/typebox';
import type { ErrorBody } from './errors';
import { IdSchema, StringEnum } from './schemas/common';
import type { CounterState } from './schemas/counter';
import type { OfficePublic } from './schemas/office';
import type { QueueSnapshot } from './schemas/queue';
import type { ServiceSummary } from './schemas/service';
import type { CallRecord, Ticket } from './schemas/ticket';

/** Bumped when events change incompatibly; a screen with another version reloads itself. */
export const PROTOCOL_VERSION = 1;

/** Socket acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Kinds of screen that connect to the hub. */
export const ClientRole = { KIOSK: 'kiosk', DISPLAY: 'display', RATING: 'rating', COUNTER: 'counter' } as const;
export type ClientRole = (typeof ClientRole)[keyof typeof ClientRole];

/** Socket.IO handshake `auth` payload, validated by the server. Counter screens are also checked against the staff session cookie. */
export const HandshakeAuthSchema = Type.Object(
  {
    role: StringEnum(Object.values(ClientRole)),
    protocolVersion: Type.Integer({ minimum: 1 }),
    counterId: Type.Optional(IdSchema),
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
}

/** Requests from screens. */
export interface ClientToServerEvents {
  'queue:snapshot': (ack: (reply: Ack<QueueSnapshot>) => void) => void;
}

/** Screens allowed to send each client event (checked centrally by the hub, like route `allow` lists). */
export const CLIENT_EVENT_ROLES: Record<keyof ClientToServerEvents, readonly ClientRole[]> = {
  'queue:snapshot': ['kiosk', 'display', 'rating', 'counter'],
};

/** What the server knows about a connected socket (never supplied by the client). */
export interface SocketData {
  role: ClientRole;
  userId: number | null;
  counterId: number | null;
  deviceId: number | null;
}
