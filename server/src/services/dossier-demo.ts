import { dossierUnit, formatDossierCode } from '@shared/dossier-code';
import { addDays, dueDate, isWorkingDate, zonedInstant } from '@shared/working-days';
import { businessDay } from '@shared/office-time';
import { foldVietnamese } from '@shared/text-fold';
import type { DossierStatus, SubmissionChannel } from '@shared/schemas/dossier';
import { newCheckCode } from './dossier-check';
import type { Hub } from './hub';

/** The command that leads to each demo status (event types are what reports read). */
const ACTION_OF: Partial<Record<DossierStatus, string>> = { transferred: 'transfer', processing: 'process', result_ready: 'ready' };

/** Demo dossiers: [procedure code, applicant, working days ago received, status now, how it was submitted]. */
const DEMO: [string, string, number, DossierStatus, SubmissionChannel][] = [
  ['1.004873', 'Phạm Thị Lan', 5, 'transferred', 'counter'], // 3 working days: overdue
  ['1.004194', 'Đỗ Văn Hùng', 2, 'processing', 'online'], // 3 working days: due soon; submitted on the portal
  ['2.001035', 'Vũ Minh Châu', 3, 'result_ready', 'counter'],
];

/**
 * A few dossiers received on earlier working days, so the demo shows the tracking book, an overdue and a due-soon
 * dossier and one to hand over. Written straight to the tables (no audit entries: nobody did this); earlier days
 * keep today's code sequence free.
 */
export function seedDemoDossiers(hub: Hub, receivedBy: number): void {
  const { repos, ctx } = hub;
  const s = repos.settings.office();
  const cal = hub.calendar.current();
  const unit = dossierUnit(s.unitCode);
  const today = businessDay(new Date(ctx.now()), s.timezone);
  ctx.db.transaction(() => {
    for (const [code, name, ago, status, channel] of DEMO) {
      const proc = repos.catalogSearch.byCode(code, '');
      if (!proc) continue;
      const p = hub.catalog.get(proc.id);
      let day = today;
      for (let n = 0; n < ago; ) {
        day = addDays(day, -1);
        if (isWorkingDate(cal, day)) n++;
      }
      const at = zonedInstant(day, 9 * 60, s.timezone);
      const seq = repos.dossiers.nextSeq(unit, day);
      const due = dueDate(cal, at, p.processingTime);
      const applicant = { name, idNumber: '', phone: '', address: s.address, email: '', organization: '', representative: '' };
      const id = repos.dossiers.insert(
        {
          code: formatDossierCode(unit, day, seq), check_code: newCheckCode(), seq, procedure_id: p.id, procedure_code: p.code, procedure_name: p.name, field_id: p.fieldId,
          agency: p.competentAgency || p.implementingAgency, status, applicant: JSON.stringify(applicant), applicant_name: name,
          applicant_folded: foldVietnamese(name), sets: 1, fees_collected: 0, delivery: 'counter', channel, notes: 'Hồ sơ mẫu', reason: '',
          limit_kind: p.processingTime.kind, limit_value: p.processingTime.value, limit_cutoff: p.processingTime.cutoff15h ? 1 : 0,
          limit_text: p.processingTime.text, received_at: at, due_at: due, original_due_at: due, paused_at: null, supplement_count: 0,
          returned_at: null, ticket_id: null, received_by: receivedBy, created_at: at, updated_at: at,
        },
        p.documents.map((d) => ({ name: d.name, originals: d.originals, certifiedCopies: 0, copies: d.copies, missing: false })),
      );
      repos.dossiers.logEvent({ dossierId: id, at, type: 'intake.accept', from: null, to: 'received', userId: receivedBy, note: 'Hồ sơ mẫu' });
      if (status !== 'received') repos.dossiers.logEvent({ dossierId: id, at: at + 3_600_000, type: ACTION_OF[status] ?? 'process', from: 'received', to: status, userId: receivedBy });
    }
  })();
}
