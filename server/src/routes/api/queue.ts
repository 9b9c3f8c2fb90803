import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { QueueSnapshotSchema } from '@shared/schemas/queue';
import { actorOf } from '../../plugins/auth';
import { ServiceSummarySchema } from '@shared/schemas/service';
import { ERROR_RESPONSES } from '../schemas';

const queue: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/services',
    {
      config: { allow: Allow.everyone, scope: 'queue:read' },
      schema: { tags: ['queue'], summary: 'Active services with waiting counts and estimated waits', response: { 200: Type.Array(ServiceSummarySchema), ...ERROR_RESPONSES } },
    },
    async () => app.hub.queue.readToday((queueDay) => app.hub.queue.serviceSummaries(queueDay)),
  );
  app.get(
    '/queue/snapshot',
    {
      config: { allow: Allow.everyone, scope: 'queue:read' },
      schema: {
        tags: ['queue'],
        summary: 'Everything a screen needs after (re)connecting (priority groups and staff names for staff callers only)',
        response: { 200: QueueSnapshotSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => app.hub.queue.snapshot(request.principal.staff ? 'staff' : 'public'),
  );
  app.post(
    '/admin/reset-day',
    {
      config: { allow: Allow.admin },
      schema: { tags: ['admin'], summary: 'Close today\'s open tickets and restart numbering now', response: { 200: Type.Object({ businessDay: Type.String() }), ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.queue.resetNow(actorOf(request)),
  );
};
export default queue;
