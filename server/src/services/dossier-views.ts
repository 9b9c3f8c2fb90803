import { maskName, OPEN_DOSSIER_STATUSES } from '../domain/dossier-lifecycle';
import type { FieldSource } from '../domain/intake-provenance';
import type { Applicant, Dossier, DossierLookup, DossierSummary } from '@shared/schemas/dossier';
import type { DossierListRow, DossiersRepository } from '../repositories/dossiers-repository';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** True when an open dossier's appointment date has passed. */
export function isOverdue(row: DossierListRow, now: number): boolean {
  return OPEN_DOSSIER_STATUSES.includes(row.status) && row.due_at !== null && row.due_at < now;
}

/** A dossier row as a list entry (the tracking book's columns). */
export function toSummary(row: DossierListRow, now: number): DossierSummary {
  const applicant = JSON.parse(row.applicant) as Applicant;
  return {
    id: row.id,
    code: row.code,
    procedureId: row.procedure_id,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    fieldId: row.field_id,
    fieldName: row.field_name,
    agency: row.agency,
    status: row.status,
    applicantName: applicant.organization || applicant.name,
    applicantAddress: applicant.address,
    applicantPhone: applicant.phone,
    delivery: row.delivery,
    channel: row.channel,
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    returnedAt: iso(row.returned_at),
    overdue: isOverdue(row, now),
  };
}

/** A dossier with documents and its log, everything the forms print. */
export function toDossier(row: DossierListRow, repo: DossiersRepository, now: number, publicUrl: string): Dossier {
  return {
    ...toSummary(row, now),
    seq: row.seq,
    applicant: JSON.parse(row.applicant) as Applicant,
    documents: repo.documents(row.id),
    sets: row.sets,
    feesCollected: row.fees_collected,
    notes: row.notes,
    reason: row.reason,
    processingTimeText: row.limit_text,
    limitKind: row.limit_kind,
    originalDueAt: iso(row.original_due_at),
    supplementCount: row.supplement_count,
    ticketNumber: row.ticket_number,
    receivedByName: row.received_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    checkCode: row.check_code,
    statusUrl: `${publicUrl}/h/${encodeURIComponent(row.code)}/${row.check_code}`,
    events: repo.events(row.id).map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      userName: e.user_name ?? '',
      note: e.note,
      agency: e.agency,
      ...idCardFieldsOf(e.data),
    })),
  };
}

/** The per-field provenance of an intake after a scan, from its log row's data. */
function idCardFieldsOf(data: string | null): { idCardFields?: Record<string, FieldSource> } {
  if (!data) return {};
  const parsed = JSON.parse(data) as { idCard?: { fields?: Record<string, FieldSource> } };
  return parsed.idCard?.fields ? { idCardFields: parsed.idCard.fields } : {};
}

/** The public view: status and dates, and the applicant's name masked; nothing else personal. */
export function toLookup(row: DossierListRow, now: number): DossierLookup {
  return {
    code: row.code,
    procedureName: row.procedure_name,
    maskedName: maskName(row.applicant_name),
    status: row.status,
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    returnedAt: iso(row.returned_at),
    overdue: isOverdue(row, now),
  };
}
