import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { ChangePasswordBodySchema, LoginBodySchema, MeSchema, StaffPreferencesSchema } from '@shared/schemas/auth';
import { actorOf, staffOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

/** Staff routes that stay usable while a new password must be chosen. */
const SELF = { allow: Allow.staff, duringPasswordChange: true };

const auth: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      // Requests per address; wrong passwords are also throttled per (username, address) and per address (auth service).
      config: { allow: Allow.everyone, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Staff sign-in; sets the httpOnly session cookie', body: LoginBodySchema, response: { 200: MeSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const from = { ip: request.ip, deviceId: request.principal.device?.id ?? null };
      const { token, me } = await app.hub.auth.login(request.body.username, request.body.password, from);
      app.setSessionCookie(reply, token);
      return me;
    },
  );
  app.post(
    '/auth/logout',
    { config: SELF, schema: { tags: ['auth'], summary: 'Sign out; closes the counter held', response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.auth.logout(staffOf(request), actorOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/auth/logout-all',
    { config: SELF, schema: { tags: ['auth'], summary: 'Sign out on every device', response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.auth.logoutEverywhere(staffOf(request), actorOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/auth/me',
    { config: SELF, schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: MeSchema, ...ERROR_RESPONSES } } },
    async (request) => staffOf(request).me,
  );
  app.post(
    '/auth/password',
    {
      config: { ...SELF, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Change one\'s own password (signs out other sessions)', body: ChangePasswordBodySchema, response: { 200: MeSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.auth.changePassword(staffOf(request), request.body.currentPassword, request.body.newPassword, actorOf(request)),
  );
  app.get(
    '/auth/preferences',
    { config: { allow: Allow.staff }, schema: { tags: ['auth'], summary: 'One\'s own console preferences', response: { 200: StaffPreferencesSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.auth.preferences(staffOf(request)),
  );
  app.put(
    '/auth/preferences',
    {
      config: { allow: Allow.staff },
      schema: { tags: ['auth'], summary: 'Save one\'s own console preferences (one-letter shortcuts on or off)', body: StaffPreferencesSchema, response: { 200: StaffPreferencesSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.auth.setPreferences(staffOf(request), request.body),
  );
};
export default auth;
