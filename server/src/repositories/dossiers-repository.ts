import type { DossierDocument, DossierStatus, SubmissionChannel } from '@shared/schemas/dossier';
import type { Db } from '../db';
import { sqlFilter } from './sql-filter';

/** A dossier row as stored. */
export interface DossierRow {
  id: number;
  code: string;
  /** Random second factor of the public lookup, printed on the receipt (see dossier-check.ts). */
  check_code: string;
  seq: number;
  procedure_id: number;
  procedure_code: string;
  procedure_name: string;
  field_id: number;
  agency: string;
  status: DossierStatus;
  applicant: string;
  applicant_name: string;
  applicant_folded: string;
  sets: number;
  fees_collected: number;
  delivery: 'counter' | 'post' | 'online';
  /** How it was submitted (migration 024). */
  channel: SubmissionChannel;
  notes: string;
  reason: string;
  limit_kind: 'working_days' | 'calendar_days' | 'hours' | 'same_day';
  limit_value: number | null;
  limit_cutoff: number;
  limit_text: string;
  received_at: number | null;
  due_at: number | null;
  original_due_at: number | null;
  paused_at: number | null;
  supplement_count: number;
  returned_at: number | null;
  ticket_id: number | null;
  received_by: number;
  created_at: number;
  updated_at: number;
}

/** A dossier row joined with the names lists and forms print. */
export type DossierListRow = DossierRow & { field_name: string; received_by_name: string; ticket_number: string | null };

/** Columns a command may change. */
export type DossierPatch = Partial<
  Pick<DossierRow, 'status' | 'reason' | 'received_at' | 'due_at' | 'original_due_at' | 'paused_at' | 'supplement_count' | 'returned_at' | 'agency' | 'updated_at'>
>;

/** An event row joined with the acting user's name. */
export interface DossierEventRow {
  id: number;
  dossier_id: number;
  at: number;
  type: string;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  user_id: number | null;
  user_name: string | null;
  note: string;
  agency: string;
  data: string | null;
}

/** Filters of the tracking book (instants, half-open [from, to)). */
export interface DossierFilter {
  from?: number;
  to?: number;
  fieldId?: number;
  procedureId?: number;
  status?: DossierStatus;
  q?: string;
  limit: number;
}

const SELECT = `SELECT d.*, f.name_vi AS field_name, COALESCE(u.full_name, u.username, '') AS received_by_name, t.number AS ticket_number
  FROM dossiers d JOIN fields f ON f.id = d.field_id LEFT JOIN users u ON u.id = d.received_by LEFT JOIN tickets t ON t.id = d.ticket_id`;

/** Dossiers, their documents and their append-only event log. SQL only. */
/** A dossier_events row as written. */
export interface DossierLogEntry {
  dossierId: number;
  at: number;
  type: string;
  from: DossierStatus | null;
  to: DossierStatus;
  userId: number | null;
  note?: string;
  agency?: string;
  data?: unknown;
}

/** `logged` runs after each dossier_events row, in the same transaction (the outbox's hook). */
export function dossiersRepository(db: Db, logged: (e: DossierLogEntry) => void = () => {}) {
  const s = {
    bump: db.prepare<[string, string], { last: number }>(
      `INSERT INTO dossier_sequences (unit_code, day, last) VALUES (?, ?, 1)
       ON CONFLICT (unit_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
    ),
    insert: db.prepare(
      `INSERT INTO dossiers (code, check_code, seq, procedure_id, procedure_code, procedure_name, field_id, agency, status, applicant, applicant_name,
         applicant_folded, sets, fees_collected, delivery, channel, notes, reason, limit_kind, limit_value, limit_cutoff, limit_text, received_at,
         due_at, original_due_at, paused_at, supplement_count, returned_at, ticket_id, received_by, created_at, updated_at)
       VALUES (@code, @check_code, @seq, @procedure_id, @procedure_code, @procedure_name, @field_id, @agency, @status, @applicant, @applicant_name,
         @applicant_folded, @sets, @fees_collected, @delivery, @channel, @notes, @reason, @limit_kind, @limit_value, @limit_cutoff, @limit_text,
         @received_at, @due_at, @original_due_at, @paused_at, @supplement_count, @returned_at, @ticket_id, @received_by, @created_at, @updated_at)`,
    ),
    doc: db.prepare(
      `INSERT INTO dossier_documents (dossier_id, position, name, originals, certified_copies, copies, missing)
       VALUES (@dossier_id, @position, @name, @originals, @certified_copies, @copies, @missing)`,
    ),
    docs: db.prepare<[number], { name: string; originals: number; certified_copies: number; copies: number; missing: number }>(
      'SELECT * FROM dossier_documents WHERE dossier_id = ? ORDER BY position',
    ),
    event: db.prepare(
      `INSERT INTO dossier_events (dossier_id, at, type, from_status, to_status, user_id, note, agency, data)
       VALUES (@dossier_id, @at, @type, @from_status, @to_status, @user_id, @note, @agency, @data)`,
    ),
    events: db.prepare<[number], DossierEventRow>(
      `SELECT e.*, COALESCE(u.full_name, u.username) AS user_name FROM dossier_events e LEFT JOIN users u ON u.id = e.user_id
       WHERE e.dossier_id = ? ORDER BY e.id`,
    ),
    byId: db.prepare<[number], DossierListRow>(`${SELECT} WHERE d.id = ?`),
    byCode: db.prepare<[string], DossierListRow>(`${SELECT} WHERE d.code = ?`),
    byIdNumber: db.prepare<[string], DossierListRow>(`${SELECT} WHERE json_extract(d.applicant, '$.idNumber') = ? ORDER BY d.id`),
    setApplicant: db.prepare<{ id: number; applicant: string; applicant_name: string; applicant_folded: string; updated_at: number }>(
      'UPDATE dossiers SET applicant = @applicant, applicant_name = @applicant_name, applicant_folded = @applicant_folded, updated_at = @updated_at WHERE id = @id',
    ),
    dueBefore: db.prepare<[number], DossierListRow>(
      `${SELECT} WHERE d.status IN ('received', 'transferred', 'processing') AND d.due_at IS NOT NULL AND d.due_at < ?
       ORDER BY d.due_at`,
    ),
    dueBetween: db.prepare<[number, number], DossierListRow>(
      `${SELECT} WHERE d.status IN ('received', 'transferred', 'processing') AND d.due_at >= ? AND d.due_at < ?
       ORDER BY d.due_at`,
    ),
  };
  return {
    /** Next daily sequence number of `unitCode` on local day `day` (call inside the intake transaction). */
    nextSeq: (unitCode: string, day: string): number => (s.bump.get(unitCode, day) as { last: number }).last,
    insert(row: Omit<DossierRow, 'id'>, documents: readonly DossierDocument[]): number {
      const id = Number(s.insert.run(row).lastInsertRowid);
      documents.forEach((d, position) =>
        s.doc.run({ dossier_id: id, position, name: d.name, originals: d.originals, certified_copies: d.certifiedCopies, copies: d.copies, missing: d.missing ? 1 : 0 }),
      );
      return id;
    },
    update(id: number, patch: DossierPatch): void {
      const keys = Object.keys(patch);
      if (keys.length === 0) return;
      db.prepare(`UPDATE dossiers SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
    },
    logEvent(e: DossierLogEntry): void {
      s.event.run({
        dossier_id: e.dossierId,
        at: e.at,
        type: e.type,
        from_status: e.from,
        to_status: e.to,
        user_id: e.userId,
        note: e.note ?? '',
        agency: e.agency ?? '',
        data: e.data === undefined ? null : JSON.stringify(e.data),
      });
      logged(e);
    },
    documents: (id: number): DossierDocument[] =>
      s.docs.all(id).map((d) => ({ name: d.name, originals: d.originals, certifiedCopies: d.certified_copies, copies: d.copies, missing: d.missing === 1 })),
    events: (id: number): DossierEventRow[] => s.events.all(id),
    byId: (id: number): DossierListRow | undefined => s.byId.get(id),
    byCode: (code: string): DossierListRow | undefined => s.byCode.get(code),
    /** Every dossier of one applicant ID number (a citizen's request; not indexed: rare and small). */
    byIdNumber: (idNumber: string): DossierListRow[] => s.byIdNumber.all(idNumber),
    /** Replaces the applicant (a correction), with its name and search text. */
    setApplicant(id: number, row: { applicant: string; applicant_name: string; applicant_folded: string; updated_at: number }): void {
      s.setApplicant.run({ id, ...row });
    },
    /** Open dossiers due before `at` (overdue when `at` is now). */
    dueBefore: (at: number): DossierListRow[] => s.dueBefore.all(at),
    /** Open dossiers due in [from, to). */
    dueBetween: (from: number, to: number): DossierListRow[] => s.dueBetween.all(from, to),
    /** The tracking book: created in [from, to), newest last. `q` matches the code or the folded applicant text. */
    search(f: DossierFilter): DossierListRow[] {
      const { add, clause, params } = sqlFilter(f.limit);
      add('d.created_at >= @from', 'from', f.from);
      add('d.created_at < @to', 'to', f.to);
      add('d.field_id = @fieldId', 'fieldId', f.fieldId);
      add('d.procedure_id = @procedureId', 'procedureId', f.procedureId);
      add('d.status = @status', 'status', f.status);
      add('(d.code LIKE @q OR d.applicant_folded LIKE @q)', 'q', f.q === undefined || f.q === '' ? undefined : `%${f.q}%`);
      return db.prepare<Record<string, unknown>, DossierListRow>(`${SELECT} ${clause()} ORDER BY d.id LIMIT @limit`).all(params);
    },
  };
}
export type DossiersRepository = ReturnType<typeof dossiersRepository>;
