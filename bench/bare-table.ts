// The bare baseline's durable table: one row per request, WAL and synchronous=FULL like the hub. Used by the bare
// insert route (bench/bare-server.ts) and by the WAL-frames count's baseline (bench/wal-frames.ts), so both measure
// the same table.
import Database from 'better-sqlite3';

/** Opens (creating) the bare table in `file`; `insert()` writes one row and returns its id. */
export function openBareTable(file: string): { db: Database.Database; insert: () => number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, service_id INTEGER, at INTEGER)');
  const row = db.prepare('INSERT INTO t (service_id, at) VALUES (?, ?)');
  return { db, insert: () => Number(row.run(1, Date.now()).lastInsertRowid) };
}
