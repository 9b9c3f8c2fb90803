import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { fail } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { BACKUP_NAME, listBackups } from '../../backup';
import { ERROR_RESPONSES } from '../schemas';

const BackupSchema = Type.Object({ name: Type.String(), size: Type.Integer(), createdAt: Type.String({ format: 'date-time' }) });
const NameParams = Type.Object({ name: Type.String({ pattern: BACKUP_NAME.source }) }, { additionalProperties: false });

/** Database backups: list, take one now, download. Restore is an offline step (README). */
const backups: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allow: Allow.admin };
  const tags = ['admin'];
  app.get('/admin/backups', { config, schema: { tags, summary: 'Backups on the hub, newest first', response: { 200: Type.Array(BackupSchema), ...ERROR_RESPONSES } } }, async () =>
    listBackups(app.config.backupDir),
  );
  app.post(
    '/admin/backups',
    { config, schema: { tags, summary: 'Take an online backup now', response: { 201: BackupSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const file = await app.backupNow();
      app.hub.repos.audit.write(app.hub.ctx.now(), actorOf(request), { action: 'admin.backup', targetType: 'backup', targetId: basename(file) });
      const made = listBackups(app.config.backupDir).find((b) => b.name === basename(file)) ?? fail('NOT_FOUND');
      return reply.code(201).send(made);
    },
  );
  app.get(
    '/admin/backups/:name',
    {
      config,
      schema: {
        tags,
        summary: 'Download a backup file',
        params: NameParams,
        response: { 200: Type.Unsafe<NodeJS.ReadableStream>({ type: 'string', format: 'binary', description: 'SQLite database file' }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!listBackups(app.config.backupDir).some((b) => b.name === request.params.name)) fail('NOT_FOUND');
      app.hub.repos.audit.write(app.hub.ctx.now(), actorOf(request), { action: 'admin.backup_download', targetType: 'backup', targetId: request.params.name });
      return reply
        .type('application/vnd.sqlite3')
        .header('content-disposition', `attachment; filename="${request.params.name}"`)
        .send(createReadStream(join(app.config.backupDir, request.params.name)));
    },
  );
};
export default backups;
