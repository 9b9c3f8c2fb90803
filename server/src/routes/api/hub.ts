import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { ERROR_RESPONSES } from '../schemas';

/** What a screen needs to know before anything else: which kind of hub answered (an office's, or the province's). */
const hub: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/hub',
    {
      config: { allow: Allow.everyone },
      schema: {
        tags: ['health'],
        summary: 'The hub\'s role (office or province) and name',
        response: { 200: Type.Object({ role: Type.Union([Type.Literal('office'), Type.Literal('province')]), name: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ role: app.config.role, name: app.hub.queue.settings().name }),
  );
};
export default hub;
