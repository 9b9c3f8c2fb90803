import type { Db } from '../db';

/** A displays row. */
export interface DisplayRow {
  id: number;
  name: string;
  /** DisplayInput as JSON. */
  data: string;
  updated_at: number;
}

/** SQL for wall display configurations. */
export function displaysRepository(db: Db) {
  const s = {
    list: db.prepare<[], DisplayRow>('SELECT * FROM displays ORDER BY id'),
    byId: db.prepare<[number], DisplayRow>('SELECT * FROM displays WHERE id = ?'),
    insert: db.prepare<[string, string, number]>('INSERT INTO displays (name, data, updated_at) VALUES (?, ?, ?)'),
    update: db.prepare<[string, string, number, number]>('UPDATE displays SET name = ?, data = ?, updated_at = ? WHERE id = ?'),
    remove: db.prepare<[number]>('DELETE FROM displays WHERE id = ?'),
  };
  return {
    list: (): DisplayRow[] => s.list.all(),
    byId: (id: number): DisplayRow | undefined => s.byId.get(id),
    insert: (name: string, data: string, at: number): number => Number(s.insert.run(name, data, at).lastInsertRowid),
    update: (id: number, name: string, data: string, at: number): boolean => s.update.run(name, data, at, id).changes === 1,
    remove: (id: number): boolean => s.remove.run(id).changes === 1,
  };
}

export type DisplaysRepository = ReturnType<typeof displaysRepository>;
