import type { FastifyInstance } from 'fastify';
import { ERROR_MESSAGES, type ErrorCode } from '@shared/errors';
import { CLIENT_EVENT_ROLES, type Ack } from '@shared/events';
import { rooms } from '@shared/rooms';
import type { MonitorSnapshot } from '@shared/schemas/monitor';
import type { HubServer } from './emitter';

type HubSocket = Parameters<Parameters<HubServer['on']>[1]>[0];

const refuse = (code: ErrorCode): Ack<never> => ({ ok: false, error: { code, message: ERROR_MESSAGES[code].vi } });

/**
 * `monitor:watch`: a staff console of a supervisor or admin (checked against the account, not the client's claim)
 * joins the supervisor room and gets the current state; later states arrive as `monitor:updated`.
 */
export function handleMonitorWatch(app: FastifyInstance, socket: HubSocket): void {
  let watching = false;
  socket.on('monitor:watch', (ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (r: Ack<MonitorSnapshot>) => void;
    const user = socket.data.userId === null ? undefined : app.hub.repos.users.byId(socket.data.userId);
    const allowed = CLIENT_EVENT_ROLES['monitor:watch'].includes(socket.data.role) && user?.active === 1 && (user.role === 'supervisor' || user.role === 'admin');
    if (!allowed) return reply(refuse('FORBIDDEN'));
    try {
      const snapshot = watching ? app.hub.monitor.snapshot() : app.hub.monitor.watch();
      watching = true;
      void socket.join(rooms.supervisor());
      reply({ ok: true, data: snapshot });
    } catch (err) {
      app.log.error({ err }, 'monitor snapshot failed');
      reply(refuse('INTERNAL_ERROR'));
    }
  });
  socket.on('disconnect', () => {
    if (watching) app.hub.monitor.unwatch();
    watching = false;
  });
}
