import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { HealthSchema } from '@shared/schemas/queue';
import { version } from '../../version';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { config: { allow: Allow.everyone }, schema: { tags: ['system'], summary: 'Liveness', response: { 200: HealthSchema } } }, async () => ({
    status: 'ok' as const,
    version,
  }));
};
export default health;
