import type { onRequestHookHandler } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every answer, its middleware built once (@fastify/helmet rebuilt it, CSP parsing
 * included, on every request: 3–4 % of the issue path's CPU). Plain HTTP on the office LAN: no HSTS and no upgrade of
 * requests to https; the pages load nothing from elsewhere.
 */
export function securityHeaders(): onRequestHookHandler {
  const headers = helmet({
    hsts: false,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  return (request, reply, done) => headers(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
}
