import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { backupDatabase, backupFileName, listBackups, pruneBackups } from '../../src/backup';
import { openDatabase } from '../../src/db';
import { buildTestApp, issue, login, testConfig } from '../helper';

describe('backups', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('copies a consistent database while the hub runs, and the copy opens as a hub database', async () => {
    for (let i = 0; i < 5; i++) await issue(t.app, 1);
    const file = await backupDatabase(t.app.db, join(t.config.dir, 'manual'), new Date('2026-11-23T02:03:04Z'));
    expect(file.endsWith('motcua-20261123-020304.db')).toBe(true);
    await issue(t.app, 1); // after the backup: not in it
    const copy = openDatabase(file);
    expect(copy.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 5 });
    copy.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('keeps only the newest backups', async () => {
    const dir = join(t.config.dir, 'prune');
    for (const h of ['01', '02', '03', '04', '05']) await backupDatabase(t.app.db, dir, new Date(`2026-11-23T${h}:00:00Z`));
    expect(pruneBackups(dir, 2)).toEqual(['motcua-20261123-030000.db', 'motcua-20261123-020000.db', 'motcua-20261123-010000.db']);
    expect(listBackups(dir).map((b) => b.name)).toEqual(['motcua-20261123-050000.db', 'motcua-20261123-040000.db']);
    expect(backupFileName(new Date('2026-01-02T03:04:05Z'))).toBe('motcua-20260102-030405.db');
  });

  it('takes a backup on demand, lists it, downloads it, and a fresh hub restored from it finds the data', async () => {
    const admin = await login(t.app, 'admin');
    for (let i = 0; i < 3; i++) await issue(t.app, 2);
    const made = await t.app.inject({ method: 'POST', url: '/api/admin/backups', headers: { cookie: admin } });
    expect(made.statusCode).toBe(201);
    const { name, size } = made.json() as { name: string; size: number };
    expect(name).toMatch(/^motcua-\d{8}-\d{6}\.db$/);
    const list = await t.app.inject({ url: '/api/admin/backups', headers: { cookie: admin } });
    expect(list.json()).toEqual([expect.objectContaining({ name, size })]);
    const download = await t.app.inject({ url: `/api/admin/backups/${name}`, headers: { cookie: admin } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    expect(download.rawPayload.equals(readFileSync(join(t.config.backupDir, name)))).toBe(true);
    expect((await t.app.inject({ url: '/api/admin/backups/..%2Fmotcua.db', headers: { cookie: admin } })).statusCode).toBe(400);

    // Restore (README): stop, put the backup in place of the database, start.
    const restoredConfig = testConfig();
    copyFileSync(join(t.config.backupDir, name), restoredConfig.dbFile);
    const restored = await buildApp({ config: restoredConfig, now: t.clock.now, logger: false });
    const snap = (await restored.inject({ url: '/api/queue/snapshot' })).json() as { waiting: { number: string }[] };
    expect(snap.waiting.map((w) => w.number)).toEqual(['B001', 'B002', 'B003']);
    expect(restored.seedReport).toBeNull();
    expect((await login(restored, 'canbo1')).length).toBeGreaterThan(20);
    await restored.close();
    rmSync(restoredConfig.dir, { recursive: true, force: true });
  });
});
