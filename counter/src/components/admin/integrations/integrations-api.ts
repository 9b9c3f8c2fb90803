import type { ApiKeyInput, WebhookDelivery, WebhookEndpoint, WebhookInput } from '@shared/schemas/integrations';
import { request } from '@ui/api';

/** A secret or key the hub shows once. */
export interface Secret {
  id: number;
  secret: string;
}

/** The admin's commands for webhook endpoints and API keys (issue 20); their lists load through the admin store. */
export const integrationsApi = {
  createWebhook: (body: WebhookInput) => request<Secret>('POST', '/api/admin/webhooks', body),
  updateWebhook: (id: number, body: WebhookInput) => request<WebhookEndpoint>('PUT', `/api/admin/webhooks/${id}`, body),
  removeWebhook: (id: number) => request<null>('DELETE', `/api/admin/webhooks/${id}`),
  deliveries: (id: number) => request<{ deliveries: WebhookDelivery[] }>('GET', `/api/admin/webhooks/${id}/deliveries`),
  replay: (id: number, deliveryId: number) => request<WebhookDelivery>('POST', `/api/admin/webhooks/${id}/deliveries/${deliveryId}/replay`),
  rotate: (id: number) => request<Secret>('POST', `/api/admin/webhooks/${id}/rotate-secret`),
  ping: (id: number) => request<{ ok: boolean; code: number | null; error: string | null }>('POST', `/api/admin/webhooks/${id}/ping`),
  lanHosts: () => request<{ lanHosts: string[] }>('GET', '/api/admin/webhook-settings'),
  saveLanHosts: (lanHosts: string[]) => request<{ lanHosts: string[] }>('PUT', '/api/admin/webhook-settings', { lanHosts }),
  createApiKey: (body: ApiKeyInput) => request<{ id: number; key: string }>('POST', '/api/admin/api-keys', body),
  revokeApiKey: (id: number) => request<null>('DELETE', `/api/admin/api-keys/${id}`),
};
