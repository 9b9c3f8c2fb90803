import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { fail } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

/** The office logo: public image for the screens; admins upload (data URL) or remove it. */
const logo: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/office/logo',
    {
      config: { allow: Allow.everyone },
      schema: {
        tags: ['office'],
        summary: 'The office logo (PNG, JPEG or WebP)',
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const image = app.hub.logo.get() ?? fail('NOT_FOUND');
      return reply.type(image.type).header('cache-control', request.query.v ? 'public, max-age=31536000, immutable' : 'no-cache').send(image.bytes);
    },
  );
  app.put(
    '/admin/logo',
    {
      config: { allow: Allow.admin },
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['admin'],
        summary: 'Set the office logo from a data URL (PNG, JPEG or WebP, at most 256 KB)',
        body: Type.Object({ dataUrl: Type.String({ maxLength: 400_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ logoVersion: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ logoVersion: app.hub.logo.set(request.body.dataUrl, actorOf(request)) }),
  );
  app.delete(
    '/admin/logo',
    { config: { allow: Allow.admin }, schema: { tags: ['admin'], summary: 'Remove the office logo', response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.logo.remove(actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default logo;
