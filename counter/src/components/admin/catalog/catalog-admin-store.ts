import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ErrorCode } from '@shared/errors';
import type { AdminProcedureSummary, Field, FieldInput, FormFile, Procedure, ProcedureInput } from '@shared/schemas/procedure';
import { ApiError, errorCodeOf, request, sendRaw } from '@ui/api';
import { useAdminStore } from '../../../stores/admin';

/** One problem of an import, as the hub reports it (sheet, row and column of the file, Vietnamese message). */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}
/** What an import did. */
export interface ImportResult {
  fields: number;
  procedures: number;
  skipped: number;
  errors: ImportProblem[];
}
/** An import's files: a JSON or XLSX file, or the CSV sheets (procedures and documents, fields optional). */
export type ImportFiles = { format: 'json' | 'xlsx'; file: File } | { format: 'csv'; procedures: File; documents: File; fields: File | null };

/** MIME type of an XLSX workbook (the import body's content type). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The problems of a refused import (VALIDATION_FAILED with `details.errors`), or null for any other error. */
export function importProblemsOf(error: unknown): { errors: ImportProblem[]; errorCount: number } | null {
  if (!(error instanceof ApiError) || error.code !== ErrorCode.VALIDATION_FAILED) return null;
  const d = error.details as { errors?: ImportProblem[]; errorCount?: number; message?: string } | undefined;
  if (d?.errors) return { errors: d.errors, errorCount: d.errorCount ?? d.errors.length };
  return { errors: [{ sheet: '', row: 0, column: '', message: d?.message ?? error.message }], errorCount: 1 };
}

/**
 * The procedure catalog's administration (admin role): every procedure (retired ones too), the fields, the form
 * templates; saves and imports throw the hub's ApiError to the dialog that asked, and toast on success.
 * Kept with its section (the catalog's screens are its only users).
 */
export const useCatalogAdminStore = defineStore('catalogAdmin', () => {
  const admin = useAdminStore();
  const procedures = ref<AdminProcedureSummary[]>([]);
  const fields = ref<Field[]>([]);
  const files = ref<FormFile[]>([]);
  const loading = ref(false);
  const loadError = ref<ErrorCode | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const [p, f, ff] = await Promise.all([
        request<AdminProcedureSummary[]>('GET', '/api/admin/procedures'),
        request<Field[]>('GET', '/api/fields'),
        request<FormFile[]>('GET', '/api/admin/catalog/files'),
        admin.services.length ? Promise.resolve() : admin.loadServices(),
      ]);
      procedures.value = p;
      fields.value = f;
      files.value = ff;
    } catch (error) {
      loadError.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  const getProcedure = (id: number) => request<Procedure>('GET', `/api/admin/procedures/${id}`);

  async function saveProcedure(id: number | null, input: ProcedureInput): Promise<Procedure> {
    const saved = await request<Procedure>(id === null ? 'POST' : 'PUT', id === null ? '/api/admin/procedures' : `/api/admin/procedures/${id}`, input);
    admin.notify('catalog.savedToast', { name: saved.name });
    void load();
    return saved;
  }

  async function saveField(input: FieldInput): Promise<Field> {
    const saved = await request<Field>('PUT', '/api/admin/fields', input);
    admin.notify('catalog.fields.savedToast', { name: saved.nameVi });
    fields.value = (await request<Field[]>('GET', '/api/fields')) ?? fields.value;
    return saved;
  }

  /** Removes a field that holds no procedure (the hub refuses one that still does: FIELD_IN_USE). */
  async function deleteField(field: Field): Promise<void> {
    await request<void>('DELETE', `/api/admin/fields/${field.id}`);
    fields.value = fields.value.filter((f) => f.id !== field.id);
    admin.notify('catalog.fields.deletedToast', { name: field.nameVi });
  }

  /** Uploads a form template under `name` (default: the file's own name); replaces a file of the same name. */
  async function uploadFile(file: File, name = file.name): Promise<FormFile> {
    const saved = await sendRaw<FormFile>(`/api/admin/catalog/files?name=${encodeURIComponent(name)}`, file, file.type || 'application/octet-stream');
    files.value = [...files.value.filter((f) => f.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    admin.notify('catalog.files.uploadedToast', { name: saved.name });
    return saved;
  }

  async function deleteFile(file: FormFile): Promise<void> {
    await request<void>('DELETE', `/api/admin/catalog/files/${file.id}`);
    files.value = files.value.filter((f) => f.id !== file.id);
    admin.notify('catalog.files.deletedToast', { name: file.name });
  }

  /** Imports a catalog file (JSON, XLSX, or CSV sheets); throws the hub's ApiError (see importProblemsOf). */
  async function importCatalog(input: ImportFiles, skipInvalid: boolean): Promise<ImportResult> {
    let result: ImportResult;
    if (input.format === 'xlsx') {
      result = await sendRaw<ImportResult>(`/api/admin/catalog/import/xlsx?skipInvalid=${skipInvalid}`, input.file, XLSX_TYPE);
    } else if (input.format === 'csv') {
      const body = { procedures: await input.procedures.text(), documents: await input.documents.text(), skipInvalid, ...(input.fields ? { fields: await input.fields.text() } : {}) };
      result = await request<ImportResult>('POST', '/api/admin/catalog/import/csv', body);
    } else {
      let parsed: { fields?: unknown; procedures?: unknown };
      try {
        parsed = JSON.parse(await input.file.text()) as typeof parsed;
      } catch {
        throw new ApiError(400, ErrorCode.VALIDATION_FAILED, '', { message: 'Tệp không phải JSON hợp lệ.' });
      }
      result = await request<ImportResult>('POST', '/api/admin/catalog/import', { fields: parsed.fields ?? [], procedures: parsed.procedures ?? [], skipInvalid });
    }
    admin.notify('catalog.import.doneToast', { n: result.procedures });
    await load();
    return result;
  }

  return { procedures, fields, files, loading, loadError, load, getProcedure, saveProcedure, saveField, deleteField, uploadFile, deleteFile, importCatalog };
});
