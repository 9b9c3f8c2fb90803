import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { AuditEntrySchema, AuditQuerySchema } from '@shared/schemas/audit';
import { ERROR_RESPONSES } from '../schemas';

const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/audit',
    {
      config: { allow: Allow.supervisor },
      schema: { tags: ['admin'], summary: 'Search the audit log, newest first', querystring: AuditQuerySchema, response: { 200: Type.Array(AuditEntrySchema), ...ERROR_RESPONSES } },
    },
    async (request) => {
      const q = request.query;
      return app.hub.repos.audit
        .search({
          from: q.from ? Date.parse(q.from) : undefined,
          to: q.to ? Date.parse(q.to) : undefined,
          userId: q.userId,
          action: q.action,
          q: q.q,
          limit: q.limit,
          beforeId: q.beforeId,
        })
        .map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          userId: r.user_id,
          username: r.username,
          fullName: r.full_name,
          deviceId: r.device_id,
          ip: r.ip,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          details: r.details === null ? null : (JSON.parse(r.details) as unknown),
        }));
    },
  );
};
export default audit;
