import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { posix } from 'node:path';
import proxyAddr from '@fastify/proxy-addr';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_LIMITS } from '../config';
import { fail } from '../errors';
import { capConnections } from './connection-limits';
import { citizenFiles } from '../public-door-files';
import { PUBLIC_DOOR_ROUTES } from '../public-door-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Opens the public door (the citizen pages only) on its own port; resolves to its base URL. */
    listenPublicDoor(options: { port: number; host: string }): Promise<string>;
  }
}

const THROUGH_DOOR = Symbol('motcua.publicDoor');
type DoorMarked = IncomingMessage & { [THROUGH_DOOR]?: string };

/** Whether a request (or a socket handshake's request) came in through the public door. */
export const cameThroughPublicDoor = (raw: IncomingMessage): boolean => (raw as DoorMarked)[THROUGH_DOOR] !== undefined;

/** The citizen's address of a request through the door (behind the TLS proxy: the forwarded one). */
export const doorClientAddress = (raw: IncomingMessage): string | undefined => (raw as DoorMarked)[THROUGH_DOOR];

/**
 * The public door: an optional second listener (PUBLIC_PORT) for the citizen pages reached from the internet
 * (procedure listing, ticket tracking, rating by QR, dossier status, appointments), normally behind a TLS reverse
 * proxy. It is the same app — the same router, access rules, validation and Socket.IO — with three differences:
 * - only the routes of PUBLIC_DOOR_ROUTES and the files of the phone pages exist; everything else is the ordinary
 *   404, decided on the route the router matched (so no spelling of a path reaches a staff or device route);
 * - nobody is signed in or paired there: cookies are not read and open LAN mode does not apply;
 * - each citizen address (the one the trusted proxy forwards) is rate limited.
 */
export default fp(
  async (app) => {
    const door = app.config.publicDoor;
    const trusted = proxyAddr.compile(door?.trustedProxies ?? ['loopback']);
    const files = citizenFiles(app.config.staticDir);
    const limiter = windowLimiter(door?.ratePerMinute ?? 300, 60_000);

    app.addHook('onRequest', async (request, reply) => {
      const client = doorClientAddress(request.raw);
      if (client === undefined) return;
      // Every per-address rule downstream (route rate limits, booking limits, the access log) sees the citizen's
      // address, not the proxy's.
      Object.defineProperty(request, 'ip', { value: client });
      const retryAfter = limiter(client, Date.now());
      if (retryAfter > 0) {
        void reply.header('retry-after', String(Math.ceil(retryAfter / 1000)));
        fail('RATE_LIMITED');
      }
      if (!request.is404 && !opensOnDoor(request, files)) return reply.callNotFound();
    });

    let server: Server | undefined;
    app.decorate('listenPublicDoor', async ({ port, host }: { port: number; host: string }) => {
      const limits = app.config.limits ?? DEFAULT_LIMITS;
      server = createServer({
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.requestTimeoutMs,
        connectionsCheckingInterval: Math.min(1000, Math.ceil(limits.requestTimeoutMs / 10)),
      });
      capConnections(server, limits.maxConnectionsPerAddress, app.log, (address) => trusted(address, 0));
      const mark = (req: IncomingMessage) => {
        (req as DoorMarked)[THROUGH_DOOR] = proxyAddr(req, trusted);
      };
      // Handed to the hub's own server, so Socket.IO and Fastify see them exactly as they see the LAN's.
      server.on('request', (req, res) => {
        mark(req);
        app.server.emit('request', req, res);
      });
      server.on('upgrade', (req, socket, head) => {
        mark(req);
        app.server.emit('upgrade', req, socket, head);
      });
      const open = server;
      await new Promise<void>((done, failed) => {
        open.once('error', failed);
        open.listen(port, host, () => done());
      });
      const address = open.address() as AddressInfo;
      return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    });
    app.addHook('onClose', async () => {
      const open = server;
      if (!open) return;
      open.closeAllConnections();
      await new Promise<void>((done) => open.close(() => done()));
    });
  },
  { name: 'public-door', dependencies: ['hub'] },
);

/**
 * Requests per address per window, counted in fixed windows. Not @fastify/rate-limit: one request passes through
 * only one of its limiters (it marks the request), and the routes' own limits (bookings) must still apply behind
 * this one. Returns 0 when allowed, else the ms until the window ends.
 */
function windowLimiter(max: number, windowMs: number): (key: string, now: number) => number {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return (key, now) => {
    if (now - windowStart >= windowMs) {
      windowStart = now;
      counts = new Map();
    }
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n > max ? windowStart + windowMs - now : 0;
  };
}

/** Whether the matched route (or, for the built screens, the file it would serve) is open through the door. */
function opensOnDoor(request: FastifyRequest, files: ReadonlySet<string>): boolean {
  const route = `${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url ?? ''}`;
  if (PUBLIC_DOOR_ROUTES.has(route)) return true;
  if (!request.routeOptions.config.staticFiles) return false;
  // The static route serves the decoded, normalised wildcard: decide on exactly that.
  const wanted = (request.params as Record<string, string | undefined>)['*'] ?? '';
  return files.has(posix.normalize(`/${wanted}`));
}
