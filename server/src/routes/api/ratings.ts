import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { RatingBodySchema, RatingReplySchema } from '@shared/schemas/rating';
import { AppError } from '../../errors';
import { ERROR_RESPONSES } from '../schemas';

/**
 * Citizen satisfaction. Public: the citizen's phone (by the ticket's QR) or the counter's rating tablet. A browser
 * carrying a staff session is refused, so a clerk cannot rate on the citizen's behalf from the console. Who is rated
 * (staff member, counter, service) is taken from the ticket by the server.
 */
const ratings: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/ratings',
    {
      config: { allow: Allow.citizen, rateLimit: { max: 60, timeWindow: '1 minute' } },
      onRequest: async (request) => {
        if (request.principal.staff) {
          throw new AppError('FORBIDDEN', 'Cán bộ không thể đánh giá thay công dân. Mời công dân đánh giá trên máy tính bảng tại quầy hoặc bằng mã QR trên phiếu.', {
            reason: 'staff_session',
          });
        }
      },
      schema: {
        tags: ['ratings'],
        summary: 'Rate a served ticket, once (reason required for the unsatisfied levels)',
        body: RatingBodySchema,
        response: { 201: RatingReplySchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(app.hub.ratings.rate(request.body, request.principal.device)),
  );
};
export default ratings;
