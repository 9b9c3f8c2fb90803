import {
  DEFAULT_NOTIFICATIONS,
  type Channel,
  type GatewayAnswer,
  type MessageKind,
  type NotificationLog,
  type NotificationSettings,
} from '@shared/schemas/notifications';
import { formatDate, formatTime } from '@shared/office-time';
import { normalizeVnMobile } from '@shared/phone-number';
import { stripDiacritics } from '@shared/text-fold';
import { fail } from '../errors';
import { sendThrough, type OutgoingMessage } from '../notify/gateway';
import type { OutboxConsumer } from '../outbox/dispatcher';
import { webhookUrlAllowed } from '../outbox/url-policy';
import type { AuditActor, StaffActor } from '../repositories/audit-repository';
import type { AttemptResult, OutboxEventRow } from '../repositories/outbox-repository';
import { REMINDER_EVENT } from './appointment-reminders';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';

const KEY = 'notifications';
/** The outbox consumer key of citizens' messages. */
export const NOTIFY_CONSUMER = 'notify';
const EVENTS = new Set(['ticket.called', 'dossier.status_changed', 'appointment.booked', REMINDER_EVENT]);
/** "Còn N người" goes once per ticket, whatever event brought it: stored under this event number. */
const ONCE_PER_TICKET = 0;

/** A message the outbox owes a citizen. */
interface Owed {
  kind: MessageKind;
  target: string;
  eventSeq: number;
  phone: string;
  values: Record<string, string | number>;
}

/** `{name}` placeholders of a message template. */
export const renderText = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));

const maskPhone = (phone: string) => `${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;

/**
 * Messages to citizens through the office's SMS or Zalo ZNS gateway, carried by the outbox (consumer `notify`): a
 * message is recorded once sent and never sent again for its event; a failed one is retried with the event, and a
 * restart resumes it. The provider gets a stable `{{messageId}}` so a retry after a lost answer is not a second SMS.
 */
export function notificationService(ctx: ServiceContext, queue: QueueService, lanHosts: () => readonly string[], timeoutMs: number) {
  const { repos, db } = ctx;

  function settings(): NotificationSettings {
    const saved = repos.settings.read<Partial<NotificationSettings>>(KEY);
    return { ...DEFAULT_NOTIFICATIONS, ...saved, templates: { ...DEFAULT_NOTIFICATIONS.templates, ...saved?.templates } };
  }

  function saveSettings(next: NotificationSettings, actor: StaffActor): NotificationSettings {
    for (const g of [next.sms, next.zns]) if (g.url && !webhookUrlAllowed(g.url, lanHosts())) fail('WEBHOOK_URL_NOT_ALLOWED');
    db.transaction(() => {
      repos.settings.write(KEY, next);
      repos.audit.write(ctx.now(), actor, { action: 'admin.notifications', details: { sms: next.sms.enabled, zns: next.zns.enabled } });
    })();
    return settings();
  }

  /** The channel a message goes through: Zalo ZNS when on (it carries diacritics, and costs less), else SMS. */
  function channel(s: NotificationSettings): Channel | null {
    if (s.zns.enabled && s.zns.url) return 'zns';
    if (s.sms.enabled && s.sms.url) return 'sms';
    return null;
  }

  function textOf(s: NotificationSettings, via: Channel, kind: MessageKind, values: Record<string, string | number>): string {
    const text = renderText(s.templates[kind], { office: repos.settings.office().name, ...values });
    return via === 'sms' && s.smsNoDiacritics ? stripDiacritics(text) : text;
  }

  function send(s: NotificationSettings, via: Channel, m: OutgoingMessage): Promise<GatewayAnswer> {
    return sendThrough(s[via], m, timeoutMs, lanHosts());
  }

  /**
   * The booking's confirmation or its day-before reminder, read from the booking as it is when sent: none once it
   * was cancelled (or its personal data erased), and a reminder only while it is still booked.
   */
  function owedForBooking(e: OutboxEventRow, appointmentId: number): Owed[] {
    const a = repos.appointments.byId(appointmentId);
    const kind: MessageKind = e.type === REMINDER_EVENT ? 'reminder' : 'bookingConfirmed';
    if (!a || !a.phone || a.status === 'cancelled' || (kind === 'reminder' && a.status !== 'booked')) return [];
    const tz = repos.settings.office().timezone;
    const start = new Date(a.slot_start);
    const service = repos.catalog.serviceById(a.service_id)?.name_vi ?? '';
    return [{ kind, target: `appointment:${a.id}`, eventSeq: e.seq, phone: a.phone, values: { code: a.code, service, date: formatDate(start, tz), time: formatTime(start, tz) } }];
  }

  /** What one outbox event owes citizens. */
  function owed(e: OutboxEventRow, s: NotificationSettings): Owed[] {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    if (e.type === 'appointment.booked' || e.type === REMINDER_EVENT) return owedForBooking(e, Number(data.appointmentId));
    if (e.type === 'dossier.status_changed') {
      const phone = data.applicantPhone;
      if (data.status !== 'result_ready' || typeof phone !== 'string' || !phone) return [];
      return [{ kind: 'resultReady', target: `dossier:${String(data.dossierId)}`, eventSeq: e.seq, phone: phone.replace(/[^\d+]/g, ''), values: { code: String(data.code) } }];
    }
    const out: Owed[] = [];
    const ticketId = Number(data.ticketId);
    const phone = repos.notifications.contact(ticketId);
    if (phone) out.push({ kind: 'called', target: `ticket:${ticketId}`, eventSeq: e.seq, phone, values: { number: String(data.number), counter: String(data.counterNumber ?? '') } });
    // A call moves the queue: tell those now within N of their turn (once per ticket).
    const day = queue.readToday((queueDay) => queueDay);
    for (const t of repos.notifications.waitingWithContact(day)) {
      const n = queue.peopleAhead(t);
      if (n <= s.peopleAhead) out.push({ kind: 'peopleAhead', target: `ticket:${t.id}`, eventSeq: ONCE_PER_TICKET, phone: t.phone, values: { number: t.number, n } });
    }
    return out;
  }

  /** The outbox consumer: every owed message of the event sent (or already sent), else a failed attempt. */
  function consumer(): OutboxConsumer {
    // Always a consumer, so its place in the stream advances while no gateway is on: switching one on later sends
    // nothing stale. Events are wanted only while a gateway is on.
    return {
      key: NOTIFY_CONSUMER,
      wants: (type) => EVENTS.has(type) && channel(settings()) !== null,
      async send(e: OutboxEventRow): Promise<AttemptResult> {
        const s = settings();
        const via = channel(s);
        if (!via) return { ok: true, code: null, error: null };
        let failed: AttemptResult | null = null;
        for (const m of owed(e, s)) {
          if (repos.notifications.wasSent(m.kind, m.target, m.eventSeq)) continue;
          const text = textOf(s, via, m.kind, m.values);
          const answer = await send(s, via, { phone: m.phone, text, kind: m.kind, messageId: `${e.id}:${m.kind}:${m.target}` });
          repos.notifications.record({ event_seq: m.eventSeq, channel: via, kind: m.kind, target: m.target, phone: m.phone, status: answer.ok ? 'sent' : 'failed', code: answer.code, error: answer.error, at: ctx.now() });
          if (!answer.ok) failed = { ok: false, code: answer.code, error: answer.error };
        }
        return failed ?? { ok: true, code: 200, error: null };
      },
    };
  }

  return {
    settings,
    saveSettings,
    consumer,
    /** Whether a gateway is on. */
    available: () => channel(settings()) !== null,
    /**
     * The citizen gives a mobile number for their waiting ticket (tracking page or kiosk), kept in its national form;
     * the request itself is the consent.
     */
    setTicketPhone(trackingId: string, phone: string, actor: AuditActor): void {
      const t = repos.tickets.byTrackingId(trackingId) ?? fail('TICKET_NOT_FOUND');
      if (t.status !== 'waiting') fail('INVALID_TRANSITION');
      const national = normalizeVnMobile(phone) ?? fail('VALIDATION_FAILED');
      db.transaction(() => {
        repos.notifications.setContact(t.id, national, ctx.now());
        repos.audit.write(ctx.now(), actor, { action: 'ticket.phone_consent', targetType: 'ticket', targetId: t.id });
      })();
    },
    /** A sample message now, through one channel, to a phone the admin types; answers what the gateway said. */
    testSend(via: Channel, phone: string, kind: MessageKind): Promise<GatewayAnswer> {
      const s = settings();
      const text = textOf(s, via, kind, { number: 'A012', counter: 3, n: s.peopleAhead, code: 'H12.34-261123-0001', service: 'Hộ tịch', date: '24/11/2026', time: '09:30' });
      return send(s, via, { phone, text, kind, messageId: `test_${ctx.now()}` });
    },
    /** The latest messages, phones masked: what failed is visible to the admin. */
    log(limit = 100): NotificationLog[] {
      return repos.notifications.recent(limit).map((r) => ({
        id: r.id,
        channel: r.channel,
        kind: r.kind as MessageKind,
        phone: maskPhone(r.phone),
        status: r.status,
        code: r.code,
        error: r.error,
        at: new Date(r.at).toISOString(),
      }));
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
