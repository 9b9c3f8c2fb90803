import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';

/** Names of backup files: motcua-YYYYMMDD-HHMMSS.db (UTC). */
export const BACKUP_NAME = /^motcua-\d{8}-\d{6}\.db$/;

/** File name of a backup taken at `at`. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `motcua-${stamp}.db`;
}

/** A backup file on disk. */
export interface BackupFile {
  name: string;
  size: number;
  createdAt: string;
}

/**
 * Online backup with SQLite's backup API (better-sqlite3 `backup()`): consistent while the hub keeps
 * issuing tickets. Returns the path written. The copy holds every citizen's data: it is created 0600 (its folder
 * 0700 when the hub creates it) before SQLite writes into it.
 */
export async function backupDatabase(db: Db, dir: string, at = new Date()): Promise<string> {
  ensurePrivateDir(dir);
  const dest = join(dir, backupFileName(at));
  ensurePrivateFile(dest);
  await db.backup(dest);
  return dest;
}

/** Backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((name) => {
      const st = statSync(join(dir, name));
      return { name, size: st.size, createdAt: st.mtime.toISOString() };
    });
}

/** Deletes all but the `keep` newest backups; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const b of old) rmSync(join(dir, b.name));
  return old.map((b) => b.name);
}
