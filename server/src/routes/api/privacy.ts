import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { DataAccessEntrySchema, DataAccessQuerySchema } from '@shared/schemas/privacy';
import { ERROR_RESPONSES } from '../schemas';

/** Personal data (Luật 91/2025/QH15): the access log. */
const privacy: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['personal data'];
  app.get(
    '/admin/data-access',
    {
      config: { allow: Allow.supervisor },
      schema: { tags, summary: 'Search the log of staff reads of dossiers\' personal fields, newest first', querystring: DataAccessQuerySchema, response: { 200: Type.Array(DataAccessEntrySchema), ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.privacy.accessLog(request.query),
  );
};
export default privacy;
