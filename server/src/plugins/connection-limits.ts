import fp from 'fastify-plugin';
import type { Socket } from 'node:net';
import { DEFAULT_LIMITS } from '../config';

/** A refused address is logged at most this often (a flood must not flood the log too). */
const LOG_EVERY_MS = 60_000;

/**
 * Caps the TCP connections one client address may hold (`maxConnectionsPerAddress`): one more is closed as it
 * arrives, before any byte is read, so one host opening thousands of sockets cannot exhaust the hub's file
 * descriptors while kiosks, displays and consoles at other addresses keep connecting. Counted on the HTTP server,
 * so Socket.IO's connections (same port) count too. The request timeouts are set where the server is created (app.ts).
 */
export default fp(
  async (app) => {
    const max = app.config.limits?.maxConnectionsPerAddress ?? DEFAULT_LIMITS.maxConnectionsPerAddress;
    if (max <= 0) return;
    const open = new Map<string, number>();
    const lastLogged = new Map<string, number>();
    app.server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? '';
      const n = open.get(address) ?? 0;
      if (n >= max) {
        socket.destroy();
        const now = Date.now();
        if (now - (lastLogged.get(address) ?? 0) >= LOG_EVERY_MS) {
          lastLogged.set(address, now);
          app.log.warn({ address, max }, 'too many connections from one address: refused');
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
  },
  { name: 'connection-limits', dependencies: ['hub'] },
);
