import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@shared/schemas/auth';
import { fail } from '../errors';
import type { StaffSession } from '../services/auth-service';

/** Who may call a route: anyone, or staff of at least this role. */
export type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Declared by every /api route; a route without it is admin-only (deny by default). */
    access?: Access;
  }
  interface FastifyRequest {
    staff: StaffSession | null;
  }
  interface FastifyInstance {
    setSessionCookie(reply: FastifyReply, token: string): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'motcua_session';
const RANK: Record<Role, number> = { staff: 1, supervisor: 2, admin: 3 };

/** The signed-in staff member of a request whose route required one. */
export function staffOf(request: FastifyRequest): StaffSession {
  return request.staff ?? fail('UNAUTHENTICATED');
}

/**
 * Cookie sessions and the one central access check: every route states `config.access`, this hook enforces it
 * (401 without a valid session, 403 below the required role). No handler checks roles itself.
 */
export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('staff', null);
    app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: false });
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/') || request.is404) return;
      const access = request.routeOptions.config.access ?? 'admin';
      const staff = app.hub.auth.authenticate(request.cookies[SESSION_COOKIE]);
      request.staff = staff ?? null;
      if (access === 'public') return;
      if (!staff) fail('UNAUTHENTICATED');
      if (RANK[staff.me.role] < RANK[access]) fail('FORBIDDEN');
    });
  },
  { name: 'auth', dependencies: ['hub'] },
);
