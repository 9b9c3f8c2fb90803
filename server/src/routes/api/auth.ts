import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LoginBodySchema, MeSchema } from '@shared/schemas/auth';
import { staffOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const auth: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Staff sign-in; sets the httpOnly session cookie', body: LoginBodySchema, response: { 200: MeSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const { token, me } = await app.hub.auth.login(request.body.username, request.body.password);
      app.setSessionCookie(reply, token);
      return me;
    },
  );
  app.post(
    '/auth/logout',
    { config: { access: 'staff' }, schema: { tags: ['auth'], summary: 'Sign out; closes the counter held', response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.auth.logout(staffOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/auth/me',
    { config: { access: 'staff' }, schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: MeSchema, ...ERROR_RESPONSES } } },
    async (request) => staffOf(request).me,
  );
};
export default auth;
