import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { searchTokens } from '@shared/text-fold';
import { CatalogFileSchema, type CatalogFile, type Procedure, type ProcedureInput, type ProcedureSummary } from '@shared/schemas/procedure';
import { fail } from '../errors';
import type { ProcedureRow } from '../repositories/catalog-search-repository';
import type { ServiceContext } from './context';

/** The catalog shipped with motcua: the real procedures of domain.md §10. */
export const SEED_CATALOG_FILE = new URL('../../seed/catalog.vi.json', import.meta.url);

/** Reads and validates a catalog file; throws with the first invalid path. */
export function readCatalogFile(file: URL | string): CatalogFile {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Value.Check(CatalogFileSchema, data)) {
    const first = Value.Errors(CatalogFileSchema, data).First();
    throw new Error(`Invalid catalog file at ${first?.path ?? '?'}: ${first?.message ?? ''}`);
  }
  return data;
}

/** Procedure catalog: fields, listings and ranked accent-insensitive search. */
export function catalogService(ctx: ServiceContext) {
  const { repos, db } = ctx;
  const input = (r: ProcedureRow) => JSON.parse(r.data) as ProcedureInput;

  function toSummary(r: ProcedureRow): ProcedureSummary {
    return { id: r.id, code: r.code, name: r.name, fieldId: r.field_id, processingTime: input(r).processingTime.text, serviceId: r.service_id };
  }

  function serviceIdOf(code: string): number | null {
    if (!code) return null;
    return repos.catalog.services().find((s) => s.code === code)?.id ?? null;
  }

  /** Loads fields and procedures (upsert by code); one transaction, all or nothing. */
  function load(file: CatalogFile): { fields: number; procedures: number } {
    return db.transaction(() => {
      for (const f of file.fields) {
        repos.catalogSearch.upsertField({ code: f.code, name_vi: f.nameVi, name_en: f.nameEn, icon: f.icon, display_order: f.displayOrder });
      }
      const at = ctx.now();
      for (const p of file.procedures) {
        const field = repos.catalogSearch.fieldByCode(p.fieldCode) ?? fail('VALIDATION_FAILED', { field: 'fieldCode', message: `Không có lĩnh vực ${p.fieldCode}` });
        repos.catalogSearch.save(p, field.id, serviceIdOf(p.serviceCode), at);
      }
      return { fields: file.fields.length, procedures: file.procedures.length };
    })();
  }

  function fields() {
    return repos.catalogSearch.fields().map((f) => ({
      id: f.id,
      code: f.code,
      nameVi: f.name_vi,
      nameEn: f.name_en,
      icon: f.icon,
      displayOrder: f.display_order,
      procedureCount: f.procedure_count,
    }));
  }

  function search(q: string | undefined, fieldId: number | undefined, limit: number): ProcedureSummary[] {
    const words = searchTokens(q ?? '');
    const rows = words.length > 0 ? repos.catalogSearch.search(words, fieldId ?? null, limit) : repos.catalogSearch.list(fieldId ?? null, limit);
    return rows.map(toSummary);
  }

  function get(id: number): Procedure {
    const r = repos.catalogSearch.byId(id);
    if (!r || r.active !== 1) fail('NOT_FOUND');
    const field = fields().find((f) => f.id === r.field_id);
    return { ...input(r), id: r.id, fieldId: r.field_id, fieldName: field?.nameVi ?? '', serviceId: r.service_id, updatedAt: new Date(r.updated_at).toISOString() };
  }

  return { load, fields, search, get };
}

export type CatalogService = ReturnType<typeof catalogService>;
