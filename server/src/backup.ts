import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from './db';

/** File name of a backup taken at `at`: motcua-YYYYMMDD-HHMMSS.db (UTC). */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `motcua-${stamp}.db`;
}

/**
 * Online backup with SQLite's backup API (better-sqlite3 `backup()`): consistent while the hub keeps
 * issuing tickets. Returns the path written.
 */
export async function backupDatabase(db: Db, dir: string, at = new Date()): Promise<string> {
  const dest = join(dir, backupFileName(at));
  mkdirSync(dirname(dest), { recursive: true });
  await db.backup(dest);
  return dest;
}
