import fp from 'fastify-plugin';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { DEFAULT_LIMITS } from '../config';

/** A refused address is logged at most this often (a flood must not flood the log too). */
const LOG_EVERY_MS = 60_000;

/**
 * Caps the TCP connections one client address may hold (`maxConnectionsPerAddress`): one more is closed as it
 * arrives, before any byte is read, so one host opening thousands of sockets cannot exhaust the hub's file
 * descriptors while kiosks, displays and consoles at other addresses keep connecting. Counted on each HTTP server
 * (the public door has its own count), so Socket.IO's connections (same port) count too. The request timeouts are
 * set where the server is created (app.ts).
 */
export default fp(
  async (app) => {
    capConnections(app.server, app.config.limits?.maxConnectionsPerAddress ?? DEFAULT_LIMITS.maxConnectionsPerAddress, app.log);
  },
  { name: 'connection-limits', dependencies: ['hub'] },
);

/**
 * Closes each connection past `max` open ones from its address as it arrives (0: no cap; `exempt` addresses, such as
 * the public door's TLS proxy carrying every citizen's connection, uncounted); logs refusals sparingly.
 */
export function capConnections(server: Server, max: number, log: FastifyBaseLogger, exempt: (address: string) => boolean = () => false): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  const lastLogged = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (exempt(address)) return;
    const n = open.get(address) ?? 0;
    if (n >= max) {
      socket.destroy();
      const now = Date.now();
      if (now - (lastLogged.get(address) ?? 0) >= LOG_EVERY_MS) {
        lastLogged.set(address, now);
        log.warn({ address, max }, 'too many connections from one address: refused');
      }
      return;
    }
    open.set(address, n + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
