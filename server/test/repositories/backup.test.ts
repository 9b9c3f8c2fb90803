import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName } from '../../src/backup';
import { openDatabase } from '../../src/db';
import { buildTestApp, issue } from '../helper';

describe('online backup', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('copies a consistent database while the hub runs, and the copy opens as a hub database', async () => {
    for (let i = 0; i < 5; i++) await issue(t.app, 1);
    const file = await backupDatabase(t.app.db, join(t.config.dir, 'backups'), new Date('2026-11-23T02:03:04Z'));
    expect(file.endsWith('motcua-20261123-020304.db')).toBe(true);
    await issue(t.app, 1); // after the backup: not in it
    const copy = openDatabase(file);
    expect(copy.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 5 });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    copy.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    rmSync(file);
  });

  it('names files by UTC time', () => {
    expect(backupFileName(new Date('2026-01-02T03:04:05Z'))).toBe('motcua-20260102-030405.db');
  });
});
