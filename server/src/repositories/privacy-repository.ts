import type { PersonalReadKind } from '@shared/schemas/privacy';
import type { Db } from '../db';
import { sqlFilter } from './sql-filter';

/** A logged read as stored, joined with the reader's name and the dossier's code. */
export interface PersonalReadRow {
  id: number;
  at: number;
  user_id: number | null;
  user_name: string | null;
  device_name: string | null;
  ip: string | null;
  /** A read is of a dossier or of a booking (migration 026). */
  dossier_id: number | null;
  dossier_code: string | null;
  appointment_id: number | null;
  appointment_code: string | null;
  kind: PersonalReadKind;
  fields: string;
}

/** Filter of the access log search. */
export interface PersonalReadFilter {
  from?: number;
  to?: number;
  userId?: number;
  dossierId?: number;
  appointmentId?: number;
  kind?: PersonalReadKind;
  limit: number;
  beforeId?: number;
}

/** The personal data access log. SQL only. */
export function privacyRepository(db: Db) {
  const insert = db.prepare<{ at: number; user_id: number | null; api_key_id: number | null; ip: string | null; dossier_id: number; kind: string; fields: string }>(
    'INSERT INTO personal_data_reads (at, user_id, api_key_id, ip, dossier_id, kind, fields) VALUES (@at, @user_id, @api_key_id, @ip, @dossier_id, @kind, @fields)',
  );
  // A booking read, unless this reader already has one of it since @since (null: always, as an export does).
  const bookingRead = db.prepare<{ at: number; since: number | null; user_id: number | null; api_key_id: number | null; ip: string | null; appointment_id: number; kind: string; fields: string }>(
    `INSERT INTO personal_data_reads (at, user_id, api_key_id, ip, appointment_id, kind, fields)
     SELECT @at, @user_id, @api_key_id, @ip, @appointment_id, @kind, @fields
      WHERE @since IS NULL OR NOT EXISTS (SELECT 1 FROM personal_data_reads WHERE appointment_id = @appointment_id
        AND user_id IS @user_id AND api_key_id IS @api_key_id AND at >= @since)`,
  );
  const s = {
    ticketGroups: db.prepare<{ day: string }>(
      "UPDATE tickets SET priority_group = 'priority' WHERE business_day < @day AND priority_group IS NOT NULL AND priority_group <> 'priority'",
    ),
    ticketIdHashes: db.prepare<{ day: string }>('UPDATE tickets SET id_hash = NULL WHERE business_day < @day AND id_hash IS NOT NULL'),
    issueEvents: db.prepare<{ before: number }>(
      `UPDATE ticket_events SET data = json_set(data, '$.priorityGroup', 'priority')
        WHERE type = 'issued' AND at < @before AND data IS NOT NULL AND json_extract(data, '$.priorityGroup') <> 'priority'`,
    ),
    closedDossiers: db.prepare<{ before: number }, { id: number; applicant: string }>(
      `SELECT id, applicant FROM dossiers
        WHERE anonymised_at IS NULL AND status IN ('returned', 'refused', 'withdrawn') AND updated_at < @before`,
    ),
    anonymiseDossier: db.prepare<{ id: number; applicant: string; folded: string; at: number }>(
      'UPDATE dossiers SET applicant = @applicant, applicant_folded = @folded, applicant_id_hash = NULL, anonymised_at = @at WHERE id = @id',
    ),
    ratingComments: db.prepare<{ day: string }>('UPDATE ratings SET reason = NULL WHERE business_day < @day AND reason IS NOT NULL'),
    auditRows: db.prepare<{ before: number }>('UPDATE audit_log SET ip = NULL, details = NULL WHERE at < @before AND (ip IS NOT NULL OR details IS NOT NULL)'),
    accessRows: db.prepare<{ before: number }>('UPDATE personal_data_reads SET ip = NULL WHERE at < @before AND ip IS NOT NULL'),
  };
  return {
    /** Tickets of business days before `day`: the priority group becomes the generic "priority" (tickets and their issue events), the ID-number hash goes. */
    anonymiseTicketGroups: (day: string, before: number): number => {
      s.issueEvents.run({ before });
      // The ID-number hash of a scan goes with the group: a past ticket matches no booking or dossier any more.
      s.ticketIdHashes.run({ day });
      return s.ticketGroups.run({ day }).changes;
    },
    /** Closed dossiers last changed before `before`, not yet anonymised. */
    closedDossiersBefore: (before: number) => s.closedDossiers.all({ before }),
    /** Stores a dossier's anonymised applicant and its new search text. */
    anonymiseDossier: (id: number, applicant: string, folded: string, at: number): void => {
      s.anonymiseDossier.run({ id, applicant, folded, at });
    },
    /** Ratings of business days before `day` lose their written comment. */
    clearRatingComments: (day: string): number => s.ratingComments.run({ day }).changes,
    /** Audit rows before `before` lose their address and details. */
    anonymiseAudit: (before: number): number => s.auditRows.run({ before }).changes,
    /** Access-log rows before `before` lose their address. */
    anonymiseAccessLog: (before: number): number => s.accessRows.run({ before }).changes,
    /** One row per dossier read (inside the caller's transaction). */
    logReads(at: number, reader: { userId: number | null; apiKeyId?: number | null; ip?: string | null }, kind: PersonalReadKind, fields: string, dossierIds: readonly number[]): void {
      for (const id of dossierIds) insert.run({ at, user_id: reader.userId, api_key_id: reader.apiKeyId ?? null, ip: reader.ip ?? null, dossier_id: id, kind, fields });
    },
    /**
     * Bookings whose citizen a reader was shown (inside the caller's transaction). With `since` (the start of the
     * office's day), one row per booking and reader from then on, however often the counters' list is re-read; with
     * null, one row per booking (an export). Returns the rows written.
     */
    logBookingReads(
      at: number,
      since: number | null,
      reader: { userId: number | null; apiKeyId?: number | null; ip?: string | null },
      kind: PersonalReadKind,
      fields: string,
      appointmentIds: readonly number[],
    ): number {
      const row = { at, since, user_id: reader.userId, api_key_id: reader.apiKeyId ?? null, ip: reader.ip ?? null, kind, fields };
      return appointmentIds.reduce((written, id) => written + bookingRead.run({ ...row, appointment_id: id }).changes, 0);
    },
    /** Newest first. */
    searchReads(f: PersonalReadFilter): PersonalReadRow[] {
      const { add, clause, params } = sqlFilter(f.limit);
      add('r.at >= @from', 'from', f.from);
      add('r.at < @to', 'to', f.to);
      add('r.user_id = @userId', 'userId', f.userId);
      add('r.dossier_id = @dossierId', 'dossierId', f.dossierId);
      add('r.appointment_id = @appointmentId', 'appointmentId', f.appointmentId);
      add('r.kind = @kind', 'kind', f.kind);
      add('r.id < @beforeId', 'beforeId', f.beforeId);
      return db
        .prepare(
          `SELECT r.*, COALESCE(u.full_name, u.username) AS user_name, dev.name AS device_name, d.code AS dossier_code, a.code AS appointment_code
             FROM personal_data_reads r LEFT JOIN dossiers d ON d.id = r.dossier_id LEFT JOIN appointments a ON a.id = r.appointment_id
             LEFT JOIN users u ON u.id = r.user_id
             LEFT JOIN devices dev ON dev.id = r.device_id
            ${clause()} ORDER BY r.id DESC LIMIT @limit`,
        )
        .all(params) as PersonalReadRow[];
    },
  };
}
export type PrivacyRepository = ReturnType<typeof privacyRepository>;
