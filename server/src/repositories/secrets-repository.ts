import type { Db } from '../db';

/** The office's secrets (table office_secrets): created once, never changed, never sent to a screen. */
export function secretsRepository(db: Db) {
  const s = {
    create: db.prepare<{ name: string; value: Buffer; at: number }>(
      'INSERT INTO office_secrets (name, value, created_at) VALUES (@name, @value, @at) ON CONFLICT (name) DO NOTHING',
    ),
    get: db.prepare<[string], { value: Buffer }>('SELECT value FROM office_secrets WHERE name = ?'),
  };
  return {
    /** The secret `name`, stored as `create()` made it the first time it was asked for. */
    getOrCreate(name: string, create: () => Buffer, at: number): Buffer {
      s.create.run({ name, value: create(), at });
      return (s.get.get(name) as { value: Buffer }).value;
    },
  };
}
