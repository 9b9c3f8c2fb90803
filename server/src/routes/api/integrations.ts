import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import {
  ApiKeyCreatedSchema,
  ApiKeyInputSchema,
  ApiKeySchema,
  DeliveryParamsSchema,
  PingReplySchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookInputSchema,
  WebhookSecretReplySchema,
} from '@shared/schemas/integrations';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const admin = { allow: Allow.admin };
const tags = ['integrations'];
const LanHostsSchema = Type.Object(
  { lanHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:-]+$' }), { maxItems: 50 }) },
  { additionalProperties: false },
);

/** Admin API of webhook endpoints (deliveries, replay, rotation, ping) and API keys (issue 20). */
const integrations: FastifyPluginAsyncTypebox = async (app) => {
  const { webhooks, apiKeys } = app.hub;
  app.get(
    '/admin/webhooks',
    { config: admin, schema: { tags, summary: 'Webhook endpoints', response: { 200: Type.Array(WebhookEndpointSchema), ...ERROR_RESPONSES } } },
    async () => webhooks.list(),
  );
  app.post(
    '/admin/webhooks',
    {
      config: admin,
      schema: { tags, summary: 'Add an endpoint; the reply holds its whsec_ secret, shown this once', body: WebhookInputSchema, response: { 201: WebhookSecretReplySchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => reply.code(201).send(webhooks.create(request.body, actorOf(request))),
  );
  app.get(
    '/admin/webhooks/:id',
    { config: admin, schema: { tags, summary: 'One endpoint', params: IdParamsSchema, response: { 200: WebhookEndpointSchema, ...ERROR_RESPONSES } } },
    async (request) => webhooks.get(request.params.id),
  );
  app.put(
    '/admin/webhooks/:id',
    { config: admin, schema: { tags, summary: 'Change an endpoint (URL, events, personal data, enabled)', params: IdParamsSchema, body: WebhookInputSchema, response: { 200: WebhookEndpointSchema, ...ERROR_RESPONSES } } },
    async (request) => webhooks.update(request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/admin/webhooks/:id',
    { config: admin, schema: { tags, summary: 'Remove an endpoint and its delivery log', params: IdParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      webhooks.remove(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/admin/webhooks/:id/deliveries',
    { config: admin, schema: { tags, summary: 'Delivery log, newest first (last 200)', params: IdParamsSchema, response: { 200: WebhookDeliveryListSchema, ...ERROR_RESPONSES } } },
    async (request) => ({ deliveries: webhooks.deliveries(request.params.id) }),
  );
  app.post(
    '/admin/webhooks/:id/deliveries/:deliveryId/replay',
    { config: admin, schema: { tags, summary: 'Send a delivery again (a dead one too)', params: DeliveryParamsSchema, response: { 200: WebhookDeliverySchema, ...ERROR_RESPONSES } } },
    async (request) => webhooks.replay(request.params.id, request.params.deliveryId, actorOf(request)),
  );
  app.post(
    '/admin/webhooks/:id/rotate-secret',
    { config: admin, schema: { tags, summary: 'Replace the signing secret; the new one is shown this once', params: IdParamsSchema, response: { 200: WebhookSecretReplySchema, ...ERROR_RESPONSES } } },
    async (request) => webhooks.rotateSecret(request.params.id, actorOf(request)),
  );
  app.post(
    '/admin/webhooks/:id/ping',
    { config: admin, schema: { tags, summary: 'Send a signed webhook.ping now and show the answer', params: IdParamsSchema, response: { 200: PingReplySchema, ...ERROR_RESPONSES } } },
    async (request) => webhooks.ping(request.params.id),
  );
  app.get(
    '/admin/webhook-settings',
    { config: admin, schema: { tags, summary: 'Hosts on the office LAN that may receive webhooks over plain http://', response: { 200: LanHostsSchema, ...ERROR_RESPONSES } } },
    async () => ({ lanHosts: webhooks.lanHosts() }),
  );
  app.put(
    '/admin/webhook-settings',
    { config: admin, schema: { tags, summary: 'Set the LAN hosts that may receive webhooks over plain http://', body: LanHostsSchema, response: { 200: LanHostsSchema, ...ERROR_RESPONSES } } },
    async (request) => ({ lanHosts: webhooks.setLanHosts(request.body.lanHosts, actorOf(request)) }),
  );

  app.get(
    '/admin/api-keys',
    { config: admin, schema: { tags, summary: 'API keys (never the keys themselves)', response: { 200: Type.Array(ApiKeySchema), ...ERROR_RESPONSES } } },
    async () => apiKeys.list(),
  );
  app.post(
    '/admin/api-keys',
    { config: admin, schema: { tags, summary: 'Create a key; the reply holds the key, shown this once', body: ApiKeyInputSchema, response: { 201: ApiKeyCreatedSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(apiKeys.create(request.body, actorOf(request))),
  );
  app.delete(
    '/admin/api-keys/:id',
    { config: admin, schema: { tags, summary: 'Revoke a key (refused from the next request on)', params: IdParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      apiKeys.revoke(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default integrations;
