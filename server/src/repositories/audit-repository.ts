import type { Db } from '../db';
import { sqlFilter } from './sql-filter';

/** Who did something, and from where. */
export interface AuditActor {
  userId: number | null;
  deviceId?: number | null;
  ip?: string | null;
  /** The API key a machine acted with (issue 20). */
  apiKeyId?: number | null;
}

/** A signed-in staff member acting (the user id is known). */
export type StaffActor = AuditActor & { userId: number };

/** One audit entry as written. */
export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number | null;
  details?: unknown;
}

/** An audit row as read, with the user's name. */
export interface AuditRow {
  id: number;
  at: number;
  user_id: number | null;
  username: string | null;
  full_name: string | null;
  device_id: number | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
}

/** Filter of the audit search. */
export interface AuditFilter {
  from?: number;
  to?: number;
  userId?: number;
  action?: string;
  q?: string;
  limit: number;
  beforeId?: number;
}

/** The append-only audit log (the database refuses UPDATE and DELETE on it). */
export function auditRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, device_id, ip, action, target_type, target_id, details, api_key_id)
     VALUES (@at, @user_id, @device_id, @ip, @action, @target_type, @target_id, @details, @api_key_id)`,
  );
  return {
    write(at: number, actor: AuditActor, e: AuditEntry): void {
      insert.run({
        at,
        user_id: actor.userId,
        device_id: actor.deviceId ?? null,
        ip: actor.ip ?? null,
        api_key_id: actor.apiKeyId ?? null,
        action: e.action,
        target_type: e.targetType ?? null,
        target_id: e.targetId === undefined || e.targetId === null ? null : String(e.targetId),
        details: e.details === undefined ? null : JSON.stringify(e.details),
      });
    },
    /** Newest first, keyset-paginated by id. `q` matches the action, target or details text. */
    search(f: AuditFilter): AuditRow[] {
      const { add, clause, params } = sqlFilter(f.limit);
      add('a.at >= @from', 'from', f.from);
      add('a.at < @to', 'to', f.to);
      add('a.user_id = @userId', 'userId', f.userId);
      add('a.action LIKE @action', 'action', f.action === undefined ? undefined : `${f.action}%`);
      add('a.id < @beforeId', 'beforeId', f.beforeId);
      add(
        '(a.action LIKE @q OR a.target_id LIKE @q OR a.details LIKE @q OR u.username LIKE @q OR u.full_name LIKE @q)',
        'q',
        f.q === undefined ? undefined : `%${f.q}%`,
      );
      return db
        .prepare(
          `SELECT a.*, u.username, u.full_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
           ${clause()} ORDER BY a.id DESC LIMIT @limit`,
        )
        .all(params) as AuditRow[];
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
