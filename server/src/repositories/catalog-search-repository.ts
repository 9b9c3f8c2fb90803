import { foldVietnamese } from '@shared/text-fold';
import type { ProcedureInput } from '@shared/schemas/procedure';
import type { Db } from '../db';

/** A fields row with its number of active procedures. */
export interface FieldRow {
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  icon: string;
  display_order: number;
  procedure_count: number;
}

/** A procedures row. */
export interface ProcedureRow {
  id: number;
  code: string;
  local_suffix: string;
  name: string;
  name_folded: string;
  field_id: number;
  service_id: number | null;
  active: number;
  updated_at: number;
  data: string;
}

/** What the search index holds besides the name: codes, agencies, documents, result, fees. */
function bodyText(p: ProcedureInput): string {
  return foldVietnamese(
    [
      p.code,
      p.implementingAgency,
      p.result,
      p.applicants,
      p.processingTime.text,
      ...p.documents.map((d) => d.name),
      ...p.fees.map((f) => f.name),
    ].join(' '),
  );
}

/** SQL for fields, procedures and the FTS5 index; folding happens here, on both sides. */
export function catalogSearchRepository(db: Db) {
  const s = {
    fields: db.prepare<[], FieldRow>(
      `SELECT f.*, (SELECT COUNT(*) FROM procedures p WHERE p.field_id = f.id AND p.active = 1) AS procedure_count
         FROM fields f ORDER BY f.display_order, f.id`,
    ),
    fieldByCode: db.prepare<[string], FieldRow>('SELECT *, 0 AS procedure_count FROM fields WHERE code = ?'),
    fieldById: db.prepare<[number], FieldRow>('SELECT *, (SELECT COUNT(*) FROM procedures p WHERE p.field_id = fields.id) AS procedure_count FROM fields WHERE id = ?'),
    deleteField: db.prepare<[number]>('DELETE FROM fields WHERE id = ?'),
    insertField: db.prepare(
      `INSERT INTO fields (code, name_vi, name_en, icon, display_order) VALUES (@code, @name_vi, @name_en, @icon, @display_order)
       ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, icon = excluded.icon, display_order = excluded.display_order`,
    ),
    byId: db.prepare<[number], ProcedureRow>('SELECT * FROM procedures WHERE id = ?'),
    byCode: db.prepare<[string, string], ProcedureRow>('SELECT * FROM procedures WHERE code = ? AND local_suffix = ?'),
    insert: db.prepare(
      `INSERT INTO procedures (code, local_suffix, name, name_folded, field_id, service_id, active, updated_at, data)
       VALUES (@code, @local_suffix, @name, @name_folded, @field_id, @service_id, @active, @updated_at, @data)`,
    ),
    update: db.prepare(
      `UPDATE procedures SET code = @code, local_suffix = @local_suffix, name = @name, name_folded = @name_folded, field_id = @field_id,
         service_id = @service_id, active = @active, updated_at = @updated_at, data = @data WHERE id = @id`,
    ),
    ftsDelete: db.prepare<[number]>('DELETE FROM procedures_fts WHERE rowid = ?'),
    ftsInsert: db.prepare<[number, string, string]>('INSERT INTO procedures_fts (rowid, name, body) VALUES (?, ?, ?)'),
    all: db.prepare<[], ProcedureRow>('SELECT * FROM procedures ORDER BY field_id, code'),
    recode: db.prepare<[string, string, number]>('UPDATE procedures SET code = ?, local_suffix = ? WHERE id = ?'),
    list: db.prepare<[number | null, number | null, number], ProcedureRow>(
      `SELECT * FROM procedures WHERE active = 1 AND (? IS NULL OR field_id = ?) ORDER BY field_id, name_folded, id LIMIT ?`,
    ),
  };

  const searches = new Map<number, ReturnType<Db['prepare']>>();
  function searchStatement(wordCount: number) {
    let stmt = searches.get(wordCount);
    if (!stmt) {
      const nameHit = Array.from({ length: wordCount }, (_, i) => `(' ' || p.name_folded) LIKE @w${i}`).join(' AND ');
      stmt = db.prepare(
        `SELECT p.* FROM procedures_fts JOIN procedures p ON p.id = procedures_fts.rowid
          WHERE procedures_fts MATCH @match AND p.active = 1 AND (@fieldId IS NULL OR p.field_id = @fieldId)
          ORDER BY CASE WHEN ${nameHit} THEN 0 ELSE 1 END, CASE WHEN p.name_folded LIKE @phrase THEN 0 ELSE 1 END,
            length(p.name_folded), bm25(procedures_fts, 10.0, 1.0), p.id
          LIMIT @limit`,
      );
      searches.set(wordCount, stmt);
    }
    return stmt;
  }

  return {
    fields: (): FieldRow[] => s.fields.all(),
    fieldByCode: (code: string): FieldRow | undefined => s.fieldByCode.get(code),
    /** A field with its number of procedures, retired ones included. */
    fieldById: (id: number): FieldRow | undefined => s.fieldById.get(id),
    deleteField: (id: number): void => void s.deleteField.run(id),
    upsertField: (f: { code: string; name_vi: string; name_en: string; icon: string; display_order: number }): void => {
      s.insertField.run(f);
    },
    byId: (id: number): ProcedureRow | undefined => s.byId.get(id),
    byCode: (code: string, localSuffix: string): ProcedureRow | undefined => s.byCode.get(code, localSuffix),
    /** Inserts or replaces a procedure (by code + local suffix) and its index entry; returns its id. */
    save(p: ProcedureInput, fieldId: number, serviceId: number | null, at: number): number {
      const row = {
        code: p.code,
        local_suffix: p.localSuffix,
        name: p.name,
        name_folded: foldVietnamese(p.name),
        field_id: fieldId,
        service_id: serviceId,
        active: p.active ? 1 : 0,
        updated_at: at,
        data: JSON.stringify(p),
      };
      const existing = s.byCode.get(p.code, p.localSuffix);
      const id = existing ? existing.id : Number(s.insert.run(row).lastInsertRowid);
      if (existing) {
        s.update.run({ ...row, id });
        s.ftsDelete.run(id);
      }
      s.ftsInsert.run(id, row.name_folded, bodyText(p));
      return id;
    },
    list: (fieldId: number | null, limit: number): ProcedureRow[] => s.list.all(fieldId, fieldId, limit),
    /** Every procedure, retired ones included (export). */
    all: (): ProcedureRow[] => s.all.all(),
    /** Changes the code of a procedure before it is saved under the new code. */
    recode: (id: number, code: string, localSuffix: string): void => {
      s.recode.run(code, localSuffix, id);
    },
    /**
     * Ranked prefix search on folded words: procedures whose name holds every word first; among them, names holding
     * the words as typed (a phrase), shorter names (closer matches); then BM25 with the name weighted ten times.
     */
    search(words: readonly string[], fieldId: number | null, limit: number): ProcedureRow[] {
      if (words.length === 0) return [];
      const params: Record<string, unknown> = { match: words.map((w) => `"${w}"*`).join(' '), phrase: `%${words.join(' ')}%`, fieldId, limit };
      for (const [i, w] of words.entries()) params[`w${i}`] = `% ${w}%`;
      return searchStatement(words.length).all(params) as ProcedureRow[];
    },
  };
}

export type CatalogSearchRepository = ReturnType<typeof catalogSearchRepository>;
