import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { OfficePublicSchema } from '@shared/schemas/office';
import { FieldSchema, ProcedureQuerySchema, ProcedureSchema, ProcedureSummarySchema } from '@shared/schemas/procedure';
import { ERROR_RESPONSES } from '../schemas';

/** Public listing of procedures (niêm yết công khai) and the office's public details: no sign-in, rate-limited per address. */
const procedures: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allow: Allow.everyone, rateLimit: { max: 600, timeWindow: '1 minute' } };
  const tags = ['procedures'];
  app.get(
    '/office',
    { config, schema: { tags, summary: 'The office\'s public details (name, address, hours, public URL) for the citizen pages', response: { 200: OfficePublicSchema, ...ERROR_RESPONSES } } },
    async () => app.hub.queue.officePublic(),
  );
  app.get('/fields', { config, schema: { tags, summary: 'Fields (lĩnh vực) with their number of procedures', response: { 200: Type.Array(FieldSchema), ...ERROR_RESPONSES } } }, async () =>
    app.hub.catalog.fields(),
  );
  app.get(
    '/procedures',
    {
      config,
      schema: {
        tags,
        summary: 'Search procedures: accent- and case-insensitive prefix words, name matches first',
        querystring: ProcedureQuerySchema,
        response: { 200: Type.Array(ProcedureSummarySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => app.hub.catalog.search(request.query.q, request.query.fieldId, request.query.limit),
  );
  app.get(
    '/procedures/:id',
    { config, schema: { tags, summary: 'A procedure\'s full listing', params: IdParamsSchema, response: { 200: ProcedureSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.catalog.get(request.params.id),
  );
};
export default procedures;
