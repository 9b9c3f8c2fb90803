import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { AdminProcedureSummarySchema, CatalogFileSchema, FieldInputSchema, FieldSchema, ProcedureInputSchema, ProcedureSchema } from '@shared/schemas/procedure';
import { actorOf } from '../../plugins/auth';
import { fail } from '../../errors';
import { catalogToSheets, SHEET_NAMES } from '../../services/catalog-sheets';
import { csvToSheet, sheetsToXlsx, sheetToCsv, XLSX_TYPE, xlsxToSheets } from '../../services/catalog-spreadsheet';
import { ERROR_RESPONSES } from '../schemas';

const ImportBodySchema = Type.Object(
  {
    fields: Type.Array(Type.Unknown(), { maxItems: 500 }),
    procedures: Type.Array(Type.Unknown(), { maxItems: 10000 }),
    /** Import the valid rows and report the others, instead of importing nothing. */
    skipInvalid: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const ExportQuerySchema = Type.Object(
  {
    format: Type.Union([Type.Literal('json'), Type.Literal('xlsx'), Type.Literal('csv')], { default: 'json' }),
    /** CSV holds one sheet per file: which one. */
    sheet: Type.Union([Type.Literal('procedures'), Type.Literal('documents'), Type.Literal('fields')], { default: 'procedures' }),
  },
  { additionalProperties: false },
);
const SkipQuerySchema = Type.Object({ skipInvalid: Type.Boolean({ default: false }) }, { additionalProperties: false });
const CsvImportBodySchema = Type.Object(
  {
    procedures: Type.String({ minLength: 1, maxLength: 8_000_000 }),
    documents: Type.String({ maxLength: 8_000_000 }),
    fields: Type.Optional(Type.String({ maxLength: 1_000_000 })),
    skipInvalid: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const IMPORT_LIMIT = 20 * 1024 * 1024;
const ImportErrorSchema = Type.Object({ sheet: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String() });
const ImportResultSchema = Type.Object({ fields: Type.Integer(), procedures: Type.Integer(), skipped: Type.Integer(), errors: Type.Array(ImportErrorSchema) });

/** Catalog administration (admin role): edit procedures, import and export the whole catalog as JSON, XLSX or CSV. */
const catalogAdmin: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allow: Allow.admin };
  const tags = ['admin', 'procedures'];
  app.get(
    '/admin/catalog/export',
    {
      config,
      schema: {
        tags,
        summary: 'The whole catalog, retired procedures included: JSON (import format), XLSX (three sheets) or CSV (one sheet per file)',
        querystring: ExportQuerySchema,
        response: { 200: Type.Union([CatalogFileSchema, Type.Unsafe<Buffer>({ type: 'string', format: 'binary' })]), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { format, sheet } = request.query;
      app.hub.repos.audit.write(app.hub.ctx.now(), actorOf(request), { action: 'catalog.export', details: { format, ...(format === 'csv' ? { sheet } : {}) } });
      const file = app.hub.catalog.exportAll();
      if (format === 'json') {
        reply.header('content-disposition', 'attachment; filename="thu-tuc-hanh-chinh.json"');
        return file;
      }
      const sheets = catalogToSheets(file);
      if (format === 'xlsx') {
        reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="thu-tuc-hanh-chinh.xlsx"');
        return reply.send(await sheetsToXlsx(sheets));
      }
      const ascii = { procedures: 'thu-tuc', documents: 'thanh-phan-ho-so', fields: 'linh-vuc' }[sheet];
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ascii}.csv"`);
      return reply.send(Buffer.from(sheetToCsv(sheets[sheet] ?? []), 'utf8'));
    },
  );
  // An XLSX workbook arrives as the raw request body (no multipart: a file input's File is sent as is).
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
  app.post(
    '/admin/catalog/import/xlsx',
    {
      config,
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: `Import an XLSX workbook (sheets "${SHEET_NAMES.procedures}", "${SHEET_NAMES.documents}", optional "${SHEET_NAMES.fields}") sent as the raw body with content type ${XLSX_TYPE}`,
        querystring: SkipQuerySchema,
        response: { 200: ImportResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) fail('VALIDATION_FAILED', { field: 'body', message: `Gửi tệp .xlsx làm nội dung yêu cầu (content-type ${XLSX_TYPE}).` });
      const sheets = await xlsxToSheets(request.body);
      return app.hub.catalog.importSheets(sheets, request.query.skipInvalid, actorOf(request), 'xlsx');
    },
  );
  app.post(
    '/admin/catalog/import/csv',
    {
      config,
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: 'Import the catalog from CSV files (the text of each sheet: procedures, documents, optional fields)',
        body: CsvImportBodySchema,
        response: { 200: ImportResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { procedures, documents, fields, skipInvalid } = request.body;
      const sheets = { procedures: csvToSheet(procedures), documents: csvToSheet(documents), fields: fields ? csvToSheet(fields) : null };
      return app.hub.catalog.importSheets(sheets, skipInvalid ?? false, actorOf(request), 'csv');
    },
  );
  app.post(
    '/admin/catalog/import',
    {
      config,
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import fields and procedures (upsert by code); nothing is imported when a row is invalid unless skipInvalid',
        body: ImportBodySchema,
        response: { 200: ImportResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => app.hub.catalog.importFile(request.body, request.body.skipInvalid ?? false, actorOf(request)),
  );
  app.get(
    '/admin/procedures',
    { config, schema: { tags, summary: 'Every procedure, retired ones included', response: { 200: Type.Array(AdminProcedureSummarySchema), ...ERROR_RESPONSES } } },
    async () => app.hub.catalog.adminList(),
  );
  app.put(
    '/admin/fields',
    { config, schema: { tags, summary: 'Add or edit a field (lĩnh vực) by its code: names, icon, order', body: FieldInputSchema, response: { 200: FieldSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.catalog.saveField(request.body, actorOf(request)),
  );
  app.delete(
    '/admin/fields/:id',
    { config, schema: { tags, summary: 'Remove a field that holds no procedure (409 FIELD_IN_USE otherwise)', params: IdParamsSchema, response: { 204: Type.Null(), ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.catalog.deleteField(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/admin/procedures/:id',
    { config, schema: { tags, summary: 'A procedure for editing (retired ones included)', params: IdParamsSchema, response: { 200: ProcedureSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.catalog.get(request.params.id, true),
  );
  app.post(
    '/admin/procedures',
    { config, schema: { tags, summary: 'Add a procedure', body: ProcedureInputSchema, response: { 201: ProcedureSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(app.hub.catalog.save(null, request.body, actorOf(request))),
  );
  app.put(
    '/admin/procedures/:id',
    { config, schema: { tags, summary: 'Edit or retire (active: false) a procedure', params: IdParamsSchema, body: ProcedureInputSchema, response: { 200: ProcedureSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.catalog.save(request.params.id, request.body, actorOf(request)),
  );
};
export default catalogAdmin;
