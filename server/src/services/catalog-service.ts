import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { searchTokens } from '@shared/text-fold';
import {
  CatalogFileSchema,
  type AdminProcedureSummary,
  type CatalogFile,
  type FieldInput,
  type Procedure,
  type ProcedureInput,
  type ProcedureSummary,
} from '@shared/schemas/procedure';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import { catalogFiles } from './catalog-files';
import { validateCatalogImport, type ImportError } from './catalog-import';
import { sheetsToCatalog, type CatalogSheets } from './catalog-sheets';
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
  const files = catalogFiles(ctx);
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

  function toProcedure(r: ProcedureRow): Procedure {
    const field = fields().find((f) => f.id === r.field_id);
    return { ...input(r), id: r.id, fieldId: r.field_id, fieldName: field?.nameVi ?? '', serviceId: r.service_id, updatedAt: new Date(r.updated_at).toISOString() };
  }

  /**
   * A procedure's listing; retired ones only when `includeRetired` (admin editing, which also keeps form file names
   * not uploaded yet; the public listing links only the forms that exist).
   */
  function get(id: number, includeRetired = false): Procedure {
    const r = repos.catalogSearch.byId(id);
    if (!r || (r.active !== 1 && !includeRetired)) fail('NOT_FOUND');
    const p = toProcedure(r);
    if (includeRetired) return p;
    const existing = files.names();
    return { ...p, documents: p.documents.map((d) => (d.formFile && !existing.has(d.formFile) ? { ...d, formFile: null } : d)) };
  }

  /** The whole catalog (retired procedures included) in the import format. */
  function exportAll(): CatalogFile {
    const byId = new Map(repos.catalogSearch.fields().map((f) => [f.id, f]));
    return {
      fields: [...byId.values()].map((f) => ({ code: f.code, nameVi: f.name_vi, nameEn: f.name_en, icon: f.icon, displayOrder: f.display_order })),
      procedures: repos.catalogSearch.all().map(input),
    };
  }

  /**
   * Imports fields and procedures (upsert by code). With any invalid row nothing is imported and every error is
   * reported by row and column, unless `skipInvalid` asks to import the valid rows only. `located` carries the rows
   * of a spreadsheet: its own errors (a missing column, a document without its procedure) and the map from the
   * validator's JSON rows to the sheet's rows and headers. A missing column is never skipped.
   */
  function importFile(
    raw: { fields: unknown[]; procedures: unknown[] },
    skipInvalid: boolean,
    actor: StaffActor,
    located?: { errors: ImportError[]; locate: (e: ImportError) => ImportError; format: string },
  ) {
    const checked = validateCatalogImport(raw, repos);
    const errors = [...(located?.errors ?? []), ...(located ? checked.errors.map(located.locate) : checked.errors)];
    const fatal = (located?.errors ?? []).some((e) => e.row <= 1);
    if (errors.length > 0 && (!skipInvalid || fatal)) fail('VALIDATION_FAILED', { errors: errors.slice(0, 500), errorCount: errors.length });
    return db.transaction(() => {
      const counts = load(checked.file);
      repos.audit.write(ctx.now(), actor, { action: 'catalog.import', details: { ...counts, skipped: errors.length, format: located?.format ?? 'json' } });
      return { ...counts, skipped: errors.length, errors: errors.slice(0, 500) };
    })();
  }

  /** Imports the sheets of an XLSX workbook or a set of CSV files (same rules as importFile). */
  function importSheets(sheets: CatalogSheets, skipInvalid: boolean, actor: StaffActor, format: 'xlsx' | 'csv') {
    const { raw, errors, locate } = sheetsToCatalog(sheets);
    return importFile(raw, skipInvalid, actor, { errors, locate, format });
  }

  /** Creates or replaces one procedure (admin form). */
  function save(id: number | null, p: ProcedureInput, actor: StaffActor): Procedure {
    const { file, errors } = validateCatalogImport({ fields: [], procedures: [p] }, repos);
    if (errors.length > 0) fail('VALIDATION_FAILED', { field: errors[0]?.column, message: errors[0]?.message });
    const savedId = db.transaction(() => {
      if (id !== null) {
        const current = repos.catalogSearch.byId(id) ?? fail('NOT_FOUND');
        if (current.code !== p.code || current.local_suffix !== p.localSuffix) {
          if (repos.catalogSearch.byCode(p.code, p.localSuffix)) fail('CONFLICT');
          repos.catalogSearch.recode(id, p.code, p.localSuffix);
        }
      } else if (repos.catalogSearch.byCode(p.code, p.localSuffix)) fail('CONFLICT');
      load(file);
      const row = repos.catalogSearch.byCode(p.code, p.localSuffix) as ProcedureRow;
      repos.audit.write(ctx.now(), actor, { action: id === null ? 'catalog.procedure_create' : 'catalog.procedure_update', targetType: 'procedure', targetId: row.id, details: { code: p.code, name: p.name, active: p.active } });
      return row.id;
    })();
    return toProcedure(repos.catalogSearch.byId(savedId) as ProcedureRow);
  }

  /** Every procedure, retired ones included, for the admin's list (searched on the admin's screen). */
  function adminList(): AdminProcedureSummary[] {
    return repos.catalogSearch.all().map((r) => ({
      ...toSummary(r),
      localSuffix: r.local_suffix,
      active: r.active === 1,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** Adds or edits a field (by code): names, icon, order on the kiosk. */
  function saveField(f: FieldInput, actor: StaffActor) {
    return db.transaction(() => {
      const existed = repos.catalogSearch.fieldByCode(f.code) !== undefined;
      repos.catalogSearch.upsertField({ code: f.code, name_vi: f.nameVi, name_en: f.nameEn, icon: f.icon, display_order: f.displayOrder });
      repos.audit.write(ctx.now(), actor, { action: existed ? 'catalog.field_update' : 'catalog.field_create', targetType: 'field', targetId: f.code, details: { ...f } });
      return fields().find((x) => x.code === f.code) ?? fail('NOT_FOUND');
    })();
  }

  /** Removes a field that holds no procedure (retired ones count: they keep their field for the record). */
  function deleteField(id: number, actor: StaffActor): void {
    db.transaction(() => {
      const f = repos.catalogSearch.fieldById(id) ?? fail('NOT_FOUND');
      if (f.procedure_count > 0) fail('FIELD_IN_USE', { procedures: f.procedure_count });
      repos.catalogSearch.deleteField(id);
      repos.audit.write(ctx.now(), actor, { action: 'catalog.field_delete', targetType: 'field', targetId: f.code, details: { nameVi: f.name_vi } });
    })();
  }

  return { load, fields, search, get, exportAll, importFile, importSheets, save, adminList, saveField, deleteField, files };
}

export type CatalogService = ReturnType<typeof catalogService>;
