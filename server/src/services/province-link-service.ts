import { Value } from '@sinclair/typebox/value';
import { businessDay } from '@shared/office-time';
import { addDays } from '@shared/schemas/report';
import { zonedInstant } from '@shared/working-days';
import { EnrolledSchema, OfficeCodeSchema, type HeartbeatBody, type ProvinceLink, type ProvinceLinkInput, type SyncRecord } from '@shared/schemas/province';
import { fail } from '../errors';
import type { AttemptResult, OutboxEventRow } from '../repositories/outbox-repository';
import type { StaffActor } from '../repositories/audit-repository';
import type { OutboxConsumer } from '../outbox/dispatcher';
import { provinceBase, provincePost, type ProvinceReply } from '../outbox/province-client';
import { webhookUrlAllowed } from '../outbox/url-policy';
import type { ServiceContext } from './context';
import { provinceDayFacts } from './province-day-facts';
import type { QueueService } from './queue-service';
import type { ReportsService } from './reports-service';

/** The outbox consumer key of the province sync. */
export const PROVINCE_CONSUMER = 'province';

/** Events that change a day's facts: tickets, the day's close, dossiers, ratings (as PROVINCE_EVENTS_SQL). */
const wants = (type: string) => type.startsWith('ticket.') || type.startsWith('dossier.') || type === 'day.closed' || type === 'rating.submitted';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const refused = (status: number | null) => status === 401 || status === 403;
const REVOKED = 'Tỉnh đã thu hồi kết nối của văn phòng (HTTP 401): xin tỉnh cấp mã kết nối mới rồi kết nối lại.';
/** The last error as the office admin reads it (Vietnamese, with the technical cause). */
const problem = (r: ProvinceReply) =>
  refused(r.status) ? REVOKED : r.status === null ? `Không liên lạc được với hệ thống của tỉnh (${r.error ?? ''}).` : `Hệ thống của tỉnh trả lời lỗi: ${r.error ?? r.status}.`;

/**
 * The office side of the province link (issue 21): enrolment with the province hub, the outbox consumer that sends,
 * for each ticket, dossier or rating event, its business day's facts (as the office's own reports say them), and the
 * heartbeat. Every failure only shows in the link's state: the office keeps working on its LAN and the outbox
 * catches up later.
 */
export function provinceLinkService(
  ctx: ServiceContext,
  deps: { queue: QueueService; reports: ReportsService; lanHosts: () => readonly string[]; timeoutMs: number; kick: () => void },
) {
  const { repos, db } = ctx;
  const link = repos.provinceLink;

  const facts = provinceDayFacts(ctx, deps.reports);

  /** The record an event becomes, or null when a later event of the same day will carry newer facts. */
  function recordOf(e: OutboxEventRow): SyncRecord | null {
    const tz = deps.queue.settings().timezone;
    const stated = (JSON.parse(e.data) as { businessDay?: unknown }).businessDay;
    // Dossier events carry no business day: theirs is the office's local day of the event.
    const day = typeof stated === 'string' ? stated : businessDay(new Date(e.at), tz);
    const bounds = { from: zonedInstant(day, 0, tz), to: zonedInstant(addDays(day, 1), 0, tz) };
    if (link.laterSameDay(e.seq, day, bounds)) return null;
    return { seq: e.seq, kind: 'day_facts', data: facts.dayFacts(day) };
  }

  async function send(e: OutboxEventRow): Promise<AttemptResult> {
    const l = link.get();
    if (!l) return { ok: true, code: null, error: null };
    const record = recordOf(e);
    if (!record) return { ok: true, code: null, error: null };
    const r = await provincePost(l.url, '/api/province/sync', { records: [record] }, { credential: l.credential, timeoutMs: deps.timeoutMs });
    const ok = r.status !== null && r.status >= 200 && r.status < 300;
    // The link may have been removed or replaced while the request was out.
    if (link.get()?.credential === l.credential) {
      if (ok) link.synced(Date.now());
      else link.failed(problem(r), Date.now());
    }
    return { ok, code: r.status, error: r.error };
  }

  function status(): ProvinceLink {
    const l = link.get();
    if (!l) return { url: null, code: null, state: 'off', lastSyncAt: null, lastHeartbeatAt: null, pendingEvents: 0, lastError: null };
    const pendingEvents = repos.outbox.counts(PROVINCE_CONSUMER).pending + link.eventsAfter(repos.outbox.cursor(PROVINCE_CONSUMER) ?? 0);
    const state = l.last_error !== null ? 'error' : pendingEvents > 0 || (l.last_sync_at === null && l.last_heartbeat_at === null) ? 'pending' : 'connected';
    return { url: l.url, code: l.code, state, lastSyncAt: iso(l.last_sync_at), lastHeartbeatAt: iso(l.last_heartbeat_at), pendingEvents, lastError: l.last_error };
  }

  return {
    status,

    /** Exchanges the province's one-time token for the office's credential and starts sending (retained days first). */
    async connect(input: ProvinceLinkInput, actor: StaffActor): Promise<ProvinceLink> {
      const base = provinceBase(input.url);
      if (!base || !webhookUrlAllowed(base, deps.lanHosts())) fail('PROVINCE_URL_INVALID');
      const code = input.code ?? deps.queue.settings().unitCode;
      // The province knows offices by a code of its own shape: a shorter one in the settings would be refused as a wrong token.
      if (!code || !Value.Check(OfficeCodeSchema, code)) fail('UNIT_CODE_REQUIRED');
      const r = await provincePost(base, '/api/province/enroll', { code, enrollToken: input.enrollToken }, { timeoutMs: deps.timeoutMs });
      if (r.status === null || r.status >= 500) fail('PROVINCE_UNREACHABLE', r.error);
      if (r.status === 401 || r.status === 400) fail('PROVINCE_TOKEN_REFUSED');
      if (r.status < 200 || r.status >= 300 || !Value.Check(EnrolledSchema, r.body)) fail('PROVINCE_URL_INVALID', r.error ?? 'not a province hub');
      const enrolled = r.body;
      db.transaction(() => {
        link.save({ url: base, code, office: enrolled.officeId, credential: enrolled.credential, at: Date.now() });
        // From the start of the retained stream: each past day goes up once (its last event carries its figures).
        repos.outbox.drop(PROVINCE_CONSUMER);
        repos.outbox.setCursor(PROVINCE_CONSUMER, 0);
        repos.audit.write(ctx.now(), actor, { action: 'admin.province_connect', details: { url: base, code, officeId: enrolled.officeId } });
      })();
      deps.kick();
      return status();
    },

    /** Forgets the province (its credential and what was still owed to it). */
    disconnect(actor: StaffActor): void {
      db.transaction(() => {
        const l = link.get();
        link.remove();
        repos.outbox.drop(PROVINCE_CONSUMER);
        if (l) repos.audit.write(ctx.now(), actor, { action: 'admin.province_disconnect', details: { url: l.url, code: l.code } });
        // A catalog edition scheduled from that province is no longer applied on its date (its screen is gone too).
        if (repos.catalogEditions.clearSchedules() > 0) repos.audit.write(ctx.now(), actor, { action: 'catalog.edition_unschedule', targetType: 'catalog_edition', details: { reason: 'province_disconnect' } });
      })();
    },

    /** The outbox consumer while connected: never gives up (a WAN down for days loses nothing). */
    consumer(): OutboxConsumer | null {
      return link.get() ? { key: PROVINCE_CONSUMER, wants, send, persistent: true } : null;
    },

    /** One heartbeat; its outcome only changes the link's state. */
    async heartbeat(figures: Omit<HeartbeatBody, 'sentAt'>): Promise<void> {
      const l = link.get();
      if (!l) return;
      const r = await provincePost(l.url, '/api/province/heartbeat', { sentAt: new Date().toISOString(), ...figures }, { credential: l.credential, timeoutMs: deps.timeoutMs });
      if (link.get()?.credential !== l.credential) return;
      if (r.status !== null && r.status >= 200 && r.status < 300) link.heartbeat(Date.now());
      else link.failed(problem(r), Date.now());
    },

    /** The facts of one business day as this office sends them. */
    dayFacts: facts.dayFacts,
  };
}
export type ProvinceLinkService = ReturnType<typeof provinceLinkService>;
