import type { Db } from '../db';

/** A catalog_files row. */
export interface CatalogFileRow {
  id: number;
  name: string;
  stored: string;
  content_type: string;
  size: number;
  uploaded_at: number;
  uploaded_by: number | null;
}

/** SQL for the form templates attached to procedures. */
export function catalogFilesRepository(db: Db) {
  const s = {
    all: db.prepare<[], CatalogFileRow>('SELECT * FROM catalog_files ORDER BY name'),
    byId: db.prepare<[number], CatalogFileRow>('SELECT * FROM catalog_files WHERE id = ?'),
    byName: db.prepare<[string], CatalogFileRow>('SELECT * FROM catalog_files WHERE name = ?'),
    insert: db.prepare(
      `INSERT INTO catalog_files (name, stored, content_type, size, uploaded_at, uploaded_by)
       VALUES (@name, @stored, @content_type, @size, @uploaded_at, @uploaded_by)`,
    ),
    update: db.prepare(
      'UPDATE catalog_files SET stored = @stored, content_type = @content_type, size = @size, uploaded_at = @uploaded_at, uploaded_by = @uploaded_by WHERE id = @id',
    ),
    remove: db.prepare<[number]>('DELETE FROM catalog_files WHERE id = ?'),
  };
  return {
    all: (): CatalogFileRow[] => s.all.all(),
    byId: (id: number): CatalogFileRow | undefined => s.byId.get(id),
    byName: (name: string): CatalogFileRow | undefined => s.byName.get(name),
    /** Adds a file, or replaces the bytes of the file with the same name; returns its id. */
    upsert(row: Omit<CatalogFileRow, 'id'>): number {
      const existing = s.byName.get(row.name);
      if (existing) {
        s.update.run({ ...row, id: existing.id });
        return existing.id;
      }
      return Number(s.insert.run(row).lastInsertRowid);
    },
    remove: (id: number): boolean => s.remove.run(id).changes === 1,
  };
}

export type CatalogFilesRepository = ReturnType<typeof catalogFilesRepository>;
