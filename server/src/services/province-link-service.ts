import { Value } from '@sinclair/typebox/value';
import { EnrolledSchema, type DayServices, type HeartbeatBody, type ProvinceLink, type ProvinceLinkInput, type SyncRecord } from '@shared/schemas/province';
import { fail } from '../errors';
import type { AttemptResult, OutboxEventRow } from '../repositories/outbox-repository';
import type { StaffActor } from '../repositories/audit-repository';
import type { OutboxConsumer } from '../outbox/dispatcher';
import { provinceBase, provincePost, type ProvinceReply } from '../outbox/province-client';
import { webhookUrlAllowed } from '../outbox/url-policy';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';
import type { ReportsService } from './reports-service';

/** The outbox consumer key of the province sync. */
export const PROVINCE_CONSUMER = 'province';

const wants = (type: string) => type.startsWith('ticket.') || type === 'day.closed';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const refused = (status: number | null) => status === 401 || status === 403;
const REVOKED = 'Tỉnh đã thu hồi kết nối của văn phòng (HTTP 401): xin tỉnh cấp mã kết nối mới rồi kết nối lại.';
/** The last error as the office admin reads it (Vietnamese, with the technical cause). */
const problem = (r: ProvinceReply) =>
  refused(r.status) ? REVOKED : r.status === null ? `Không liên lạc được với hệ thống của tỉnh (${r.error ?? ''}).` : `Hệ thống của tỉnh trả lời lỗi: ${r.error ?? r.status}.`;

/**
 * The office side of the province link (issue 21): enrolment with the province hub, the outbox consumer that sends
 * each ticket event's business day figures (as the office's own queue report says them), and the heartbeat. Every
 * failure only shows in the link's state: the office keeps working on its LAN and the outbox catches up later.
 */
export function provinceLinkService(
  ctx: ServiceContext,
  deps: { queue: QueueService; reports: ReportsService; lanHosts: () => readonly string[]; timeoutMs: number; kick: () => void },
) {
  const { repos, db } = ctx;
  const link = repos.provinceLink;

  /** The day's figures per service, from the queue report (a ticket counts under the service it was issued for). */
  function dayServices(day: string): DayServices {
    const report = deps.reports.queueReport(day, day, 'service');
    const byId = new Map(repos.catalog.services().map((s) => [String(s.id), s]));
    const services = report.rows
      .filter((r) => r.tickets > 0)
      .map((r) => {
        const s = byId.get(r.key);
        return {
          serviceCode: (s?.code ?? `#${r.key}`).slice(0, 20),
          serviceName: (s?.name_vi ?? r.label).slice(0, 200),
          tickets: r.tickets,
          served: r.served,
          noShow: r.noShow,
          waitSeconds: r.wait.totalSeconds ?? 0,
          waited: r.wait.count,
          serveSeconds: r.service.totalSeconds ?? 0,
        };
      });
    return { day, services };
  }

  /** The record an event becomes, or null when a later event of the same day will carry newer figures. */
  function recordOf(e: OutboxEventRow): SyncRecord | null {
    const day = (JSON.parse(e.data) as { businessDay?: unknown }).businessDay;
    if (typeof day !== 'string' || link.laterSameDay(e.seq, day)) return null;
    return { seq: e.seq, kind: 'day_services', data: dayServices(day) };
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
      if (!code) fail('UNIT_CODE_REQUIRED');
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

    dayServices,
  };
}
export type ProvinceLinkService = ReturnType<typeof provinceLinkService>;
