import { PERSONAL_FIELDS } from '@shared/schemas/webhook-events';
import { isDossierCode, normalizeDossierCode } from '@shared/dossier-code';
import { isBookingCode, normalizeBookingCode } from '@shared/booking-code';
import { businessDay, localParts } from '@shared/office-time';
import type { Applicant } from '@shared/schemas/dossier';
import type { DataAccessEntry, DataAccessQuery, PrivacyNotice, PrivacySettings, RetentionRun } from '@shared/schemas/privacy';
import { foldVietnamese } from '@shared/text-fold';
import type { AuditActor, StaffActor } from '../repositories/audit-repository';
import type { PersonalReadRow } from '../repositories/privacy-repository';
import type { ServiceContext } from './context';

const DAY_MS = 24 * 3600_000;
/** Days the outbox keeps the personal fields of an event (for replays); stripped by the nightly retention run. */
export const OUTBOX_PERSONAL_DAYS = 30;

/** Local hour (office time zone) from which the nightly retention job runs, once per day. */
export const RETENTION_HOUR = 2;

/** A new office's privacy settings: periods to be reviewed by the office (see README), and the notice. */
export const DEFAULT_PRIVACY: PrivacySettings = {
  retention: { ticketPriorityGroupDays: 90, dossierApplicantDays: 1825, ratingCommentDays: 365, auditDays: 1095, appointmentDays: 90 },
  notice: {
    vi:
      'Thông tin cá nhân Quý khách cung cấp chỉ được dùng để giải quyết thủ tục hành chính và trả kết quả, theo Luật Bảo vệ dữ liệu cá nhân. ' +
      'Cơ quan lưu giữ trong thời hạn pháp luật quy định; mọi lần cán bộ xem đều được ghi lại. Quý khách có quyền xem, ' +
      'yêu cầu sửa hoặc xóa dữ liệu của mình tại Bộ phận Một cửa.',
    en:
      'The personal data you give is used only to process your administrative procedure and return its result, under the Personal Data ' +
      'Protection Law. The office keeps it for the period the law requires; every staff access is logged. You may see, correct or ask ' +
      'to delete your data at the one-stop desk.',
  },
};

/** An access-log row as the API shows it. */
export function toAccessEntry(r: PersonalReadRow): DataAccessEntry {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    deviceName: r.device_name,
    ip: r.ip,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    appointmentCode: r.appointment_code,
    kind: r.kind,
    fields: r.fields,
  };
}

/**
 * Personal data duties (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): the access log of staff reads of dossiers'
 * personal fields, the retention periods with their nightly anonymisation, the privacy notice.
 */
export function privacyService(ctx: ServiceContext) {
  const { repos, db } = ctx;

  /** The office's privacy settings (defaults for what was never saved). */
  function settings(): PrivacySettings {
    const saved = repos.settings.read<Partial<PrivacySettings>>('privacy');
    return { retention: { ...DEFAULT_PRIVACY.retention, ...saved?.retention }, notice: { ...DEFAULT_PRIVACY.notice, ...saved?.notice } };
  }

  /** Saves the settings (admin), audited with what changed. */
  function saveSettings(next: PrivacySettings, actor: StaffActor): PrivacySettings {
    db.transaction(() => {
      const before = settings();
      repos.settings.write('privacy', next);
      const changed = [
        ...Object.keys(next.retention).filter((k) => next.retention[k as keyof typeof next.retention] !== before.retention[k as keyof typeof next.retention]),
        ...(['vi', 'en'] as const).filter((k) => next.notice[k] !== before.notice[k]).map((k) => `notice.${k}`),
      ];
      repos.audit.write(ctx.now(), actor, { action: 'admin.privacy_settings', details: { changed, retention: next.retention } });
    })();
    return settings();
  }

  /** The notice the citizen screens show. */
  const notice = (): PrivacyNotice => settings().notice;

  /**
   * Anonymises what is older than each retention period, in one transaction, and records the run in the audit log.
   * Tickets and ratings go by business day (their indexes), dossiers from their closing (last change), logs by time.
   */
  function runRetention(actor: AuditActor = { userId: null }): RetentionRun {
    const at = ctx.now();
    const { retention: r } = settings();
    const tz = repos.settings.office().timezone;
    const cutoff = (days: number) => ({ before: at - days * DAY_MS, day: businessDay(new Date(at - days * DAY_MS), tz) });
    return db.transaction((): RetentionRun => {
      const run: RetentionRun = { at: new Date(at).toISOString(), tickets: 0, dossiers: 0, ratings: 0, auditRows: 0, accessRows: 0 };
      if (r.ticketPriorityGroupDays > 0) {
        const c = cutoff(r.ticketPriorityGroupDays);
        run.tickets = repos.privacy.anonymiseTicketGroups(c.day, c.before);
      }
      if (r.dossierApplicantDays > 0) {
        for (const d of repos.privacy.closedDossiersBefore(cutoff(r.dossierApplicantDays).before)) {
          // The tracking book's legal columns (Mẫu 06: name or organisation, address, phone) stay; the rest goes.
          const kept: Applicant = { ...(JSON.parse(d.applicant) as Applicant), idNumber: '', email: '', representative: '' };
          repos.privacy.anonymiseDossier(d.id, JSON.stringify(kept), foldVietnamese(`${kept.name} ${kept.organization} ${kept.phone}`), at);
          run.dossiers += 1;
        }
      }
      const appointmentDays = r.appointmentDays ?? 90;
      if (appointmentDays > 0) run.appointments = repos.appointments.anonymiseBefore(at - appointmentDays * DAY_MS, at);
      if (r.ratingCommentDays > 0) run.ratings = repos.privacy.clearRatingComments(cutoff(r.ratingCommentDays).day);
      // Copies of personal fields in the outbox serve delivery only (retries end after a day; replays within the
      // month): after OUTBOX_PERSONAL_DAYS they go, whatever the periods of the records they were copied from.
      const outboxBefore = at - OUTBOX_PERSONAL_DAYS * DAY_MS;
      for (const [type, fields] of Object.entries(PERSONAL_FIELDS)) repos.outbox.stripFields(type, fields, outboxBefore);
      // A phone given for a ticket serves that day's messages only; the message log keeps the last digits.
      repos.notifications.forget(businessDay(new Date(at), tz), outboxBefore);
      if (r.auditDays > 0) {
        const before = cutoff(r.auditDays).before;
        run.auditRows = repos.privacy.anonymiseAudit(before);
        run.accessRows = repos.privacy.anonymiseAccessLog(before);
      }
      repos.settings.write('retentionLastDay', businessDay(new Date(at), tz));
      repos.audit.write(at, actor, { action: 'admin.retention_run', details: { ...run, at: undefined } });
      return run;
    })();
  }

  /** The nightly job: runs once per local day, from RETENTION_HOUR on (called by the hub's scheduler). */
  function retentionIfDue(): RetentionRun | null {
    const at = ctx.now();
    const tz = repos.settings.office().timezone;
    if (localParts(new Date(at), tz).hour < RETENTION_HOUR) return null;
    if (repos.settings.read<string>('retentionLastDay') === businessDay(new Date(at), tz)) return null;
    return runRetention();
  }

  /** The access log, newest first; a dossier or booking code as typed narrows it to that record (none found: empty). */
  function accessLog(q: DataAccessQuery): DataAccessEntry[] {
    let dossierId: number | undefined;
    let appointmentId: number | undefined;
    if (q.dossierCode !== undefined) {
      const code = normalizeDossierCode(q.dossierCode);
      const booking = normalizeBookingCode(q.dossierCode);
      if (isDossierCode(code)) dossierId = repos.dossiers.byCode(code)?.id;
      else if (isBookingCode(booking)) appointmentId = repos.appointments.byCode(booking)?.id;
      if (dossierId === undefined && appointmentId === undefined) return [];
    }
    return repos.privacy
      .searchReads({
        from: q.from ? Date.parse(q.from) : undefined,
        to: q.to ? Date.parse(q.to) : undefined,
        userId: q.userId,
        dossierId,
        appointmentId,
        kind: q.kind,
        limit: q.limit,
        beforeId: q.beforeId,
      })
      .map(toAccessEntry);
  }

  return { accessLog, settings, saveSettings, notice, runRetention, retentionIfDue };
}
export type PrivacyService = ReturnType<typeof privacyService>;
