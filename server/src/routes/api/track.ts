import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { TrackedTicketSchema, TrackParamsSchema } from '@shared/schemas/track';
import { ERROR_RESPONSES } from '../schemas';

/**
 * Public ticket tracking by the unguessable id printed as the ticket's QR (96 random bits: not enumerable, so no
 * per-address limit, which would lock out a whole office Wi-Fi behind one address). Nothing personal is returned.
 */
const track: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/track/:trackingId',
    {
      config: { allow: Allow.everyone },
      schema: {
        tags: ['tracking'],
        summary: 'A ticket as its holder sees it: number, service, status, people ahead, wait estimate, counter when called',
        params: TrackParamsSchema,
        response: { 200: TrackedTicketSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      // A phone re-reads this on every reconnect: never serve it from a cache.
      void reply.header('cache-control', 'no-store');
      return app.hub.track.get(request.params.trackingId);
    },
  );
};
export default track;
