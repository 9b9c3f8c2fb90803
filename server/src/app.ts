import { existsSync } from 'node:fs';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import AjvCompiler from '@fastify/ajv-compiler';
import swagger from '@fastify/swagger';
import outboxPlugin from './plugins/outbox';
import { webhooksDocument } from './routes/webhooks-document';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { Allow } from '@shared/access';
import { ERROR_MESSAGES, ErrorCode } from '@shared/errors';
import { DEFAULT_LIMITS, type Config } from './config';
import { AppError, statusOf } from './errors';
import { hasNonFiniteNumber } from './finite-numbers';
import authPlugin from './plugins/auth';
import backupPlugin from './plugins/backup';
import connectionLimits from './plugins/connection-limits';
import originCheck from './plugins/origin-check';
import publicDoor from './plugins/public-door';
import { securityHeaders } from './plugins/security-headers';
import hubPlugin from './plugins/hub';
import printingPlugin from './plugins/printing';
import socketIoPlugin from './plugins/socket-io';
import adminRoutes from './routes/api/admin';
import auditRoutes from './routes/api/audit';
import backupRoutes from './routes/api/backups';
import authRoutes from './routes/api/auth';
import healthRoutes from './routes/api/health';
import hubRoutes from './routes/api/hub';
import officeRoutes from './routes/office-routes';
import publicLinks from './routes/public-links';
import provinceHubRoutes from './routes/province-hub-routes';
import provinceLinkPlugin from './plugins/province-link';
import { version } from './version';

/** Options of buildApp: the config, plus an injectable clock for tests and simulations. */
export interface AppOptions {
  config: Config;
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
}

/** Maps Fastify's own 4xx errors (bad JSON, wrong content type, too large) to our stable codes. */
function codeOfFastifyError(err: FastifyError): ErrorCode {
  if (err.statusCode === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (err.statusCode === 415) return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  if (err.statusCode === 429) return ErrorCode.RATE_LIMITED;
  if (err.statusCode === 404) return ErrorCode.NOT_FOUND;
  return ErrorCode.VALIDATION_FAILED;
}

/**
 * Fastify's validator factory with type coercion only where text is all there is (query strings, path parameters,
 * headers). A JSON body carries its own types: coercing it turned a fee's `amount: null` ("set by the HĐND") into 0
 * ("Miễn phí") on every save, and `true` into 1; a body of the wrong type is refused (400) instead.
 */
function exactBodies(externalSchemas: unknown, options: { customOptions?: Record<string, unknown> }) {
  // The package's types describe its compile function as taking a schema; Fastify calls it with the route definition.
  type Compile = (route: { httpPart?: string }) => unknown;
  const build = AjvCompiler() as unknown as (schemas: unknown, o: unknown) => Compile;
  const loose = build(externalSchemas, options);
  const exact = build(externalSchemas, { ...options, customOptions: { ...options.customOptions, coerceTypes: false } });
  return (route: { httpPart?: string }) => (route.httpPart === 'body' ? exact(route) : loose(route));
}

/**
 * Fastify's serializer factory, remembering each compiled schema: fast-json-stringify compiles per route and status
 * otherwise, about a thousand copies of the error body's serializer (≈ 90 MB of the hub's heap).
 */
function sharedSerializers(externalSchemas: unknown, options: unknown) {
  const compile = SerializerSelector()(externalSchemas as never, options as never);
  const compiled = new WeakMap<object, ReturnType<typeof compile>>();
  return (route: Parameters<typeof compile>[0]) => {
    const schema = route.schema as object;
    let fn = compiled.get(schema);
    if (!fn) {
      fn = compile(route);
      compiled.set(schema, fn);
    }
    return fn;
  };
}

/** Builds the hub: one Fastify instance with Socket.IO attached, the API, and the built screens. */
export async function buildApp(options: AppOptions) {
  const limits = options.config.limits ?? DEFAULT_LIMITS;
  const app = Fastify({
    // A request must arrive whole (head and body) within the timeout: a body trickled byte by byte is cut with 408.
    // Node checks the timeouts on an interval, so it is kept short next to the timeout.
    requestTimeout: limits.requestTimeoutMs,
    http: { headersTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, Math.ceil(limits.requestTimeoutMs / 10)) },
    logger: options.logger ?? { level: options.config.logLevel },
    // Screens poll nothing, but every static file and API call would be a log line: log errors and our own events only.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // `//api//x` is `/api/x`: every spelling of a path reaches the same route, and so the same access rule.
    routerOptions: { ignoreDuplicateSlashes: true },
    // A reply schema shared by many routes (the error body under seven statuses of every route) is compiled once.
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers, buildValidator: exactBodies as never } },
    // Errors met by the router before any route (malformed URL, over-long path parameter) get a code like all others.
    frameworkErrors: (err, _request, reply) => {
      const code = codeOfFastifyError(err);
      void (reply as FastifyReply).code(statusOf(code)).send({ code, message: ERROR_MESSAGES[code].vi });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // 1. External: OpenAPI collector first, so it sees every route registered after it.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'motcua hub API', version, description: 'Queue, kiosk and display hub for Vietnamese one-stop offices.' },
      // The events the hub POSTs to subscribed endpoints (Standard Webhooks), one entry per event type.
      webhooks: webhooksDocument(),
    },
  });
  // Security headers. Plain HTTP on the office LAN: no HSTS and no upgrade of requests to https.
  app.addHook('onRequest', securityHeaders());
  // Bodies are JSON, or the file types an upload route registers itself: no text/plain, the one type besides
  // urlencoded and multipart that a page of another origin can send without asking first.
  app.removeContentTypeParser('text/plain');
  // Limits only where a route asks for one (sign-in, pairing, ticket issue).
  await app.register(rateLimit, { global: false });
  // 2. App: storage and use-cases, sessions and access control, realtime.
  await app.register(hubPlugin, { config: options.config, now: options.now });
  await app.register(connectionLimits);
  await app.register(originCheck);
  await app.register(publicDoor);
  await app.register(authPlugin);
  await app.register(socketIoPlugin);
  await app.register(backupPlugin);
  await app.register(printingPlugin);
  await app.register(outboxPlugin);
  if (options.config.role === 'office') await app.register(provinceLinkPlugin);

  // 3. Errors: coded 4xx with { code, message }; 5xx details are logged, never sent.
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.statusCode).send({ code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) });
    }
    if (err.validation) {
      return reply.code(400).send({ code: ErrorCode.VALIDATION_FAILED, message: ERROR_MESSAGES.VALIDATION_FAILED.vi, details: err.message });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = codeOfFastifyError(err);
      return reply.code(statusOf(code)).send({ code, message: ERROR_MESSAGES[code].vi });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: ErrorCode.INTERNAL_ERROR, message: ERROR_MESSAGES.INTERNAL_ERROR.vi });
  });
  app.addHook('preHandler', async (request) => {
    if (hasNonFiniteNumber(request.query) || hasNonFiniteNumber(request.params) || hasNonFiniteNumber(request.body)) {
      throw new AppError('VALIDATION_FAILED', undefined, 'number out of range');
    }
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ code: ErrorCode.NOT_FOUND, message: ERROR_MESSAGES.NOT_FOUND.vi });
  });

  // 4. Routes.
  await app.register(
    async (api) => {
      // Both roles: health, sign-in, accounts and settings, the audit log, backups.
      await api.register(healthRoutes);
      await api.register(hubRoutes);
      await api.register(authRoutes);
      await api.register(auditRoutes);
      await api.register(adminRoutes);
      await api.register(backupRoutes);
      // The office's queue, kiosks, counters, displays, dossiers; or the province's roll-up of its offices.
      await api.register(options.config.role === 'province' ? provinceHubRoutes : officeRoutes);
      api.get('/openapi.json', { config: { allow: Allow.everyone }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );
  // Short links that QR codes encode (redirects to the phone pages).
  if (options.config.role === 'office') await app.register(publicLinks);

  // 5. The built screens (vite build → dist/), when present.
  // Every file of dist/ is public (the screens' code; their data comes from the API): declared so explicitly,
  // since a route without an access rule is refused.
  if (existsSync(options.config.staticDir)) {
    await app.register(async (screens) => {
      screens.addHook('onRoute', (route) => {
        route.config = { ...route.config, allow: Allow.everyone, staticFiles: true };
      });
      await screens.register(fastifyStatic, { root: options.config.staticDir, prefix: '/', redirect: true, index: ['index.html'] });
    });
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
