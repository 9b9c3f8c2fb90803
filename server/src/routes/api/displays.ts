import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { DisplayConfigSchema, DisplayInputSchema } from '@shared/schemas/display';
import { actorOf } from '../../plugins/auth';
import { displayService } from '../../services/display-service';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

/** Wall display configurations: the TV reads its own by id; admins list, add, edit and delete them. */
const displays: FastifyPluginAsyncTypebox = async (app) => {
  const service = displayService(app.hub.ctx);
  const admin = { allow: Allow.admin };
  const tags = ['displays'];

  app.get(
    '/displays/:id',
    {
      // The TV itself, and staff (preview from the admin area).
      config: { allow: ['display', 'staff'] },
      schema: { tags, summary: 'A display configuration (the TV at /display/?id=<id>)', params: IdParamsSchema, response: { 200: DisplayConfigSchema, ...ERROR_RESPONSES } },
    },
    async (request) => service.get(request.params.id),
  );
  app.get('/admin/displays', { config: admin, schema: { tags, summary: 'All display configurations', response: { 200: Type.Array(DisplayConfigSchema), ...ERROR_RESPONSES } } }, async () =>
    service.list(),
  );
  app.post(
    '/admin/displays',
    { config: admin, schema: { tags, summary: 'Add a display configuration', body: DisplayInputSchema, response: { 201: DisplayConfigSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(service.save(null, request.body, actorOf(request))),
  );
  app.put(
    '/admin/displays/:id',
    { config: admin, schema: { tags, summary: 'Edit a display configuration (pushed to that display at once)', params: IdParamsSchema, body: DisplayInputSchema, response: { 200: DisplayConfigSchema, ...ERROR_RESPONSES } } },
    async (request) => service.save(request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/admin/displays/:id',
    { config: admin, schema: { tags, summary: 'Delete a display configuration', params: IdParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      service.remove(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default displays;
