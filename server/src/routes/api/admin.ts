import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import {
  CounterAdminSchema,
  CounterInputSchema,
  PasswordResetSchema,
  ServiceAdminSchema,
  ServiceInputSchema,
  UserAdminSchema,
  UserCreateSchema,
  UserUpdateSchema,
} from '@shared/schemas/admin';
import { IdParamsSchema } from '@shared/schemas/common';
import { OfficeSettingsSchema } from '@shared/schemas/office';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

/** Office administration (admin role): settings, services, counters, staff accounts. */
const admin: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allow: Allow.admin };
  const tags = ['admin'];
  const a = app.hub.admin;

  app.get('/admin/settings', { config, schema: { tags, summary: 'Office settings', response: { 200: OfficeSettingsSchema, ...ERROR_RESPONSES } } }, async () =>
    app.hub.queue.settings(),
  );
  app.put(
    '/admin/settings',
    { config, schema: { tags, summary: 'Replace the office settings', body: OfficeSettingsSchema, response: { 200: OfficeSettingsSchema, ...ERROR_RESPONSES } } },
    async (request) => {
      const saved = a.saveSettings(request.body, actorOf(request));
      // Leaving open LAN mode: unpaired screens lose their access now, not at their next reconnect.
      if (!saved.openLan) {
        for (const socket of await app.io.fetchSockets()) {
          if (socket.data.role !== 'counter' && socket.data.role !== 'tracker' && socket.data.deviceId === null) socket.disconnect(true);
        }
      }
      return saved;
    },
  );

  app.get('/admin/services', { config, schema: { tags, summary: 'All services, inactive included', response: { 200: Type.Array(ServiceAdminSchema), ...ERROR_RESPONSES } } }, async () =>
    a.services(),
  );
  app.post(
    '/admin/services',
    { config, schema: { tags, summary: 'Add a service', body: ServiceInputSchema, response: { 201: ServiceAdminSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(a.saveService(null, request.body, actorOf(request))),
  );
  app.put(
    '/admin/services/:id',
    { config, schema: { tags, summary: 'Edit a service (deactivate instead of deleting)', params: IdParamsSchema, body: ServiceInputSchema, response: { 200: ServiceAdminSchema, ...ERROR_RESPONSES } } },
    async (request) => a.saveService(request.params.id, request.body, actorOf(request)),
  );

  app.get('/admin/counters', { config, schema: { tags, summary: 'All counters with their services', response: { 200: Type.Array(CounterAdminSchema), ...ERROR_RESPONSES } } }, async () =>
    a.counters(),
  );
  app.post(
    '/admin/counters',
    { config, schema: { tags, summary: 'Add a counter', body: CounterInputSchema, response: { 201: CounterAdminSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(a.saveCounter(null, request.body, actorOf(request))),
  );
  app.put(
    '/admin/counters/:id',
    { config, schema: { tags, summary: 'Edit a counter and the services it serves', params: IdParamsSchema, body: CounterInputSchema, response: { 200: CounterAdminSchema, ...ERROR_RESPONSES } } },
    async (request) => a.saveCounter(request.params.id, request.body, actorOf(request)),
  );

  // Supervisors read the list too (to filter the audit log by person); only admins change accounts.
  app.get(
    '/admin/users',
    { config: { allow: Allow.supervisor }, schema: { tags, summary: 'Staff accounts', response: { 200: Type.Array(UserAdminSchema), ...ERROR_RESPONSES } } },
    async () => a.users(),
  );
  app.post(
    '/admin/users',
    { config, schema: { tags, summary: 'Add a staff account (must change the password at first sign-in)', body: UserCreateSchema, response: { 201: UserAdminSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(await a.createUser(request.body, actorOf(request))),
  );
  app.put(
    '/admin/users/:id',
    { config, schema: { tags, summary: 'Edit a staff account (deactivating signs it out)', params: IdParamsSchema, body: UserUpdateSchema, response: { 200: UserAdminSchema, ...ERROR_RESPONSES } } },
    async (request) => a.updateUser(request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/admin/users/:id/password',
    { config, schema: { tags, summary: 'Reset a password; the user must change it and is signed out everywhere', params: IdParamsSchema, body: PasswordResetSchema, response: { 200: UserAdminSchema, ...ERROR_RESPONSES } } },
    async (request) => a.resetPassword(request.params.id, request.body.newPassword, actorOf(request)),
  );
  app.post(
    '/admin/users/:id/unlock',
    { config, schema: { tags, summary: 'Let an account sign in again at once (clears its wrong-password waits on every address)', params: IdParamsSchema, response: { 200: UserAdminSchema, ...ERROR_RESPONSES } } },
    async (request) => a.unlockUser(request.params.id, actorOf(request)),
  );
};
export default admin;
