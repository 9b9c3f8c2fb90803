import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { CatalogEditionSchema, CatalogPublicationSchema, PublishCatalogSchema, PublishedCatalogSchema } from '@shared/schemas/province-catalog';
import { actorOf } from '../../plugins/auth';
import { editionTag } from '../../services/catalog-update-service';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';
import { OFFICE_CREDENTIAL_HEADER } from './province';

/**
 * The province's published catalog (issue 21): its admin publishes the catalog (edited with the catalog admin routes)
 * under a decision; its staff list the editions; an enrolled office's hub fetches the latest one — with the edition
 * it holds in If-None-Match, an unchanged catalog is a 304 without a body.
 */
const provinceCatalog: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['province'];
  const { provinceCatalog: editions, province } = app.hub;
  app.post(
    '/province/catalog/publications',
    {
      config: { allow: Allow.admin },
      schema: {
        tags,
        summary: 'Publish the catalog as it is now: a frozen edition under its decision number and effective date',
        body: PublishCatalogSchema,
        response: { 201: CatalogPublicationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(editions.publish(request.body, actorOf(request))),
  );
  app.get(
    '/province/catalog/publications',
    { config: { allow: Allow.supervisor }, schema: { tags, summary: 'Every published edition, newest first (without content)', response: { 200: Type.Array(CatalogEditionSchema), ...ERROR_RESPONSES } } },
    async () => editions.list(),
  );
  app.get(
    '/province/catalog/latest',
    {
      config: { allow: Allow.everyone },
      schema: {
        tags,
        summary: 'An enrolled office fetches the latest edition with its content (ETag: 304 when If-None-Match names it)',
        response: { 200: PublishedCatalogSchema, 304: NoContentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const header = request.headers[OFFICE_CREDENTIAL_HEADER];
      province.authenticate(typeof header === 'string' ? header : undefined);
      const version = editions.latestVersion();
      if (version > 0 && request.headers['if-none-match'] === editionTag(version)) return reply.code(304).send(null);
      const latest = editions.latest();
      reply.header('etag', editionTag(latest.version)).header('cache-control', 'no-cache');
      return latest;
    },
  );
};
export default provinceCatalog;
