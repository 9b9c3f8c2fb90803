import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import {
  AppointmentAdminSchema,
  AppointmentBlockBodySchema,
  AppointmentBlockListSchema,
  AppointmentBlockSchema,
  AppointmentRuleSchema,
  AppointmentSettingsSchema,
} from '@shared/schemas/appointment';
import { IdParamsSchema } from '@shared/schemas/common';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const TAGS = ['appointments'];

/** Booking rules per service and office settings (admin); blocks of days and slots (staff). Every change is audited. */
const appointmentsAdmin: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/appointments',
    { config: { allow: Allow.admin }, schema: { tags: TAGS, summary: 'Booking rules of every service and the office booking settings', response: { 200: AppointmentAdminSchema, ...ERROR_RESPONSES } } },
    async () => app.hub.appointmentAdmin.all(),
  );
  app.put(
    '/admin/appointments/services/:id',
    {
      config: { allow: Allow.admin },
      schema: { tags: TAGS, summary: "Set a service's booking rules", params: IdParamsSchema, body: AppointmentRuleSchema, response: { 200: AppointmentRuleSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.appointmentAdmin.putRule(request.params.id, request.body, actorOf(request)),
  );
  app.put(
    '/admin/appointments/settings',
    {
      config: { allow: Allow.admin },
      schema: { tags: TAGS, summary: 'Set the office booking settings (ID number required, limit after misses)', body: AppointmentSettingsSchema, response: { 200: AppointmentSettingsSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.appointmentAdmin.putSettings(request.body, actorOf(request)),
  );
  app.get(
    '/appointments/blocks',
    { config: { allow: Allow.staff }, schema: { tags: TAGS, summary: 'Blocked days and slots from today on', response: { 200: AppointmentBlockListSchema, ...ERROR_RESPONSES } } },
    async () => app.hub.appointmentAdmin.blocks(),
  );
  app.post(
    '/appointments/blocks',
    {
      config: { allow: Allow.staff },
      schema: { tags: TAGS, summary: 'Block a day or one slot (e.g. a training) for one service or all', body: AppointmentBlockBodySchema, response: { 201: AppointmentBlockSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => reply.code(201).send(app.hub.appointmentAdmin.block(request.body, actorOf(request))),
  );
  app.delete(
    '/appointments/blocks/:id',
    { config: { allow: Allow.staff }, schema: { tags: TAGS, summary: 'Remove a block', params: IdParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.appointmentAdmin.unblock(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default appointmentsAdmin;
