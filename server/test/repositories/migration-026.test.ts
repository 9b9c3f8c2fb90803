import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db';

/**
 * Migration 026 rebuilds personal_data_reads (a read of a dossier or of a booking): an office upgrading keeps every
 * row of its access log, ids included, and the table then takes booking reads and refuses a row of neither or both.
 */
describe('migration 026 on an access log written before it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-mig-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the rows and their ids; then takes booking reads and refuses neither or both', () => {
    const db = new Database(join(dir, 'old.db'));
    // The rows' parents are left out (users, dossiers, …): foreign keys off, as this checks the copy, not the parents.
    db.pragma('foreign_keys = OFF');
    expect(migrate(db, 25)).toBe(25);
    const insert = db.prepare('INSERT INTO personal_data_reads (id, at, user_id, ip, dossier_id, kind, fields, api_key_id, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const old = [
      [7, 1_000, 3, '10.0.0.5', 11, 'view', 'applicant', null, null],
      [9, 2_000, null, '10.0.0.9', 12, 'list', 'name,address,phone', 4, null],
      [12, 3_000, null, null, 13, 'list', 'status,dates', null, 2],
    ] as const;
    for (const r of old) insert.run(...r);
    expect(migrate(db)).toBeGreaterThanOrEqual(26);
    const cols = 'id, at, user_id, ip, dossier_id, kind, fields, api_key_id, device_id';
    expect(db.prepare(`SELECT ${cols}, appointment_id FROM personal_data_reads ORDER BY id`).raw().all()).toEqual(old.map((r) => [...r, null]));
    db.prepare("INSERT INTO personal_data_reads (at, user_id, appointment_id, kind, fields) VALUES (4000, 3, 21, 'list', 'name,phone')").run();
    expect(() => db.prepare("INSERT INTO personal_data_reads (at, kind, fields) VALUES (5000, 'list', 'x')").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO personal_data_reads (at, dossier_id, appointment_id, kind, fields) VALUES (5000, 1, 2, 'list', 'x')").run()).toThrow(/CHECK constraint/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'personal_data_reads' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['personal_data_reads_appointment', 'personal_data_reads_at', 'personal_data_reads_dossier', 'personal_data_reads_user']);
    db.close();
  });
});
