import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { CounterStateSchema } from '@shared/schemas/counter';
import { TicketRefBodySchema, TicketReplySchema } from '@shared/schemas/ticket';
import { actorOf, staffOf } from '../../plugins/auth';
import type { CounterService } from '../../services/counter-service';
import { ERROR_RESPONSES } from '../schemas';

/** Console actions with no body: path segment → service method. */
const ACTIONS: [string, keyof Pick<CounterService, 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'park'>, string][] = [
  ['call-next', 'callNext', 'Call the next ticket by the calling policy (finishes the current one)'],
  ['recall', 'recall', 'Announce the current ticket again'],
  ['start', 'start', 'The citizen arrived: start serving'],
  ['finish', 'finish', 'Served: finish the current ticket'],
  ['no-show', 'noShow', 'The citizen did not come'],
  ['park', 'park', 'Put the current ticket on hold at this counter'],
];

const counters: FastifyPluginAsyncTypebox = async (app) => {
  const CounterReply = Type.Object({ counter: CounterStateSchema });
  app.get(
    '/counters',
    { config: { allow: Allow.staff }, schema: { tags: ['counters'], summary: 'Counters and who works there', response: { 200: Type.Array(CounterStateSchema), ...ERROR_RESPONSES } } },
    async () => app.hub.queue.readToday((queueDay) => app.hub.queue.counterStates(queueDay)),
  );
  app.post(
    '/counters/:id/open',
    {
      config: { allow: Allow.staff },
      schema: { tags: ['counters'], summary: 'Sign in to a counter (one staff member per counter)', params: IdParamsSchema, response: { 200: CounterReply, ...ERROR_RESPONSES } },
    },
    async (request) => {
      return { counter: app.hub.counters.open(request.params.id, actorOf(request), staffOf(request).sessionId) };
    },
  );
  app.post(
    '/counters/:id/close',
    {
      config: { allow: Allow.staff },
      schema: { tags: ['counters'], summary: 'Leave a counter', params: IdParamsSchema, response: { 200: CounterReply, ...ERROR_RESPONSES } },
    },
    async (request) => ({ counter: app.hub.counters.close(request.params.id, actorOf(request)) }),
  );
  for (const [path, method, summary] of ACTIONS) {
    app.post(
      `/counters/:id/${path}`,
      { config: { allow: Allow.staff }, schema: { tags: ['counters'], summary, params: IdParamsSchema, response: { 200: TicketReplySchema, ...ERROR_RESPONSES } } },
      async (request) => ({ ticket: app.hub.counters[method](request.params.id, actorOf(request)) }),
    );
  }
  app.post(
    '/counters/:id/call',
    {
      config: { allow: Allow.staff },
      schema: {
        tags: ['counters'],
        summary: 'Call a specific waiting or parked ticket out of order',
        params: IdParamsSchema,
        body: TicketRefBodySchema,
        response: { 200: TicketReplySchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ ticket: app.hub.counters.callSpecific(request.params.id, request.body.ticketId, actorOf(request)) }),
  );
};
export default counters;
