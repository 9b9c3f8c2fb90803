import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { GatewayAnswerSchema, NotificationLogSchema, NotificationSettingsSchema, TestSendBodySchema, TicketPhoneBodySchema } from '@shared/schemas/notifications';
import { TrackParamsSchema } from '@shared/schemas/track';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const admin = { allow: Allow.admin };
const tags = ['notifications'];

/** Messages to citizens (SMS, Zalo ZNS): the admin's gateways and templates, a test send, the log; a ticket's phone. */
const notifications: FastifyPluginAsyncTypebox = async (app) => {
  const { notifications: service } = app.hub;
  app.get(
    '/admin/notifications',
    { config: admin, schema: { tags, summary: 'Gateways (SMS, ZNS), message templates, "N people ahead" threshold', response: { 200: NotificationSettingsSchema, ...ERROR_RESPONSES } } },
    async () => service.settings(),
  );
  app.put(
    '/admin/notifications',
    { config: admin, schema: { tags, summary: 'Save the gateways and templates', body: NotificationSettingsSchema, response: { 200: NotificationSettingsSchema, ...ERROR_RESPONSES } } },
    async (request) => service.saveSettings(request.body, actorOf(request)),
  );
  app.post(
    '/admin/notifications/test',
    { config: admin, schema: { tags, summary: 'Send a sample message now; the reply shows the gateway\'s answer', body: TestSendBodySchema, response: { 200: GatewayAnswerSchema, ...ERROR_RESPONSES } } },
    async (request) => service.testSend(request.body.channel, request.body.phone, request.body.kind),
  );
  app.get(
    '/admin/notifications/log',
    { config: admin, schema: { tags, summary: 'The latest messages (phones masked), failures included', response: { 200: Type.Array(NotificationLogSchema), ...ERROR_RESPONSES } } },
    async () => service.log(),
  );
  app.get(
    '/notifications/available',
    { config: { allow: Allow.everyone }, schema: { tags, summary: 'Whether the office sends messages (the phone page offers its opt-in then)', response: { 200: Type.Object({ available: Type.Boolean() }), ...ERROR_RESPONSES } } },
    async () => ({ available: service.available() }),
  );
  app.put(
    '/track/:trackingId/phone',
    {
      config: { allow: Allow.everyone, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The ticket holder asks for messages about their turn (N people ahead, called) at this mobile number (phone page, kiosk)',
        params: TrackParamsSchema,
        body: TicketPhoneBodySchema,
        response: { 204: NoContentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      // From a kiosk the audit names the device (its ticket screen offers the same opt-in).
      service.setTicketPhone(request.params.trackingId, request.body.phone, { userId: null, deviceId: request.principal.device?.id ?? null, ip: request.ip });
      return reply.code(204).send(null);
    },
  );
};
export default notifications;
