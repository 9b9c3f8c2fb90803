import { Value } from '@sinclair/typebox/value';
import { CatalogFileSchema, ProcedureInputSchema, type CatalogFile, type ProcedureInput } from '@shared/schemas/procedure';
import type { Repositories } from './context';

/** One problem in an import file: which sheet and row (1-based), which column, what is wrong (Vietnamese). */
export interface ImportError {
  sheet: 'fields' | 'procedures';
  row: number;
  column: string;
  message: string;
}

const FieldRowSchema = CatalogFileSchema.properties.fields.items;

/**
 * Checks every row of an import against the schemas and the office's data: field codes must exist (in the file
 * or the database), service codes must be a queue service of the office, national codes unique in the file.
 * Returns the valid rows and every error found (not only the first).
 */
export function validateCatalogImport(raw: { fields: unknown[]; procedures: unknown[] }, repos: Repositories) {
  const errors: ImportError[] = [];
  const fields: CatalogFile['fields'] = [];
  raw.fields.forEach((f, i) => {
    const errs = [...Value.Errors(FieldRowSchema, f)];
    if (errs.length === 0) fields.push(f as CatalogFile['fields'][number]);
    for (const e of errs) errors.push({ sheet: 'fields', row: i + 1, column: e.path.slice(1) || '(dòng)', message: e.message });
  });
  const fieldCodes = new Set([...fields.map((f) => f.code), ...repos.catalogSearch.fields().map((f) => f.code)]);
  const serviceCodes = new Set(repos.catalog.services().map((s) => s.code));
  const seen = new Set<string>();
  const procedures: ProcedureInput[] = [];
  raw.procedures.forEach((p, i) => {
    const row = i + 1;
    const errs = [...Value.Errors(ProcedureInputSchema, p)].map((e) => ({ sheet: 'procedures' as const, row, column: e.path.slice(1) || '(dòng)', message: e.message }));
    if (errs.length === 0) {
      const proc = p as ProcedureInput;
      const key = `${proc.code}|${proc.localSuffix}`;
      if (!fieldCodes.has(proc.fieldCode)) errs.push({ sheet: 'procedures', row, column: 'fieldCode', message: `Không có lĩnh vực mã "${proc.fieldCode}".` });
      if (proc.serviceCode && !serviceCodes.has(proc.serviceCode)) errs.push({ sheet: 'procedures', row, column: 'serviceCode', message: `Không có dịch vụ xếp hàng mã "${proc.serviceCode}".` });
      if (seen.has(key)) errs.push({ sheet: 'procedures', row, column: 'code', message: `Mã thủ tục ${proc.code} bị trùng trong tệp.` });
      seen.add(key);
      if (errs.length === 0) procedures.push(proc);
    }
    errors.push(...errs);
  });
  return { file: { fields, procedures } satisfies CatalogFile, errors };
}
