import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { CounterStateSchema } from '@shared/schemas/counter';
import { MonitorSnapshotSchema } from '@shared/schemas/monitor';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

/**
 * The supervisor's live monitor. The state is pushed over Socket.IO (`monitor:watch` / `monitor:updated`); this GET is
 * the same state over HTTP. Actions on tickets reuse /api/tickets/:id/{transfer,cancel,reactivate}.
 */
const monitor: FastifyPluginAsyncTypebox = async (app) => {
  app.hub.monitor.setErrorHandler((err) => app.log.error({ err }, 'monitor push failed'));
  app.addHook('onClose', async () => app.hub.monitor.stop());

  app.get(
    '/monitor',
    {
      config: { allow: Allow.supervisor },
      schema: { tags: ['monitor'], summary: 'Live state: waiting per service, counters, wait alerts', response: { 200: MonitorSnapshotSchema, ...ERROR_RESPONSES } },
    },
    async () => app.hub.monitor.snapshot(),
  );
  app.post(
    '/monitor/counters/:id/close',
    {
      config: { allow: Allow.supervisor },
      schema: {
        tags: ['monitor'],
        summary: 'Close a counter someone left open: a ticket in service is finished, a called one goes back to the queue',
        params: IdParamsSchema,
        response: { 200: Type.Object({ counter: CounterStateSchema }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ counter: app.hub.counters.close(request.params.id, actorOf(request), true) }),
  );
};
export default monitor;
