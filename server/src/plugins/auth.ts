import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STAFF_ROLE_INCLUDES, type AccessRole } from '@shared/access';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { DeviceRow } from '../repositories/devices-repository';
import { cameThroughPublicDoor } from './public-door';
import type { StaffSession } from '../services/auth-service';
import type { ApiKeyPrincipal } from '../services/api-key-service';
import type { ApiScope } from '@shared/schemas/integrations';
import type { AuditActor } from '../repositories/audit-repository';

/** Who is calling: the roles they hold, and the session and device behind them. */
export interface Principal {
  roles: ReadonlySet<AccessRole>;
  staff: StaffSession | null;
  device: DeviceRow | null;
  ip: string;
  /** The API key of a machine's request (then no staff, no device). */
  apiKey?: ApiKeyPrincipal | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles that may call the route. Every route declares it (static files and short links too); a route without it is refused to all. */
    allow?: readonly AccessRole[];
    /** The route stays usable while the staff member must change their password (me, password, logout). */
    duringPasswordChange?: boolean;
    /** The built screens' files (one wildcard route); the public door serves only the phone pages' ones. */
    staticFiles?: boolean;
    /**
     * The API-key scope that grants a machine this route (`Authorization: Bearer <key>`). A route without one refuses
     * every key (fail closed), whatever its `allow`.
     */
    scope?: ApiScope;
  }
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    setSessionCookie(reply: FastifyReply, token: string): void;
    clearSessionCookie(reply: FastifyReply): void;
    setDeviceCookie(reply: FastifyReply, token: string): void;
  }
}

/** Cookie of a staff session (cleared by sign-out, expires after idle time on the server). */
export const SESSION_COOKIE = 'motcua_session';
/** Cookie of a paired device (long-lived; revocable by an admin). */
export const DEVICE_COOKIE = 'motcua_device';
const TEN_YEARS_S = 10 * 365 * 24 * 3600;
/** What an unpaired browser counts as in open LAN mode. */
const OPEN_LAN_ROLES: readonly AccessRole[] = ['kiosk', 'display'];

/**
 * Resolves the roles of a caller from its cookies. In open LAN mode an unpaired caller also counts as a kiosk and a
 * display (small offices without pairing), never as a rating tablet: a tablet is pushed the tracking id of each ticket
 * its counter finishes, and with it could rate for the citizen, so it must be a paired device bound to its counter.
 */
export function resolvePrincipal(app: FastifyInstance, cookies: Record<string, string | undefined>, ip: string): Principal {
  const staff = app.hub.auth.authenticate(cookies[SESSION_COOKIE]) ?? null;
  const device = app.hub.devices.authenticate(cookies[DEVICE_COOKIE]) ?? null;
  const roles = new Set<AccessRole>(['anonymous']);
  if (device) roles.add(device.kind);
  else if (app.hub.queue.settings().openLan) OPEN_LAN_ROLES.forEach((r) => roles.add(r));
  if (staff) STAFF_ROLE_INCLUDES[staff.me.role].forEach((r) => roles.add(r));
  return { roles, staff, device, ip };
}

/** A caller holding no role but `anonymous`. */
export const anonymous = (ip: string): Principal => ({ roles: new Set<AccessRole>(['anonymous']), staff: null, device: null, ip });

/** Whether a principal holds one of the allowed roles. */
export const isAllowed = (p: Principal, allow: readonly AccessRole[]) => allow.some((r) => p.roles.has(r));

/** The code to refuse with: 401 when pairing (for device routes) or signing in would help, 403 otherwise. */
export function refusalCode(p: Principal, allow: readonly AccessRole[]) {
  const deviceRoute = allow.some((r) => r === 'kiosk' || r === 'display' || r === 'rating');
  if (deviceRoute && !p.staff) return p.device ? ('FORBIDDEN' as const) : ('DEVICE_NOT_PAIRED' as const);
  if (!p.staff && allow.some((r) => r === 'staff' || r === 'supervisor' || r === 'admin')) return 'UNAUTHENTICATED' as const;
  return 'FORBIDDEN' as const;
}

/** The signed-in staff member of a request whose route required one. */
export function staffOf(request: FastifyRequest): StaffSession {
  return request.principal.staff ?? fail('UNAUTHENTICATED');
}

/** The acting staff member, for the audit log. */
export function actorOf(request: FastifyRequest): StaffActor {
  const { principal } = request;
  return { userId: staffOf(request).me.id, deviceId: principal.device?.id ?? null, ip: principal.ip };
}

/** Who reads personal data, for the access log: the staff member, or the API key of a machine. */
export function readerOf(request: FastifyRequest): AuditActor {
  const { principal } = request;
  if (principal.apiKey) return { userId: null, apiKeyId: principal.apiKey.id, ip: principal.ip };
  return actorOf(request);
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * A machine's request: the key must be live (else 401 at once, revoked too), the route must declare a scope the key
 * holds (else 403), and the key must be within its rate. Cookies are ignored: a key never acts as a person.
 */
function admitApiKey(app: FastifyInstance, request: FastifyRequest, header: string): void {
  const token = BEARER.exec(header)?.[1];
  const key = (token && app.hub.apiKeys.authenticate(token)) || fail('API_KEY_INVALID');
  request.principal = { roles: new Set<AccessRole>(), staff: null, device: null, ip: request.ip, apiKey: key };
  const scope = request.routeOptions.config.scope;
  if (!scope || !key.scopes.includes(scope)) fail('API_KEY_SCOPE');
  if (!app.hub.apiKeys.charge(key.id)) fail('RATE_LIMITED');
}

/**
 * Cookies and the one central access check: every route states `config.allow`; this hook enforces it before any
 * handler runs. No handler checks roles itself.
 */
export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('principal', null as unknown as Principal);
    const base = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: false };
    app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, base);
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
    app.decorate('setDeviceCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(DEVICE_COOKIE, token, { ...base, maxAge: TEN_YEARS_S });
    });
    // Decided on the route the router matched (its declared rule), never on the URL text: the router decodes
    // percent-escapes, doubled slashes and absolute-form targets, so any spelling of a path meets the same rule.
    // onRequest runs before any body is read or parsed, so a refused upload is never parsed.
    app.addHook('onRequest', async (request) => {
      if (request.is404) return; // nothing matched: the not-found handler answers and serves nothing
      // Through the public door nobody is signed in, paired or a machine with a key, whatever cookies or Authorization
      // header arrive (a proxy's own Basic auth included), and open LAN mode does not apply.
      const door = cameThroughPublicDoor(request.raw);
      const authorization = request.headers.authorization;
      if (authorization !== undefined && !door) return admitApiKey(app, request, authorization);
      const allow = request.routeOptions.config.allow;
      const principal = door ? anonymous(request.ip) : resolvePrincipal(app, request.cookies, request.ip);
      request.principal = principal;
      if (!allow) {
        request.log.error({ route: request.routeOptions.url, method: request.method }, 'route declares no access rule: refused');
        fail('FORBIDDEN');
      }
      if (!isAllowed(principal, allow)) fail(refusalCode(principal, allow));
      if (principal.staff?.me.mustChangePassword && !request.routeOptions.config.duringPasswordChange && !allow.includes('anonymous')) {
        fail('PASSWORD_CHANGE_REQUIRED');
      }
    });
    // A machine's commands are audited under its key (its reads are not; dossier reads go to the access log).
    app.addHook('onResponse', async (request, reply) => {
      const key = request.principal?.apiKey;
      if (!key || request.method === 'GET' || request.method === 'HEAD') return;
      app.hub.apiKeys.audit(key, request.ip, 'api_key.use', { method: request.method, route: request.routeOptions.url, status: reply.statusCode });
    });
  },
  { name: 'auth', dependencies: ['hub', 'public-door'] },
);
