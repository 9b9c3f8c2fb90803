import { parseCookie } from 'cookie';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ERROR_MESSAGES, type ErrorBody } from '@shared/errors';
import { HandshakeAuthSchema, PROTOCOL_VERSION, type Ack, type SocketData } from '@shared/events';
import { rooms } from '@shared/rooms';
import { AppError } from '../errors';
import { SESSION_COOKIE } from '../plugins/auth';
import type { HubServer } from './emitter';

type Handshake = Socket['handshake'];
type HubSocket = Parameters<Parameters<HubServer['on']>[1]>[0];

const checkAuth = TypeCompiler.Compile(HandshakeAuthSchema);

const refuse = (code: ErrorBody['code']): { ok: false; error: ErrorBody } => ({ ok: false, error: { code, message: ERROR_MESSAGES[code].vi } });

/**
 * Validates the handshake `auth` with the shared schema. Kiosks and displays are accepted as they say
 * (device pairing comes with issue 3); a counter console must carry a valid staff session cookie, and
 * joins its counter's room only if that staff member has opened that counter.
 */
export function authenticateHandshake(app: FastifyInstance, handshake: Handshake): { ok: true; data: SocketData } | { ok: false; error: ErrorBody } {
  const auth: unknown = handshake.auth;
  if (!checkAuth.Check(auth)) return refuse('VALIDATION_FAILED');
  if (auth.protocolVersion !== PROTOCOL_VERSION) return refuse('VALIDATION_FAILED');
  if (auth.role !== 'counter') return { ok: true, data: { role: auth.role, userId: null, counterId: null } };
  const token = handshake.headers.cookie ? parseCookie(handshake.headers.cookie)[SESSION_COOKIE] : undefined;
  const staff = app.hub.auth.authenticate(token);
  if (!staff) return refuse('UNAUTHENTICATED');
  const counterId = auth.counterId !== undefined && staff.me.counterId === auth.counterId ? auth.counterId : null;
  return { ok: true, data: { role: 'counter', userId: staff.me.id, counterId } };
}

/** Joins the rooms the socket's verified role allows, and answers snapshot requests. */
export function handleConnection(app: FastifyInstance, socket: HubSocket): void {
  void socket.join(rooms.office());
  if (socket.data.role === 'counter') {
    void socket.join(rooms.staff());
    if (socket.data.counterId !== null) void socket.join(rooms.counter(socket.data.counterId));
  }
  socket.on('queue:snapshot', (ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (r: Ack<ReturnType<typeof app.hub.queue.snapshot>>) => void;
    try {
      reply({ ok: true, data: app.hub.queue.snapshot() });
    } catch (err) {
      app.log.error({ err }, 'snapshot over socket failed');
      reply(err instanceof AppError ? refuse(err.code) : refuse('INTERNAL_ERROR'));
    }
  });
}
