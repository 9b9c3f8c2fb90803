import { randomBytes } from 'node:crypto';
import { PING_EVENT } from '@shared/schemas/webhook-events';
import type { WebhookDelivery, WebhookEndpoint, WebhookInput } from '@shared/schemas/integrations';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { DeliveryRow } from '../repositories/outbox-repository';
import type { WebhookRow } from '../repositories/webhooks-repository';
import { DEFAULT_TIMING, type DeliveryTiming } from '../outbox/dispatcher';
import { webhookUrlAllowed } from '../outbox/url-policy';
import { postSigned, webhookConsumer } from '../outbox/webhook-sender';
import type { ServiceContext } from './context';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** A fresh Standard Webhooks secret: `whsec_` + 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
const LAN_HOSTS_KEY = 'webhookLanHosts';
const DELIVERY_LOG_LIMIT = 200;
/** After a rotation the old secret signs as well for this long (Standard Webhooks: several signatures per request). */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

function toDelivery(r: DeliveryRow & { type: string; event_id: string }): WebhookDelivery {
  return {
    id: r.id,
    eventId: r.event_id,
    seq: r.event_seq,
    type: r.type,
    status: r.status,
    attempts: r.attempts,
    lastCode: r.last_code,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    lastAttemptAt: iso(r.last_attempt_at),
    nextAttemptAt: r.status === 'pending' ? iso(r.next_at) : null,
    deliveredAt: iso(r.delivered_at),
  };
}

/**
 * The admin's webhook endpoints. `kick` asks the dispatcher to look now (after a replay or a change). Delivery
 * bookkeeping times are real time (see dispatcher.ts); audit entries use the hub's clock.
 */
export function webhookService(ctx: ServiceContext, kick: () => void = () => {}, timing: DeliveryTiming = DEFAULT_TIMING) {
  const { repos, db } = ctx;

  const lanHosts = (): string[] => repos.settings.read<string[]>(LAN_HOSTS_KEY) ?? [];

  function toEndpoint(r: WebhookRow): WebhookEndpoint {
    const counts = repos.outbox.counts(webhookConsumer(r.id));
    return {
      id: r.id,
      url: r.url,
      events: JSON.parse(r.events) as WebhookEndpoint['events'],
      personalData: r.personal_data === 1,
      enabled: r.enabled === 1,
      createdAt: new Date(r.created_at).toISOString(),
      pending: counts.pending,
      dead: counts.dead,
    };
  }

  const row = (id: number) => repos.webhooks.byId(id) ?? fail('WEBHOOK_NOT_FOUND');
  const checkUrl = (url: string) => webhookUrlAllowed(url, lanHosts()) || fail('WEBHOOK_URL_NOT_ALLOWED');
  const audit = (actor: StaffActor, action: string, id: number, details?: unknown) =>
    repos.audit.write(ctx.now(), actor, { action, targetType: 'webhook', targetId: id, ...(details === undefined ? {} : { details }) });

  return {
    lanHosts,
    list: (): WebhookEndpoint[] => repos.webhooks.all().map(toEndpoint),
    get: (id: number): WebhookEndpoint => toEndpoint(row(id)),
    /** A new endpoint receives the events committed from now on. */
    create(input: WebhookInput, actor: StaffActor): { id: number; secret: string } {
      checkUrl(input.url);
      const secret = newSecret();
      const at = ctx.now();
      const id = db.transaction(() => {
        const id = repos.webhooks.insert({
          url: input.url,
          events: JSON.stringify(input.events),
          personal_data: input.personalData ? 1 : 0,
          enabled: input.enabled === false ? 0 : 1,
          secret,
          created_at: at,
          updated_at: at,
        });
        repos.outbox.setCursor(webhookConsumer(id), repos.outbox.maxSeq());
        audit(actor, 'webhook.create', id, { url: input.url, events: input.events, personalData: input.personalData ?? false });
        return id;
      })();
      return { id, secret };
    },
    update(id: number, input: WebhookInput, actor: StaffActor): WebhookEndpoint {
      const current = row(id);
      checkUrl(input.url);
      db.transaction(() => {
        repos.webhooks.update({
          id,
          url: input.url,
          events: JSON.stringify(input.events),
          personal_data: (input.personalData ?? current.personal_data === 1) ? 1 : 0,
          enabled: (input.enabled ?? current.enabled === 1) ? 1 : 0,
          updated_at: ctx.now(),
        });
        audit(actor, 'webhook.update', id, { url: input.url, events: input.events, personalData: input.personalData });
      })();
      kick();
      return toEndpoint(row(id));
    },
    remove(id: number, actor: StaffActor): void {
      row(id);
      db.transaction(() => {
        repos.webhooks.remove(id);
        repos.outbox.drop(webhookConsumer(id));
        audit(actor, 'webhook.delete', id);
      })();
    },
    rotateSecret(id: number, actor: StaffActor): { id: number; secret: string } {
      row(id);
      const secret = newSecret();
      db.transaction(() => {
        repos.webhooks.setSecret(id, secret, ctx.now(), Date.now() + ROTATION_GRACE_MS);
        audit(actor, 'webhook.rotate_secret', id);
      })();
      return { id, secret };
    },
    deliveries: (id: number): WebhookDelivery[] => (row(id), repos.outbox.deliveries(webhookConsumer(id), DELIVERY_LOG_LIMIT).map(toDelivery)),
    /** Sends a delivery again: pending at once, ahead of newer ones. */
    replay(id: number, deliveryId: number, actor: StaffActor): WebhookDelivery {
      row(id);
      const consumer = webhookConsumer(id);
      db.transaction(() => {
        if (!repos.outbox.replay(consumer, deliveryId, Date.now())) fail('DELIVERY_NOT_FOUND');
        audit(actor, 'webhook.replay', id, { deliveryId });
      })();
      kick();
      const d = repos.outbox.deliveries(consumer, DELIVERY_LOG_LIMIT).find((x) => x.id === deliveryId);
      return toDelivery(d ?? fail('DELIVERY_NOT_FOUND'));
    },
    /** A signed `webhook.ping` sent now, outside the outbox; answers what the receiver said. */
    async ping(id: number) {
      const r = row(id);
      const msgId = `ping_${randomBytes(12).toString('hex')}`;
      const body = JSON.stringify({ type: PING_EVENT, timestamp: new Date(ctx.now()).toISOString(), seq: 0, data: { endpointId: id } });
      return postSigned(r, msgId, body, timing.timeoutMs, lanHosts());
    },
    setLanHosts(hosts: string[], actor: StaffActor): string[] {
      const clean = [...new Set(hosts.map((h) => h.trim().toLowerCase()).filter(Boolean))];
      db.transaction(() => {
        repos.settings.write(LAN_HOSTS_KEY, clean);
        repos.audit.write(ctx.now(), actor, { action: 'webhook.lan_hosts', details: { hosts: clean } });
      })();
      kick();
      return clean;
    },
  };
}
export type WebhookService = ReturnType<typeof webhookService>;
