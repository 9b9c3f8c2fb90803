import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema } from '@shared/schemas/common';
import { IssueTicketBodySchema, IssuedTicketSchema, TicketReplySchema, TransferBodySchema } from '@shared/schemas/ticket';
import { staffOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

const tickets: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/tickets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['tickets'],
        summary: 'Issue a queue ticket (kiosk). The reply comes only after the ticket is committed.',
        body: IssueTicketBodySchema,
        response: { 201: IssuedTicketSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(app.hub.tickets.issue(request.body)),
  );

  const actor = (request: Parameters<typeof staffOf>[0]) => {
    const { me } = staffOf(request);
    return { staffId: me.id, counterId: me.counterId };
  };

  app.post(
    '/tickets/:id/transfer',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['tickets'],
        summary: 'Transfer a ticket to another service or to one counter; it keeps its number',
        params: IdParamsSchema,
        body: TransferBodySchema,
        response: { 200: TicketReplySchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ ticket: app.hub.tickets.transfer(request.params.id, request.body, actor(request)) }),
  );
  app.post(
    '/tickets/:id/reactivate',
    {
      config: { access: 'staff' },
      schema: { tags: ['tickets'], summary: 'Put a no-show ticket back in the queue', params: IdParamsSchema, response: { 200: TicketReplySchema, ...ERROR_RESPONSES } },
    },
    async (request) => ({ ticket: app.hub.tickets.reactivate(request.params.id, actor(request)) }),
  );
  app.post(
    '/tickets/:id/cancel',
    {
      config: { access: 'staff' },
      schema: { tags: ['tickets'], summary: 'Cancel a ticket', params: IdParamsSchema, response: { 200: TicketReplySchema, ...ERROR_RESPONSES } },
    },
    async (request) => ({ ticket: app.hub.tickets.cancel(request.params.id, actor(request)) }),
  );
};
export default tickets;
