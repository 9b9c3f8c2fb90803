import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { HubServer } from '../realtime/emitter';
import { authenticateHandshake, dropEndedSessions, handleConnection } from '../realtime/connection';
import { cameThroughPublicDoor } from './public-door';

/**
 * Socket.IO attached to Fastify's own HTTP server (same port, path /socket.io). Closed with the app.
 * Per-message deflate is off: payloads are small and compression costs CPU per client on a 2-core box.
 */
export default fp(
  async (app) => {
    const io: HubServer = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      perMessageDeflate: false,
      connectionStateRecovery: undefined,
      cors: { origin: false },
      // The handshake of a page of another origin is refused, as unsafe HTTP requests are (plugins/origin-check.ts).
      allowRequest: (req, callback) => callback(null, !app.isCrossOrigin(req.headers)),
    });
    io.use((socket, next) => {
      const result = authenticateHandshake(app, socket.handshake, cameThroughPublicDoor(socket.request));
      if (result.ok) {
        socket.data = result.data;
        next();
      } else {
        next(Object.assign(new Error(result.error.code), { data: result.error }));
      }
    });
    io.on('connection', (socket) => handleConnection(app, socket));
    app.decorate('io', io);
    // Sessions also end by idling out: their consoles stop receiving staff pushes within a minute.
    const sweep = setInterval(() => dropEndedSessions(app, io), 60_000);
    sweep.unref();
    // Close the transports (not the sockets): clients see "transport close" and reconnect by themselves
    // when the hub is back, whereas a server-side disconnect would tell them not to. Fastify closes the HTTP server.
    app.addHook('preClose', async () => {
      clearInterval(sweep);
      io.engine.close();
    });
  },
  { name: 'socket-io', dependencies: ['hub', 'auth', 'origin-check'] },
);
