import type { Db } from '../db';

/** An api_keys row. */
export interface ApiKeyRow {
  id: number;
  name: string;
  scopes: string;
  prefix: string;
  key_hash: string;
  created_by: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** SQL for API keys (only hashes are stored). */
export function apiKeysRepository(db: Db) {
  const s = {
    all: db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY id'),
    byHash: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?'),
    insert: db.prepare(
      `INSERT INTO api_keys (name, scopes, prefix, key_hash, created_by, created_at)
       VALUES (@name, @scopes, @prefix, @key_hash, @created_by, @created_at)`,
    ),
    revoke: db.prepare<[number, number]>('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    used: db.prepare<[number, number]>('UPDATE api_keys SET last_used_at = ? WHERE id = ?'),
    exists: db.prepare<[number], { id: number }>('SELECT id FROM api_keys WHERE id = ?'),
  };
  return {
    all: () => s.all.all(),
    byHash: (hash: string) => s.byHash.get(hash),
    insert: (row: Omit<ApiKeyRow, 'id' | 'last_used_at' | 'revoked_at'>): number => Number(s.insert.run(row).lastInsertRowid),
    revoke: (id: number, at: number): boolean => s.revoke.run(at, id).changes === 1,
    exists: (id: number): boolean => s.exists.get(id) !== undefined,
    markUsed: (id: number, at: number): void => void s.used.run(at, id),
  };
}
