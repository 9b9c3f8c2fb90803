import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { TicketHolderSchema } from '@shared/schemas/id-card';
import { IssueTicketBodySchema, IssuedTicketSchema, TicketReplySchema, TransferBodySchema } from '@shared/schemas/ticket';
import { actorOf, staffOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

const tickets: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/tickets',
    {
      // Per device (or per address in open LAN mode): a kiosk issues far fewer than this even on its busiest day.
      config: {
        allow: Allow.kiosk,
        scope: 'tickets:issue',
        rateLimit: app.config.ticketRateLimit > 0 ? { max: app.config.ticketRateLimit, timeWindow: '1 minute', keyGenerator: (r) => (r.principal?.device ? `d${r.principal.device.id}` : r.ip) } : false,
      },
      schema: {
        tags: ['tickets'],
        summary: 'Issue a queue ticket (kiosk). The reply comes only after the ticket is committed.',
        body: IssueTicketBodySchema,
        response: { 201: IssuedTicketSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(await app.hub.tickets.issueSoon(request.body, { deviceId: request.principal.device?.id ?? null })),
  );

  const actor = (request: Parameters<typeof staffOf>[0]) => ({ ...actorOf(request), counterId: staffOf(request).me.counterId });

  app.post(
    '/tickets/:id/transfer',
    {
      config: { allow: Allow.staff },
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
  app.get(
    '/tickets/:id/holder',
    {
      config: { allow: Allow.staff },
      schema: {
        tags: ['tickets'],
        summary: "The masked name scanned at the kiosk for a ticket being called or served (kept in the hub's memory only)",
        params: IdParamsSchema,
        response: { 200: TicketHolderSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ maskedName: app.hub.tickets.holderOf(request.params.id) }),
  );
  app.post(
    '/tickets/:id/reactivate',
    {
      config: { allow: Allow.staff },
      schema: { tags: ['tickets'], summary: 'Put a no-show ticket back in the queue', params: IdParamsSchema, response: { 200: TicketReplySchema, ...ERROR_RESPONSES } },
    },
    async (request) => ({ ticket: app.hub.tickets.reactivate(request.params.id, actor(request)) }),
  );
  app.post(
    '/tickets/:id/cancel',
    {
      config: { allow: Allow.staff },
      schema: { tags: ['tickets'], summary: 'Cancel a ticket', params: IdParamsSchema, response: { 200: TicketReplySchema, ...ERROR_RESPONSES } },
    },
    async (request) => ({ ticket: app.hub.tickets.cancel(request.params.id, actor(request)) }),
  );
};
export default tickets;
