import { createReadStream, type ReadStream } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { FORM_FILE_TYPES, FormFileNameSchema, FormFileSchema, MAX_FORM_FILE_BYTES } from '@shared/schemas/procedure';
import { fail } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { contentDisposition } from '../../services/catalog-files';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const NameParamsSchema = Type.Object({ name: FormFileNameSchema }, { additionalProperties: false });
const NameQuerySchema = Type.Object({ name: FormFileNameSchema }, { additionalProperties: false });

/**
 * Form templates (mẫu đơn, tờ khai) of procedures' documents: anyone downloads one by its Vietnamese name; admins
 * upload a file as the raw request body (its own content type, or application/octet-stream) and delete unused ones.
 */
const catalogFilesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const raw = (_request: unknown, body: Buffer, done: (err: null, body: Buffer) => void) => done(null, body);
  for (const type of new Set([...Object.values(FORM_FILE_TYPES), 'application/octet-stream'])) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FORM_FILE_BYTES }, raw);
  }
  const admin = { allow: Allow.admin };
  const tags = ['procedures'];
  app.get(
    '/forms/:name',
    {
      config: { allow: Allow.everyone, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Download a form template by its name (Vietnamese file name in Content-Disposition)',
        params: NameParamsSchema,
        response: { 200: Type.Unsafe<ReadStream>({ type: 'string', format: 'binary' }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const file = app.hub.catalog.files.open(request.params.name);
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.name))
        .header('cache-control', 'no-cache')
        .send(createReadStream(file.path));
    },
  );
  app.get(
    '/admin/catalog/files',
    { config: admin, schema: { tags: ['admin', ...tags], summary: 'Form templates and the procedures using each', response: { 200: Type.Array(FormFileSchema), ...ERROR_RESPONSES } } },
    async () => app.hub.catalog.files.list(),
  );
  app.post(
    '/admin/catalog/files',
    {
      config: admin,
      bodyLimit: MAX_FORM_FILE_BYTES,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Upload (or replace) a form template: the file is the raw body; ?name= is its download name',
        querystring: NameQuerySchema,
        response: { 201: FormFileSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) fail('VALIDATION_FAILED', { field: 'body', message: 'Gửi nội dung tệp làm thân yêu cầu.' });
      return reply.code(201).send(app.hub.catalog.files.upload(request.query.name, request.body, actorOf(request)));
    },
  );
  app.delete(
    '/admin/catalog/files/:id',
    { config: admin, schema: { tags: ['admin', ...tags], summary: 'Delete a form template no procedure uses', params: IdParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.catalog.files.remove(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default catalogFilesRoutes;
