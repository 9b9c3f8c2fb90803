/** Sockets of the citizen-facing screens: phones tracking a ticket, and the rating tablets at the counters. */
import type { FastifyInstance } from 'fastify';
import { ERROR_MESSAGES, type ErrorBody } from '@shared/errors';
import type { SocketData } from '@shared/events';
import { rooms } from '@shared/rooms';
import type { Principal } from '../plugins/auth';
import type { HubServer } from './emitter';

type HubSocket = Parameters<Parameters<HubServer['on']>[1]>[0];

const refusal = (code: ErrorBody['code']): ErrorBody => ({ code, message: ERROR_MESSAGES[code].vi });

/**
 * A citizen's phone following its ticket: anonymous (no cookie is read, so thousands of reconnecting phones cost one
 * indexed lookup each), allowed by knowing the ticket's unguessable tracking id, and nothing else.
 */
export function authenticateTracker(app: FastifyInstance, trackingId: string | undefined): { ok: true; data: SocketData } | { ok: false; error: ErrorBody } {
  if (trackingId === undefined) return { ok: false, error: refusal('VALIDATION_FAILED') };
  const found = app.hub.track.lookup(trackingId);
  if (!found) return { ok: false, error: refusal('TICKET_NOT_FOUND') };
  return { ok: true, data: { role: 'tracker', userId: null, counterId: null, deviceId: null, tracked: { ticketId: found.ticketId, trackingId, waiting: found.waiting } } };
}

/**
 * A tracker joins its ticket's room only — never the office room, whose pushes would cost every phone's data and
 * the hub's CPU — and may send no event: any request is refused.
 */
export function handleTracker(app: FastifyInstance, socket: HubSocket): void {
  const tracked = socket.data.tracked;
  if (!tracked) return void socket.disconnect(true);
  void socket.join(rooms.ticket(tracked.trackingId));
  app.hub.track.attach(tracked.ticketId, tracked.trackingId, tracked.waiting);
  socket.once('disconnect', () => app.hub.track.detach(tracked.ticketId));
  socket.onAny((...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as (r: { ok: false; error: ErrorBody }) => void)({ ok: false, error: refusal('FORBIDDEN') });
  });
}

/** The counter a rating tablet stands at: the one an admin bound the paired tablet to (open LAN mode included). */
export function ratingCounterOf(principal: Principal): number | null {
  return principal.device?.kind === 'rating' ? principal.device.counter_id : null;
}

/** A rating tablet joins its counter's rating room and is offered the ticket the counter finished last, if still unrated. */
export function handleRatingTablet(app: FastifyInstance, socket: HubSocket): void {
  const counterId = socket.data.counterId;
  if (counterId === null) return;
  void socket.join(rooms.rating(counterId));
  const request = app.hub.ratings.pending(counterId);
  if (request) socket.emit('rating:requested', { request });
}
