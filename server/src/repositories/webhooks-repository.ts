import type { Db } from '../db';

/** A webhook_endpoints row. */
export interface WebhookRow {
  id: number;
  url: string;
  events: string;
  personal_data: number;
  enabled: number;
  secret: string;
  previous_secret: string | null;
  previous_until: number | null;
  created_at: number;
  updated_at: number;
}

/** SQL for webhook endpoints. */
export function webhooksRepository(db: Db) {
  const s = {
    all: db.prepare<[], WebhookRow>('SELECT * FROM webhook_endpoints ORDER BY id'),
    byId: db.prepare<[number], WebhookRow>('SELECT * FROM webhook_endpoints WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO webhook_endpoints (url, events, personal_data, enabled, secret, created_at, updated_at)
       VALUES (@url, @events, @personal_data, @enabled, @secret, @created_at, @updated_at)`,
    ),
    update: db.prepare(
      'UPDATE webhook_endpoints SET url = @url, events = @events, personal_data = @personal_data, enabled = @enabled, updated_at = @updated_at WHERE id = @id',
    ),
    secret: db.prepare<[number, string, number, number]>(
      'UPDATE webhook_endpoints SET previous_secret = secret, previous_until = ?, secret = ?, updated_at = ? WHERE id = ?',
    ),
    remove: db.prepare<[number]>('DELETE FROM webhook_endpoints WHERE id = ?'),
  };
  return {
    all: () => s.all.all(),
    byId: (id: number) => s.byId.get(id),
    insert: (row: Omit<WebhookRow, 'id' | 'previous_secret' | 'previous_until'>): number => Number(s.insert.run(row).lastInsertRowid),
    update: (row: Pick<WebhookRow, 'id' | 'url' | 'events' | 'personal_data' | 'enabled' | 'updated_at'>): boolean => s.update.run(row).changes === 1,
    /** A new secret; the current one keeps signing too until `previousUntil` (real time). */
    setSecret: (id: number, secret: string, at: number, previousUntil: number): boolean => s.secret.run(previousUntil, secret, at, id).changes === 1,
    remove: (id: number): boolean => s.remove.run(id).changes === 1,
  };
}
