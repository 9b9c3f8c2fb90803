import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { ApplyCatalogSchema, CatalogUpdateStatusSchema } from '@shared/schemas/province-catalog';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

const admin = { allow: Allow.admin };
const tags = ['province', 'procedures'];

/** The office admin's side of the province's published catalog (issue 21): see an update, check for one, apply or schedule it. */
const catalogUpdate: FastifyPluginAsyncTypebox = async (app) => {
  const { catalogUpdate: updates } = app.hub;
  const response = { 200: CatalogUpdateStatusSchema, ...ERROR_RESPONSES };
  app.get(
    '/admin/province/catalog',
    { config: admin, schema: { tags, summary: 'The province catalog edition applied, and a newer one waiting with what it would change', response } },
    async () => updates.status(),
  );
  app.post(
    '/admin/province/catalog/check',
    { config: admin, schema: { tags, summary: 'Ask the province for a newer edition now (nothing new when it cannot be reached)', response } },
    async () => {
      await updates.check();
      return updates.status();
    },
  );
  app.post(
    '/admin/province/catalog/apply',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Apply the pending edition in one transaction, keeping the office\'s services, fields and fee overrides (re-applying changes nothing); before its effective date it is scheduled, and the hub applies it that day',
        body: ApplyCatalogSchema,
        response,
      },
    },
    async (request) => updates.apply(request.body.version, actorOf(request)),
  );
  app.post(
    '/admin/province/catalog/unschedule',
    { config: admin, schema: { tags, summary: 'Cancel the scheduled application of the pending edition', body: ApplyCatalogSchema, response } },
    async (request) => updates.unschedule(request.body.version, actorOf(request)),
  );
};
export default catalogUpdate;
