import { Webhook } from 'standardwebhooks';
import { PERSONAL_FIELDS, type WebhookEventType } from '@shared/schemas/webhook-events';
import type { AttemptResult, OutboxEventRow } from '../repositories/outbox-repository';
import type { WebhookRow } from '../repositories/webhooks-repository';
import type { OutboxConsumer } from './dispatcher';
import { webhookUrlAllowed } from './url-policy';

/** The consumer key of a webhook endpoint. */
export const webhookConsumer = (id: number) => `webhook:${id}`;

/** An event's data as one endpoint may receive it: personal fields only where the admin allowed them. */
export function dataFor(type: string, data: Record<string, unknown>, personal: boolean): Record<string, unknown> {
  const fields = PERSONAL_FIELDS[type as WebhookEventType];
  if (personal || !fields) return data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !fields.includes(k)));
}

const MAX_ERROR = 300;

/**
 * One signed POST (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature with HMAC-SHA256 over
 * `id.timestamp.body`). Redirects are not followed (a 3xx is a failed attempt); the answer's body is not read.
 */
export async function postSigned(
  endpoint: Pick<WebhookRow, 'url' | 'secret' | 'previous_secret' | 'previous_until'>,
  msgId: string,
  body: string,
  timeoutMs: number,
  lanHosts: readonly string[],
): Promise<AttemptResult> {
  if (!webhookUrlAllowed(endpoint.url, lanHosts)) return { ok: false, code: null, error: 'URL not allowed (https, loopback or a listed LAN host)' };
  const now = new Date();
  const secrets = [endpoint.secret];
  if (endpoint.previous_secret && (endpoint.previous_until ?? 0) > now.getTime()) secrets.push(endpoint.previous_secret);
  // Space-separated signatures: a receiver still on the old secret verifies during the rotation's grace day.
  const signature = secrets.map((s) => new Webhook(s).sign(msgId, now, body)).join(' ');
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'motcua-webhooks/1',
        'webhook-id': msgId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    const ok = res.status >= 200 && res.status < 300;
    return { ok, code: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { ok: false, code: null, error: cause.slice(0, MAX_ERROR) };
  }
}

/** The request body of an outbox event for one endpoint. */
export function webhookBody(e: OutboxEventRow, personal: boolean): string {
  const data = dataFor(e.type, JSON.parse(e.data) as Record<string, unknown>, personal);
  return JSON.stringify({ type: e.type, timestamp: new Date(e.at).toISOString(), seq: e.seq, data });
}

/** A webhook endpoint as an outbox consumer. */
export function webhookEndpointConsumer(row: WebhookRow, timeoutMs: number, lanHosts: () => readonly string[]): OutboxConsumer {
  const events = new Set(JSON.parse(row.events) as string[]);
  const personal = row.personal_data === 1;
  return {
    key: webhookConsumer(row.id),
    wants: (type) => events.has(type),
    send: (e) => postSigned(row, e.id, webhookBody(e, personal), timeoutMs, lanHosts()),
  };
}
