import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import { CatalogFileSchema, ProcedureInputSchema, type CatalogFile, type ProcedureInput } from '@shared/schemas/procedure';
import type { Repositories } from './context';

/**
 * One problem in an import file: which sheet and row, which column, what is wrong (Vietnamese). JSON imports count
 * rows from 1 in each array and name columns by their JSON path; spreadsheets use the sheet's own row numbers and
 * column headers (see catalog-sheets.ts).
 */
export interface ImportError {
  sheet: 'fields' | 'procedures' | 'documents';
  row: number;
  column: string;
  message: string;
}

const FieldRowSchema = CatalogFileSchema.properties.fields.items;

/** A schema violation in plain Vietnamese, saying what the cell should hold. */
export function schemaMessageVi(e: ValueError): string {
  const s = e.schema as TSchema & Record<string, unknown>;
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'Thiếu giá trị bắt buộc.';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'Cột không được hỗ trợ; xin bỏ cột này.';
    case ValueErrorType.StringMinLength:
      return s.minLength === 1 ? 'Không được để trống.' : `Cần ít nhất ${String(s.minLength)} ký tự.`;
    case ValueErrorType.StringMaxLength:
      return `Quá dài: tối đa ${String(s.maxLength)} ký tự.`;
    case ValueErrorType.StringPattern:
      return e.path.endsWith('/code') ? 'Mã thủ tục phải có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số).' : 'Sai định dạng (ngày viết yyyy-mm-dd).';
    case ValueErrorType.String:
      return 'Phải là chữ.';
    case ValueErrorType.Integer:
      return 'Phải là số nguyên.';
    case ValueErrorType.Number:
      return 'Phải là số.';
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return `Không được nhỏ hơn ${String(s.minimum)}.`;
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return `Không được lớn hơn ${String(s.maximum)}.`;
    case ValueErrorType.Boolean:
      return 'Phải là "có" hoặc "không".';
    case ValueErrorType.ArrayMaxItems:
      return `Quá nhiều dòng: tối đa ${String(s.maxItems)}.`;
    case ValueErrorType.Array:
      return 'Phải là một danh sách.';
    case ValueErrorType.Object:
      return 'Phải là một bản ghi.';
    case ValueErrorType.Union: {
      const options = ((s.anyOf as TSchema[] | undefined) ?? []).map((o) => (o as { const?: unknown }).const).filter((v) => typeof v === 'string');
      if (options.length > 0) return `Giá trị không hợp lệ; chọn một trong: ${options.join(', ')}.`;
      // Nullable values: say what the non-empty value must be.
      const kinds = ((s.anyOf as { type?: string }[] | undefined) ?? []).map((o) => o.type);
      if (kinds.includes('integer')) return 'Phải là số nguyên, hoặc để trống.';
      if (kinds.includes('number')) return 'Phải là số, hoặc để trống.';
      if (kinds.includes('string')) return e.path.endsWith('/date') ? 'Ngày phải viết dd/mm/yyyy hoặc yyyy-mm-dd, hoặc để trống.' : 'Phải là chữ, hoặc để trống.';
      return 'Giá trị không hợp lệ.';
    }
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** Every schema problem of `value`, one per path (the first found), in Vietnamese. */
function schemaErrors(schema: TSchema, value: unknown): { path: string; message: string }[] {
  const byPath = new Map<string, string>();
  for (const e of Value.Errors(schema, value)) if (!byPath.has(e.path)) byPath.set(e.path, schemaMessageVi(e));
  return [...byPath].map(([path, message]) => ({ path: path.slice(1) || '(dòng)', message }));
}

/**
 * Checks every row of an import against the schemas and the office's data: field codes must exist (in the file
 * or the database), service codes must be a queue service of the office, national codes unique in the file.
 * Returns the valid rows and every error found (not only the first). The one validator of JSON, CSV, XLSX and the
 * admin form.
 */
export function validateCatalogImport(raw: { fields: unknown[]; procedures: unknown[] }, repos: Repositories) {
  const errors: ImportError[] = [];
  const fields: CatalogFile['fields'] = [];
  raw.fields.forEach((f, i) => {
    const errs = schemaErrors(FieldRowSchema, f);
    if (errs.length === 0) fields.push(f as CatalogFile['fields'][number]);
    for (const e of errs) errors.push({ sheet: 'fields', row: i + 1, column: e.path, message: e.message });
  });
  const fieldCodes = new Set([...fields.map((f) => f.code), ...repos.catalogSearch.fields().map((f) => f.code)]);
  const serviceCodes = new Set(repos.catalog.services().map((s) => s.code));
  const seen = new Set<string>();
  const procedures: ProcedureInput[] = [];
  raw.procedures.forEach((p, i) => {
    const row = i + 1;
    const errs: ImportError[] = schemaErrors(ProcedureInputSchema, p).map((e) => ({ sheet: 'procedures', row, column: e.path, message: e.message }));
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
