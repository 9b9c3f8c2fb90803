import { parseCookie } from 'cookie';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ERROR_MESSAGES, type ErrorBody } from '@shared/errors';
import { CLIENT_EVENT_ROLES, HandshakeAuthSchema, PROTOCOL_VERSION, type Ack, type SocketData } from '@shared/events';
import { rooms } from '@shared/rooms';
import { AppError } from '../errors';
import { refusalCode, resolvePrincipal } from '../plugins/auth';
import type { HubServer } from './emitter';
import { authenticateTracker, handleRatingTablet, handleTracker, ratingCounterOf } from './public-sockets';
import { handleMonitorWatch } from './monitor';

type Handshake = Socket['handshake'];
type HubSocket = Parameters<Parameters<HubServer['on']>[1]>[0];

const checkAuth = TypeCompiler.Compile(HandshakeAuthSchema);

const refuse = (code: ErrorBody['code']): { ok: false; error: ErrorBody } => ({ ok: false, error: { code, message: ERROR_MESSAGES[code].vi } });

/**
 * Validates the handshake `auth` with the shared schema and resolves the caller from its cookies exactly as for
 * HTTP: a kiosk/display/rating screen must be a paired device of that kind (kiosk and display: or open LAN mode),
 * a counter console must carry a staff session, a tracker must name an existing ticket. The client's claim is only a
 * request, never trusted. Through the public door only trackers connect.
 */
export function authenticateHandshake(app: FastifyInstance, handshake: Handshake, throughPublicDoor = false): { ok: true; data: SocketData } | { ok: false; error: ErrorBody } {
  const auth: unknown = handshake.auth;
  if (!checkAuth.Check(auth) || auth.protocolVersion !== PROTOCOL_VERSION) return refuse('VALIDATION_FAILED');
  if (auth.role === 'tracker') return authenticateTracker(app, auth.trackingId);
  // The public door carries the phones following their tickets, and no screen of the office.
  if (throughPublicDoor) return refuse('FORBIDDEN');
  const cookies = handshake.headers.cookie ? parseCookie(handshake.headers.cookie) : {};
  const principal = resolvePrincipal(app, cookies, handshake.address);
  const needs = auth.role === 'counter' ? (['staff'] as const) : ([auth.role] as const);
  if (!needs.some((r) => principal.roles.has(r))) return refuse(refusalCode(principal, needs));
  const staff = principal.staff;
  const counterId =
    auth.role === 'rating'
      ? ratingCounterOf(principal)
      : auth.role === 'counter' && auth.counterId !== undefined && staff?.me.counterId === auth.counterId
        ? auth.counterId
        : null;
  return {
    ok: true,
    data: {
      role: auth.role,
      userId: auth.role === 'counter' ? (staff?.me.id ?? null) : null,
      counterId,
      deviceId: principal.device?.id ?? null,
      ...(auth.role === 'counter' && staff ? { sessionId: staff.sessionId } : {}),
    },
  };
}

/** Joins the rooms the socket's verified role allows, and answers snapshot requests. */
export function handleConnection(app: FastifyInstance, socket: HubSocket): void {
  if (socket.data.role === 'tracker') return handleTracker(app, socket);
  if (socket.data.role === 'counter' && !guardStaffSocket(app, socket)) return;
  void socket.join(rooms.office());
  if (socket.data.role === 'rating') handleRatingTablet(app, socket);
  if (socket.data.deviceId !== null) void socket.join(rooms.device(socket.data.deviceId));
  if (socket.data.role === 'counter') {
    void socket.join(rooms.staff());
    if (socket.data.counterId !== null) void socket.join(rooms.counter(socket.data.counterId));
  }
  handleMonitorWatch(app, socket);
  socket.on('queue:snapshot', (ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (r: Ack<ReturnType<typeof app.hub.queue.snapshot>>) => void;
    if (!CLIENT_EVENT_ROLES['queue:snapshot'].includes(socket.data.role)) return reply(refuse('FORBIDDEN'));
    try {
      reply({ ok: true, data: app.hub.queue.snapshot(socket.data.role === 'counter' ? 'staff' : 'public') });
    } catch (err) {
      app.log.error({ err }, 'snapshot over socket failed');
      reply(err instanceof AppError ? refuse(err.code) : refuse('INTERNAL_ERROR'));
    }
  });
}

/** The session behind a staff socket if it is still valid and still that account's (`touch`: the request counts as activity). */
const liveSession = (app: FastifyInstance, socket: HubSocket, touch: boolean) => {
  const { sessionId, userId } = socket.data;
  const session = sessionId === undefined ? undefined : app.hub.auth.session(sessionId, touch);
  return session?.me.id === userId ? session : undefined;
};

/**
 * A staff console's socket lives only as long as its session: it joins its account's and session's rooms (ending a
 * session disconnects them at once), and every request it sends re-checks the session first; a request on an ended
 * session is refused and the socket dropped, so the console goes back to sign-in. False when it was dropped at once.
 */
function guardStaffSocket(app: FastifyInstance, socket: HubSocket): boolean {
  const { sessionId, userId } = socket.data;
  if (sessionId === undefined || userId === null) {
    socket.disconnect(true);
    return false;
  }
  void socket.join([rooms.user(userId), rooms.session(sessionId)]);
  socket.use((packet: unknown[], next: (err?: Error) => void) => {
    if (liveSession(app, socket, true)) return next();
    const ack = packet.at(-1);
    if (typeof ack === 'function') (ack as (r: Ack<never>) => void)(refuse('UNAUTHENTICATED'));
    socket.disconnect(true);
  });
  return true;
}

/** Disconnects staff sockets whose session ended without a sign-out (idle timeout); run every minute. */
export function dropEndedSessions(app: FastifyInstance, io: HubServer): number {
  let dropped = 0;
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.sessionId === undefined || liveSession(app, socket, false)) continue;
    socket.disconnect(true);
    dropped += 1;
  }
  return dropped;
}
