import type { PersonalReadKind } from '@shared/schemas/privacy';
import type { Db } from '../db';

/** A logged read as stored, joined with the reader's name and the dossier's code. */
export interface PersonalReadRow {
  id: number;
  at: number;
  user_id: number | null;
  user_name: string | null;
  ip: string | null;
  dossier_id: number;
  dossier_code: string;
  kind: PersonalReadKind;
  fields: string;
}

/** Filter of the access log search. */
export interface PersonalReadFilter {
  from?: number;
  to?: number;
  userId?: number;
  dossierId?: number;
  kind?: PersonalReadKind;
  limit: number;
  beforeId?: number;
}

/** The personal data access log. SQL only. */
export function privacyRepository(db: Db) {
  const insert = db.prepare<{ at: number; user_id: number | null; ip: string | null; dossier_id: number; kind: string; fields: string }>(
    'INSERT INTO personal_data_reads (at, user_id, ip, dossier_id, kind, fields) VALUES (@at, @user_id, @ip, @dossier_id, @kind, @fields)',
  );
  return {
    /** One row per dossier read (inside the caller's transaction). */
    logReads(at: number, reader: { userId: number; ip?: string | null }, kind: PersonalReadKind, fields: string, dossierIds: readonly number[]): void {
      for (const id of dossierIds) insert.run({ at, user_id: reader.userId, ip: reader.ip ?? null, dossier_id: id, kind, fields });
    },
    /** Newest first. */
    searchReads(f: PersonalReadFilter): PersonalReadRow[] {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: f.limit };
      const add = (sql: string, name: string, value: unknown) => {
        if (value === undefined) return;
        where.push(sql);
        params[name] = value;
      };
      add('r.at >= @from', 'from', f.from);
      add('r.at < @to', 'to', f.to);
      add('r.user_id = @userId', 'userId', f.userId);
      add('r.dossier_id = @dossierId', 'dossierId', f.dossierId);
      add('r.kind = @kind', 'kind', f.kind);
      add('r.id < @beforeId', 'beforeId', f.beforeId);
      return db
        .prepare(
          `SELECT r.*, COALESCE(u.full_name, u.username) AS user_name, d.code AS dossier_code
             FROM personal_data_reads r JOIN dossiers d ON d.id = r.dossier_id LEFT JOIN users u ON u.id = r.user_id
            ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT @limit`,
        )
        .all(params) as PersonalReadRow[];
    },
  };
}
export type PrivacyRepository = ReturnType<typeof privacyRepository>;
