import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { ProvinceLinkInputSchema, ProvinceLinkSchema } from '@shared/schemas/province';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const admin = { allow: Allow.admin };
const tags = ['province'];

/** The office admin's link to the province hub (issue 21): connect with the province's token, see its state, disconnect. */
const provinceLink: FastifyPluginAsyncTypebox = async (app) => {
  const { provinceLink: link } = app.hub;
  app.get(
    '/admin/province',
    { config: admin, schema: { tags, summary: 'The link to the province hub: state, last sync, events not yet sent', response: { 200: ProvinceLinkSchema, ...ERROR_RESPONSES } } },
    async () => link.status(),
  );
  app.put(
    '/admin/province',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Connect to the province hub: the enrolment token is exchanged for the office credential (kept on the hub, never shown)',
        body: ProvinceLinkInputSchema,
        response: { 200: ProvinceLinkSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => link.connect(request.body, actorOf(request)),
  );
  app.delete(
    '/admin/province',
    { config: admin, schema: { tags, summary: 'Disconnect from the province hub (events not yet sent are dropped)', response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      link.disconnect(actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default provinceLink;
