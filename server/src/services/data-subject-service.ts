import type { Applicant } from '@shared/schemas/dossier';
import type { ApplicantCorrection, DataSubjectExport, ErasureReply } from '@shared/schemas/privacy';
import { PERSONAL_FIELDS } from '@shared/schemas/webhook-events';
import { foldVietnamese } from '@shared/text-fold';
import { AppError, fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { AppointmentListRow } from '../repositories/appointments-repository';
import type { DossierListRow } from '../repositories/dossiers-repository';
import type { ServiceContext } from './context';
import { toDossier } from './dossier-views';
import { toAccessEntry } from './privacy-service';
import type { IdNumberHasher } from './id-number-hash';

/** Applicant fields no legal record needs: erased on the citizen's request. */
const OPTIONAL_FIELDS = ['email', 'representative'] as const;
/**
 * Why a dossier itself is kept: it is a line of the tracking book (Sổ theo dõi hồ sơ, Mẫu 06 of Thông tư
 * 03/2025/TT-VPCP; Nghị định 118/2025/NĐ-CP Điều 11), a record the office must keep (Luật 91/2025/QH15 allows
 * refusing deletion where another law requires keeping the data).
 */
const KEPT_REASON = 'Hồ sơ được ghi trong Sổ theo dõi hồ sơ (Mẫu 06, Thông tư 03/2025/TT-VPCP; Nghị định 118/2025/NĐ-CP) nên phải lưu giữ; chỉ có thể sửa thông tin sai.';

/** Which id of an event's data names the citizen's record, by event family (staff names are not the citizen's). */
const SUBJECT_KEYS = { dossier: 'dossierId', appointment: 'appointmentId', rating: 'ticketId' } as const;

/**
 * A citizen's requests about their data (Luật 91/2025/QH15): see everything the hub holds about one ID number, correct
 * it, and erase what the law does not require to keep. Supervisors and admins act for the citizen; every step is audited.
 */
export function dataSubjectService(ctx: ServiceContext, idHash: IdNumberHasher) {
  const { repos, db } = ctx;

  /** The dossiers and bookings of an ID number; neither: not found. */
  const recordsOf = (idNumber: string): { rows: DossierListRow[]; bookings: AppointmentListRow[] } => {
    const rows = repos.dossiers.byIdNumber(idNumber);
    // A booking keeps only the salted hash of the ID number.
    const bookings = repos.appointments.byIdHash(idHash.hash(idNumber));
    return rows.length || bookings.length ? { rows, bookings } : fail('DATA_SUBJECT_NOT_FOUND');
  };

  /** Everything about `idNumber`: dossiers with documents and log, linked tickets with ratings, who read them. */
  function exportData(idNumber: string, actor: StaffActor): DataSubjectExport {
    return db.transaction((): DataSubjectExport => {
      const { rows, bookings } = recordsOf(idNumber);
      const at = ctx.now();
      const tickets = rows.flatMap((d) => {
        const t = d.ticket_id === null ? undefined : repos.tickets.byId(d.ticket_id);
        if (!t) return [];
        const rating = repos.ratings.byTicket(t.id);
        return [
          {
            dossierCode: d.code,
            number: t.number,
            serviceName: repos.catalog.serviceById(t.service_id)?.name_vi ?? '',
            issuedAt: new Date(t.issued_at).toISOString(),
            priorityGroup: t.priority_group,
            rating: rating ? { level: rating.level, reason: rating.reason, ratedAt: new Date(rating.rated_at).toISOString() } : null,
          },
        ];
      });
      const accessLog = [
        ...rows.flatMap((d) => repos.privacy.searchReads({ dossierId: d.id, limit: 500 })),
        ...bookings.flatMap((b) => repos.privacy.searchReads({ appointmentId: b.id, limit: 500 })),
      ]
        .sort((a, b) => b.id - a.id)
        .map(toAccessEntry);
      repos.privacy.logReads(at, actor, 'export', 'applicant', rows.map((d) => d.id));
      repos.privacy.logBookingReads(at, null, actor, 'export', 'name,phone', bookings.map((b) => b.id));
      repos.audit.write(at, actor, { action: 'privacy.subject_export', targetType: 'dossier', details: { dossiers: rows.map((d) => d.code), appointments: bookings.map((b) => b.code) } });
      return {
        idNumber,
        generatedAt: new Date(at).toISOString(),
        officeName: repos.settings.office().name,
        dossiers: rows.map((d) => toDossier(d, repos.dossiers, at, ctx.config.publicUrl)),
        tickets,
        accessLog,
        appointments: bookings.map((b) => ({
          code: b.code,
          serviceName: repos.catalog.serviceById(b.service_id)?.name_vi ?? '',
          start: new Date(b.slot_start).toISOString(),
          status: b.status,
          fullName: b.full_name,
          phone: b.phone,
        })),
      };
    })();
  }

  /** Corrects a dossier's applicant on the citizen's request; the audit keeps which fields changed and why, not the values. */
  function correct(dossierId: number, body: ApplicantCorrection, actor: StaffActor) {
    db.transaction(() => {
      const row = repos.dossiers.byId(dossierId) ?? fail('DOSSIER_NOT_FOUND');
      const before = JSON.parse(row.applicant) as Applicant;
      const a = body.applicant;
      const changed = (Object.keys(a) as (keyof Applicant)[]).filter((k) => a[k] !== before[k]);
      const at = ctx.now();
      repos.dossiers.setApplicant(dossierId, {
        applicant: JSON.stringify(a),
        applicant_name: a.name,
        applicant_folded: foldVietnamese(`${a.name} ${a.organization} ${a.idNumber} ${a.phone}`),
        updated_at: at,
      });
      repos.audit.write(at, actor, { action: 'privacy.subject_correct', targetType: 'dossier', targetId: dossierId, details: { code: row.code, changed, reason: body.reason } });
    })();
  }

  /**
   * The outbox's copies of the citizen's personal data, which serve delivery only (no record the law keeps): personal
   * fields of the events about their dossiers, bookings and the ratings of their tickets; the phones they gave for
   * their tickets; the message log's phones. Runs inside the erasure's transaction; returns the rows changed.
   */
  function eraseCopies(rows: readonly DossierListRow[], bookings: readonly AppointmentListRow[]): number {
    const ticketIds = [...new Set([...rows, ...bookings].flatMap((r) => (r.ticket_id === null ? [] : [r.ticket_id])))];
    const ids = { dossier: rows.map((d) => d.id), appointment: bookings.map((b) => b.id), rating: ticketIds };
    let changed = 0;
    for (const [type, fields] of Object.entries(PERSONAL_FIELDS)) {
      const family = type.split('.')[0] as keyof typeof SUBJECT_KEYS;
      if (fields && family in SUBJECT_KEYS) changed += repos.outbox.stripFieldsOf(type, fields, SUBJECT_KEYS[family], ids[family]);
    }
    const targets = [...rows.map((d) => `dossier:${d.id}`), ...bookings.map((b) => `appointment:${b.id}`), ...ticketIds.map((id) => `ticket:${id}`)];
    return changed + repos.notifications.eraseFor(ticketIds, targets);
  }

  /**
   * Erases what may be erased (the optional applicant fields) and answers, per dossier, why the rest is kept. When
   * nothing could be erased the request is refused with RECORD_MUST_BE_KEPT and the same reasons.
   */
  function erase(idNumber: string, actor: StaffActor): ErasureReply {
    const reply = db.transaction((): ErasureReply => {
      const { rows, bookings } = recordsOf(idNumber);
      const at = ctx.now();
      const erased: string[] = [];
      // Bookings are no legal record: all erased, a pending one cancelled first (its place freed).
      for (const b of bookings) {
        if (b.status === 'booked') repos.appointments.cancel(b.id, at, actor.userId, 'Xóa dữ liệu theo yêu cầu của công dân');
        repos.appointments.erase(b.id, at);
        // Published after the erasure: the event tells receivers the place is free, without the erased name and phone.
        if (b.status === 'booked') repos.events.appointment('appointment.cancelled', b.id, at);
      }
      for (const d of rows) {
        const a = JSON.parse(d.applicant) as Applicant;
        if (OPTIONAL_FIELDS.every((k) => a[k] === '')) continue;
        const next: Applicant = { ...a, email: '', representative: '' };
        repos.dossiers.setApplicant(d.id, { applicant: JSON.stringify(next), applicant_name: next.name, applicant_folded: d.applicant_folded, updated_at: at });
        erased.push(d.code);
      }
      const copies = eraseCopies(rows, bookings);
      const kept = rows.map((d) => ({ code: d.code, reason: KEPT_REASON }));
      const appointments = bookings.map((b) => b.code);
      repos.audit.write(at, actor, { action: 'privacy.subject_erase', targetType: 'dossier', details: { erased, kept: kept.map((k) => k.code), appointments, copies } });
      return { erased, erasedFields: erased.length ? [...OPTIONAL_FIELDS] : [], kept, appointments, copies };
    })();
    if (reply.erased.length === 0 && (reply.appointments ?? []).length === 0 && !reply.copies) throw new AppError('RECORD_MUST_BE_KEPT', undefined, { kept: reply.kept });
    return reply;
  }

  return { exportData, correct, erase };
}
