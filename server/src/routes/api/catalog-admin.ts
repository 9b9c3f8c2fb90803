import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { CatalogFileSchema, ProcedureInputSchema, ProcedureSchema } from '@shared/schemas/procedure';
import { actorOf } from '../../plugins/auth';
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
const ImportErrorSchema = Type.Object({ sheet: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String() });
const ImportResultSchema = Type.Object({ fields: Type.Integer(), procedures: Type.Integer(), skipped: Type.Integer(), errors: Type.Array(ImportErrorSchema) });

/** Catalog administration (admin role): edit procedures, import and export the whole catalog as JSON. */
const catalogAdmin: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allow: Allow.admin };
  const tags = ['admin', 'procedures'];
  app.get(
    '/admin/catalog/export',
    { config, schema: { tags, summary: 'The whole catalog, retired procedures included, in the import format', response: { 200: CatalogFileSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.repos.audit.write(app.hub.ctx.now(), actorOf(request), { action: 'catalog.export' });
      reply.header('content-disposition', 'attachment; filename="thu-tuc-hanh-chinh.json"');
      return app.hub.catalog.exportAll();
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
