import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { HealthSchema } from '@shared/schemas/queue';
import { version } from '../../version';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { allow: Allow.everyone },
      schema: { tags: ['system'], summary: 'Liveness, and every enabled printer: degraded while one is not online', response: { 200: HealthSchema } },
    },
    async () => {
      const { status, printers } = app.printing.health();
      return { status, version, printers };
    },
  );
};
export default health;
