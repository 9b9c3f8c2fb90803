import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { PERSONAL_FIELDS, WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, webhookEnvelopeSchema } from '@shared/schemas/webhook-events';

/** The type @fastify/swagger gives the section. */
type WebhooksSection = NonNullable<Extract<NonNullable<FastifyDynamicSwaggerOptions['openapi']>, { webhooks?: unknown }>['webhooks']>;

const HEADERS = {
  'webhook-id': { description: 'Unique per event: the same on every retry (deduplicate on it)', schema: { type: 'string' } },
  'webhook-timestamp': { description: 'Unix seconds of this attempt', schema: { type: 'string' } },
  'webhook-signature': { description: 'v1,<base64 HMAC-SHA256 of "id.timestamp.body" keyed with the whsec_ secret>', schema: { type: 'string' } },
};

/** The OpenAPI 3.1 `webhooks` section: one POST per event of the catalog, its body schema, and the signing headers. */
export function webhooksDocument(): WebhooksSection {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => {
      const personal = PERSONAL_FIELDS[type];
      return [
        type,
        {
          post: {
            summary: type,
            description: `Sent in order per endpoint, at least once, signed per Standard Webhooks.${personal ? ` Personal fields (${personal.join(', ')}) only to endpoints allowed personal data.` : ''}`,
            parameters: Object.entries(HEADERS).map(([name, h]) => ({ in: 'header', name, required: true, ...h })),
            requestBody: { required: true, content: { 'application/json': { schema: webhookEnvelopeSchema(type, WEBHOOK_EVENTS[type]) } } },
            responses: { '2XX': { description: 'Received; any other answer (or none within the timeout) is retried with back-off for 24 h' } },
          },
        },
      ];
    }),
  ) as WebhooksSection;
}
