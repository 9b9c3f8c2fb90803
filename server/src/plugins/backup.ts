import fp from 'fastify-plugin';
import { backupDatabase, pruneBackups } from '../backup';

/** Scheduled online backups (BACKUP_EVERY_HOURS, keeping BACKUP_KEEP), plus one on demand via `app.backupNow()`. */
export default fp(
  async (app) => {
    const { backupDir, backupEveryHours, backupKeep } = app.config;
    async function backupNow(): Promise<string> {
      const file = await backupDatabase(app.db, backupDir);
      pruneBackups(backupDir, backupKeep);
      return file;
    }
    app.decorate('backupNow', backupNow);
    if (backupEveryHours > 0) {
      const timer = setInterval(() => {
        backupNow().then(
          (file) => app.log.info({ file }, 'scheduled backup written'),
          (err: unknown) => app.log.error({ err }, 'scheduled backup failed'),
        );
      }, backupEveryHours * 3600 * 1000);
      timer.unref();
      app.addHook('onClose', async () => clearInterval(timer));
    }
  },
  { name: 'backup', dependencies: ['hub'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes an online backup now and prunes old ones; returns the file path. */
    backupNow(): Promise<string>;
  }
}
