import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, InstantSchema, Nullable, StringEnum } from './common';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

/** An event type the admin may subscribe an endpoint to. */
export const WebhookEventTypeSchema = StringEnum<WebhookEventType>(WEBHOOK_EVENT_TYPES);

/** `POST /api/admin/webhooks` and `PUT /api/admin/webhooks/:id` body. */
export const WebhookInputSchema = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' }),
    events: Type.Array(WebhookEventTypeSchema, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
    personalData: Type.Optional(Type.Boolean()),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WebhookInput = Static<typeof WebhookInputSchema>;

/** An endpoint as the admin sees it (the secret is shown only at creation and rotation). */
export const WebhookEndpointSchema = Type.Object({
  id: IdSchema,
  url: Type.String(),
  events: Type.Array(WebhookEventTypeSchema),
  personalData: Type.Boolean(),
  enabled: Type.Boolean(),
  createdAt: InstantSchema,
  /** Deliveries waiting (pending) and given up (dead). */
  pending: Type.Integer({ minimum: 0 }),
  dead: Type.Integer({ minimum: 0 }),
});
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;

/** Reply of creation and secret rotation: the `whsec_` secret, shown once. */
export const WebhookSecretReplySchema = Type.Object({ id: IdSchema, secret: Type.String({ pattern: '^whsec_' }) });

/** Where one delivery stands. */
export const DeliveryStatus = { PENDING: 'pending', DELIVERED: 'delivered', DEAD: 'dead' } as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/** One event's delivery to one endpoint (delivery log). */
export const WebhookDeliverySchema = Type.Object({
  id: IdSchema,
  eventId: Type.String({ description: 'The webhook-id header' }),
  seq: Type.Integer(),
  type: Type.String(),
  status: StringEnum(Object.values(DeliveryStatus)),
  attempts: Type.Integer({ minimum: 0 }),
  /** HTTP status of the last attempt; null when no answer came (refused, timeout). */
  lastCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: InstantSchema,
  lastAttemptAt: Nullable(InstantSchema),
  nextAttemptAt: Nullable(InstantSchema),
  deliveredAt: Nullable(InstantSchema),
});
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = Type.Object({ deliveries: Type.Array(WebhookDeliverySchema) });

/** `…/deliveries/:deliveryId/replay` params. */
export const DeliveryParamsSchema = Type.Object({ id: IdSchema, deliveryId: IdSchema }, { additionalProperties: false });

/** Answer of a test ping: what the receiver said. */
export const PingReplySchema = Type.Object({ ok: Type.Boolean(), code: Nullable(Type.Integer()), error: Nullable(Type.String()) });

/** Scopes an API key may hold; each grants the routes that declare it. */
export const API_SCOPES = ['queue:read', 'tickets:issue', 'reports:read', 'dossiers:read', 'appointments:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** `POST /api/admin/api-keys` body. */
export const ApiKeyInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    scopes: Type.Array(StringEnum<ApiScope>(API_SCOPES), { minItems: 1, maxItems: API_SCOPES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type ApiKeyInput = Static<typeof ApiKeyInputSchema>;

/** An API key as listed (never the key itself). */
export const ApiKeySchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  scopes: Type.Array(StringEnum<ApiScope>(API_SCOPES)),
  /** The key's first characters, to tell keys apart. */
  prefix: Type.String(),
  createdAt: InstantSchema,
  lastUsedAt: Nullable(InstantSchema),
  revokedAt: Nullable(InstantSchema),
});
export type ApiKey = Static<typeof ApiKeySchema>;

/** Reply of key creation: the key, shown once. */
export const ApiKeyCreatedSchema = Type.Object({ id: IdSchema, key: Type.String() });
