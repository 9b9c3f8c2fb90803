import type { IncomingHttpHeaders } from 'node:http';
import fp from 'fastify-plugin';
import { fail } from '../errors';

/** Methods that change something: a page of another origin must not send them with the office's cookies. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a browser says the request comes from a page of another origin. Same origin is the hub's own address (the
 * Host it was reached at, http or https behind a proxy) or the configured PUBLIC_URL. A page on another port of the
 * same host is another origin, though the same site (its SameSite=Strict cookies are sent): hence this check.
 * Clients that are not browsers (scripts, tests) send neither header and are let through; access is still checked.
 */
export function isCrossOrigin(headers: IncomingHttpHeaders, publicOrigin: string): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    const host = headers.host;
    return !(origin === publicOrigin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)));
  }
  const site = headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Refuses unsafe requests (403 CROSS_ORIGIN_REFUSED) from pages of another origin, before anything else runs; the
 * Socket.IO handshake applies the same rule (plugins/socket-io.ts). Bodies other than JSON are refused (415) because
 * no text/plain parser is registered (app.ts); upload routes register their own types.
 */
export default fp(
  async (app) => {
    const publicOrigin = new URL(app.config.publicUrl).origin;
    app.decorate('isCrossOrigin', (headers: IncomingHttpHeaders) => isCrossOrigin(headers, publicOrigin));
    app.addHook('onRequest', async (request) => {
      if (UNSAFE.has(request.method) && app.isCrossOrigin(request.headers)) fail('CROSS_ORIGIN_REFUSED');
    });
  },
  { name: 'origin-check', dependencies: ['hub'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether a request's headers show a page of another origin (see isCrossOrigin). */
    isCrossOrigin(headers: IncomingHttpHeaders): boolean;
  }
}
