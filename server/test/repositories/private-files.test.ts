import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/backup';
import { openDatabase } from '../../src/db';
import { verifyPassword } from '../../src/passwords';
import { freePort } from '../durability/hub-process';
import { buildTestApp, login, TEST_PASSWORD } from '../helper';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Luật 91/2025/QH15: the files holding citizens' data are the hub user's only; the demo's accounts are salted apart. */
describe('private files and seeded accounts', () => {
  let dir: string;
  const saved = process.umask();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-private-'));
    // The usual umask of a desktop session: files 0644, folders 0755 unless the hub says otherwise.
    process.umask(0o022);
  });
  afterEach(() => {
    process.umask(saved);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database, its WAL and shared memory 0600 in folders it creates 0700', () => {
    const file = join(dir, 'a', 'b', 'motcua.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    expect([mode(join(dir, 'a')), mode(join(dir, 'a', 'b'))]).toEqual([0o700, 0o700]);
    db.close();
  });

  it('tightens a world-readable database and WAL left by an older version, and leaves an existing folder alone', () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x)');
    chmodSync(file, 0o644);
    chmodSync(`${file}-wal`, 0o644);
    chmodSync(dir, 0o755);
    const db = openDatabase(file);
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    expect(mode(dir)).toBe(0o755);
    db.close();
    old.close();
  });

  it('writes backups 0600 into a backup folder it creates 0700, on demand through the API as well', async () => {
    const db = openDatabase(join(dir, 'motcua.db'));
    const file = await backupDatabase(db, join(dir, 'backups'));
    expect(mode(file)).toBe(0o600);
    expect(mode(join(dir, 'backups'))).toBe(0o700);
    // The copy is a real database.
    expect(new Database(file, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const t = await buildTestApp();
    try {
      const made = await t.app.inject({ method: 'POST', url: '/api/admin/backups', headers: { cookie: await login(t.app, 'admin') } });
      expect(made.statusCode).toBe(201);
      expect(mode(join(t.config.backupDir, (made.json() as { name: string }).name))).toBe(0o600);
      expect(mode(t.config.backupDir)).toBe(0o700);
      expect(mode(t.config.dbFile)).toBe(0o600);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('gives every seeded account its own salt, each hash checking the demo password', async () => {
    const t = await buildTestApp();
    try {
      const rows = t.app.db.prepare('SELECT username, password_hash FROM users ORDER BY id').all() as { username: string; password_hash: string }[];
      expect(rows.length).toBe(6);
      const salts = rows.map((r) => r.password_hash.split('$')[4]);
      expect(new Set(salts).size).toBe(rows.length);
      expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
      for (const r of rows) expect(await verifyPassword(TEST_PASSWORD, r.password_hash)).toBe(true);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the hub started as `npm start` runs it never prints a DEMO_PASSWORD it was given, and makes its files private', async () => {
    const port = await freePort();
    const secret = 'Bi-mat-Cua-Van-Phong-42';
    const dbFile = join(dir, 'data', 'motcua.db');
    writeFileSync(join(dir, 'marker'), '');
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('server/src/server.ts')], {
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve('server/tsconfig.json'), PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, DEMO_PASSWORD: secret, STATIC_DIR: join(dir, 'no-dist'), BACKUP_DIR: join(dir, 'data', 'backups'), BACKUP_EVERY_HOURS: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!out.includes('Mật khẩu chung') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('Tài khoản: admin, giamsat');
      expect(out).toContain('Mật khẩu chung: giá trị DEMO_PASSWORD đã đặt');
      expect(out).not.toContain(secret);
      expect([mode(dbFile), mode(`${dbFile}-wal`), mode(join(dir, 'data'))]).toEqual([0o600, 0o600, 0o700]);
      // The password works: it was taken, just not shown.
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo1', password: secret }) });
      expect(res.status).toBe(200);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect(out).not.toContain(secret);
  }, 90_000);
});
