import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile, tightenExisting } from './private-files';

/** The synchronous better-sqlite3 connection type used everywhere on the server. */
export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Opens the database with the durability settings a paper ticket needs: WAL and synchronous=FULL
 * (a committed ticket survives power loss), foreign keys on, then applies pending migrations.
 * The file is created 0600 before SQLite opens it (its directory 0700 when the hub creates it): SQLite gives the
 * -wal and -shm files the database file's mode, so they are private from their creation on.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // A database made by an older version may have world-readable companions: tighten them too.
  if (file !== ':memory:') tightenExisting([`${file}-wal`, `${file}-shm`]);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Applies `server/migrations/NNN-name.sql` files above `PRAGMA user_version` (up to `upTo`: a test builds an older
 * schema to upgrade), each in its own transaction.
 */
export function migrate(db: Db, upTo = Number.POSITIVE_INFINITY): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (version <= current || version > upTo) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
