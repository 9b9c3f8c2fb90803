import type { Role } from '@shared/schemas/auth';
import type { Db } from '../db';

/** A users row. */
export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  password_hash: string;
  role: Role;
  active: number;
  must_change_password: number;
  created_at: number;
  /** 1: the console's one-letter shortcuts are on for this account (migration 013). */
  single_key_shortcuts: number;
}

/** SQL for staff accounts and their sessions. */
export function usersRepository(db: Db) {
  const s = {
    byUsername: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    byId: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
    insert: db.prepare(
      `INSERT INTO users (username, full_name, password_hash, role, must_change_password, created_at)
       VALUES (@username, @full_name, @password_hash, @role, @must_change_password, @created_at)`,
    ),
    session: db.prepare<[string], { id: string; user_id: number; last_seen_at: number }>(
      'SELECT id, user_id, last_seen_at FROM sessions WHERE id = ?',
    ),
    insertSession: db.prepare<[string, number, number, number]>(
      'INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
    ),
    touch: db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
    deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id = ?'),
    deleteSessionsOf: db.prepare<[number]>('DELETE FROM sessions WHERE user_id = ?'),
    sessionIdsOf: db.prepare<[number], { id: string }>('SELECT id FROM sessions WHERE user_id = ?'),
    setPassword: db.prepare<[string, number, number]>('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?'),
    list: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY role DESC, username'),
    setSingleKeyShortcuts: db.prepare<[number, number]>('UPDATE users SET single_key_shortcuts = ? WHERE id = ?'),
    update: db.prepare('UPDATE users SET full_name = @full_name, role = @role, active = @active WHERE id = @id'),
  };
  return {
    byUsername: (username: string): UserRow | undefined => s.byUsername.get(username),
    byId: (id: number): UserRow | undefined => s.byId.get(id),
    count: (): number => s.count.get()?.n ?? 0,
    insert: (u: Omit<UserRow, 'id' | 'active' | 'single_key_shortcuts'>): number => Number(s.insert.run(u).lastInsertRowid),
    list: (): UserRow[] => s.list.all(),
    update: (row: Pick<UserRow, 'id' | 'full_name' | 'role' | 'active'>): boolean => s.update.run(row).changes === 1,
    setSingleKeyShortcuts: (id: number, on: boolean): void => {
      s.setSingleKeyShortcuts.run(on ? 1 : 0, id);
    },
    setPassword: (id: number, hash: string, mustChange: boolean): void => {
      s.setPassword.run(hash, mustChange ? 1 : 0, id);
    },
    sessionIdsOf: (userId: number): string[] => s.sessionIdsOf.all(userId).map((r) => r.id),
    deleteSessionsOf: (userId: number): void => {
      s.deleteSessionsOf.run(userId);
    },
    session: (id: string) => s.session.get(id),
    createSession: (id: string, userId: number, at: number): void => {
      s.insertSession.run(id, userId, at, at);
    },
    touchSession: (id: string, at: number): void => {
      s.touch.run(at, id);
    },
    deleteSession: (id: string): void => {
      s.deleteSession.run(id);
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
