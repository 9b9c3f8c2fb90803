import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, Nullable, StringEnum } from './common';

/** Government level of a procedure (no district level since 1/7/2025). */
export const ProcedureLevel = { COMMUNE: 'xa', PROVINCE: 'tinh', CENTRAL: 'trung_uong' } as const;
/** Mechanism: one-stop, or inter-agency one-stop. */
export const Mechanism = { ONE_STOP: 'mot_cua', INTER_AGENCY: 'lien_thong' } as const;
/** Online service level (Nghị định 42/2022): fully online, partly online, or none. */
export const OnlineLevel = { FULL: 'toan_trinh', PARTIAL: 'mot_phan', NONE: 'khong' } as const;
/** How the processing time is counted (domain.md §4). */
export const TimeKind = { WORKING_DAYS: 'working_days', CALENDAR_DAYS: 'calendar_days', HOURS: 'hours', SAME_DAY: 'same_day' } as const;

/** Processing time: the listing's own words plus a machine-readable value for due dates. */
export const ProcessingTimeSchema = Type.Object(
  {
    /** As published, e.g. "03 ngày làm việc; trường hợp phải xác minh không quá 05 ngày làm việc". */
    text: Type.String({ minLength: 1, maxLength: 500 }),
    kind: StringEnum(Object.values(TimeKind)),
    /** Days or hours for the normal case; null when the listing gives none. */
    value: Nullable(Type.Number({ minimum: 0, maximum: 400 })),
    /** Same-day procedures received after 15:00 are due the next working day (NĐ 23/2015 Điều 7). */
    cutoff15h: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** One fee or charge line. `amount` null when set by the provincial council (HĐND) or variable. */
export const FeeSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    amount: Nullable(Type.Integer({ minimum: 0 })),
    /** e.g. "đồng/trang", "đồng/lần", "đồng/bản sao". */
    unit: Type.String({ maxLength: 60 }),
    note: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** One required document. */
export const RequiredDocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    originals: Type.Integer({ minimum: 0, maximum: 20 }),
    copies: Type.Integer({ minimum: 0, maximum: 20 }),
    note: Type.String({ maxLength: 500 }),
    /** File name of a downloadable form template, if any. */
    formFile: Nullable(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** A legal basis document. */
export const LegalBasisSchema = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 80 }),
    summary: Type.String({ maxLength: 500 }),
    date: Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
    issuer: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** A field (lĩnh vực) grouping procedures. */
export const FieldSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  icon: Type.String(),
  displayOrder: Type.Integer(),
  procedureCount: Type.Integer({ minimum: 0 }),
});
export type Field = Static<typeof FieldSchema>;

/** The editable content of a procedure (also the row format of import/export). */
export const ProcedureInputSchema = Type.Object(
  {
    /** National code from the national TTHC database, e.g. "1.001193". */
    code: Type.String({ pattern: '^[0-9]\\.[0-9]{6}$' }),
    /** Provincial instance suffix, e.g. "000.00.00.H56", or "". */
    localSuffix: Type.String({ maxLength: 40 }),
    name: Type.String({ minLength: 3, maxLength: 500 }),
    fieldCode: Type.String({ minLength: 1, maxLength: 40 }),
    level: StringEnum(Object.values(ProcedureLevel)),
    implementingAgency: Type.String({ maxLength: 300 }),
    competentAgency: Type.String({ maxLength: 300 }),
    mechanism: StringEnum(Object.values(Mechanism)),
    coordinatingAgencies: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }),
    processingTime: ProcessingTimeSchema,
    fees: Type.Array(FeeSchema, { maxItems: 30 }),
    documents: Type.Array(RequiredDocumentSchema, { maxItems: 60 }),
    steps: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 30 }),
    applicants: Type.String({ maxLength: 500 }),
    result: Type.String({ maxLength: 500 }),
    legalBasis: Type.Array(LegalBasisSchema, { maxItems: 30 }),
    conditions: Type.String({ maxLength: 2000 }),
    onlineLevel: StringEnum(Object.values(OnlineLevel)),
    /** Code of the queue service whose tickets serve this procedure, e.g. "HT"; "" when none. */
    serviceCode: Type.String({ maxLength: 20 }),
    active: Type.Boolean(),
    /** Where the entry comes from and how sure it is (domain.md confidence A/B/C). */
    source: Type.String({ maxLength: 300 }),
  },
  { additionalProperties: false },
);
export type ProcedureInput = Static<typeof ProcedureInputSchema>;

/** A procedure in a result list. */
export const ProcedureSummarySchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  name: Type.String(),
  fieldId: IdSchema,
  processingTime: Type.String(),
  /** The queue service to take a ticket for, if any. */
  serviceId: Nullable(IdSchema),
});
export type ProcedureSummary = Static<typeof ProcedureSummarySchema>;

/** A procedure's full public listing (niêm yết). */
export const ProcedureSchema = Type.Composite([
  Type.Object({ id: IdSchema, fieldId: IdSchema, fieldName: Type.String(), serviceId: Nullable(IdSchema), updatedAt: Type.String({ format: 'date-time' }) }),
  ProcedureInputSchema,
]);
export type Procedure = Static<typeof ProcedureSchema>;

/** `GET /api/procedures` query. */
export const ProcedureQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    fieldId: Type.Optional(IdSchema),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type ProcedureQuery = Static<typeof ProcedureQuerySchema>;

/** A field as edited by the admin and as imported (upsert by code). */
export const FieldInputSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
    nameVi: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ maxLength: 200 }),
    icon: Type.String({ maxLength: 40 }),
    displayOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  },
  { additionalProperties: false },
);
export type FieldInput = Static<typeof FieldInputSchema>;

/** The seed/import file: fields and procedures. */
export const CatalogFileSchema = Type.Object({
  fields: Type.Array(FieldInputSchema),
  procedures: Type.Array(ProcedureInputSchema),
});

/** A procedure in the admin's list: retired ones included. */
export const AdminProcedureSummarySchema = Type.Composite([
  ProcedureSummarySchema,
  Type.Object({ localSuffix: Type.String(), active: Type.Boolean(), updatedAt: Type.String({ format: 'date-time' }) }),
]);
export type AdminProcedureSummary = Static<typeof AdminProcedureSummarySchema>;
export type CatalogFile = Static<typeof CatalogFileSchema>;

/** Form template types an office may attach (mẫu đơn, tờ khai): extension → content type. */
export const FORM_FILE_TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;
/** Largest form template accepted, bytes. */
export const MAX_FORM_FILE_BYTES = 10 * 1024 * 1024;

/** A form template as the admin sees it: which procedures' documents refer to it by name. */
export const FormFileSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  uploadedAt: Type.String({ format: 'date-time' }),
  /** Codes of the procedures whose documents name this file. */
  usedBy: Type.Array(Type.String()),
});
export type FormFile = Static<typeof FormFileSchema>;

/** A form template's download name: Vietnamese allowed, no path, one of FORM_FILE_TYPES' extensions. */
export const FormFileNameSchema = Type.String({ minLength: 5, maxLength: 200, pattern: '^[^/\\\\\\x00-\\x1f]+\\.(pdf|doc|docx|xls|xlsx|odt|PDF|DOC|DOCX|XLS|XLSX|ODT)$' });
