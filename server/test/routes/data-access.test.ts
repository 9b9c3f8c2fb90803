import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataAccessEntry } from '@shared/schemas/privacy';
import { buildTestApp, count, login, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';

/** Luật 91/2025/QH15: every read of a dossier's personal fields by staff is logged, and a supervisor can search it. */
describe('personal data access log', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  beforeEach(async () => {
    t = await buildTestApp();
    c1 = await staffAtCounter(t.app, 'canbo1', 1);
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  const reads = () =>
    t.app.db.prepare('SELECT r.at, u.username, r.ip, r.dossier_id, r.kind, r.fields FROM personal_data_reads r JOIN users u ON u.id = r.user_id ORDER BY r.id').all() as {
      at: number;
      username: string;
      ip: string;
      dossier_id: number;
      kind: string;
      fields: string;
    }[];

  it('logs who read which dossier, when, how and which fields; writes and the public lookup log no read', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    await t.app.inject({ url: `/api/dossiers/lookup/${d.code}?check=${d.checkCode}` });
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM personal_data_reads')).toBe(0);

    t.clock.advance(60_000);
    expect((await send(t.app, 'GET', `/api/dossiers/${d.id}`, c1)).status).toBe(200);
    const giamsat = await login(t.app, 'giamsat');
    expect((await send(t.app, 'GET', `/api/dossiers/by-code/${d.code.toLowerCase()}`, giamsat)).status).toBe(200);
    const book = await send(t.app, 'GET', '/api/dossiers?from=2026-11-23&to=2026-11-23', c1);
    expect(book.body.map((x: { id: number }) => x.id)).toEqual([d.id]);
    expect((await t.app.inject({ url: '/api/dossiers/book.xlsx?from=2026-11-23&to=2026-11-23', headers: { cookie: c1 } })).statusCode).toBe(200);

    const at = Date.parse('2026-11-23T02:01:00.000Z');
    expect(reads()).toEqual([
      { at, username: 'canbo1', ip: '127.0.0.1', dossier_id: d.id, kind: 'view', fields: 'applicant' },
      { at, username: 'giamsat', ip: '127.0.0.1', dossier_id: d.id, kind: 'view', fields: 'applicant' },
      { at, username: 'canbo1', ip: '127.0.0.1', dossier_id: d.id, kind: 'list', fields: 'name,address,phone' },
      { at, username: 'canbo1', ip: '127.0.0.1', dossier_id: d.id, kind: 'export', fields: 'name,address,phone' },
    ]);
    // A refused read (unknown dossier) logs nothing.
    expect((await send(t.app, 'GET', '/api/dossiers/99999', c1)).status).toBe(404);
    expect(reads()).toHaveLength(4);
  });

  it('a list logs one row per dossier shown (the seeded overdue dossiers)', async () => {
    const overdue = await send(t.app, 'GET', '/api/dossiers/overdue', c1);
    expect(overdue.body.length).toBeGreaterThan(0);
    expect(reads().map((r) => r.dossier_id).sort()).toEqual(overdue.body.map((x: { id: number }) => x.id).sort());
    expect(new Set(reads().map((r) => `${r.username} ${r.kind}`))).toEqual(new Set(['canbo1 list']));
  });

  it('a supervisor searches by dossier code, person, kind and time; staff may not', async () => {
    const { body: a } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const { body: b } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const canbo2 = await staffAtCounter(t.app, 'canbo2', 2);
    await send(t.app, 'GET', `/api/dossiers/${a.id}`, c1);
    t.clock.advance(3_600_000);
    await send(t.app, 'GET', `/api/dossiers/${b.id}`, canbo2);
    await send(t.app, 'GET', `/api/dossiers/${a.id}`, canbo2);
    const sv = await login(t.app, 'giamsat');
    const search = async (qs: string) => {
      const res = await send(t.app, 'GET', `/api/admin/data-access?${qs}`, sv);
      expect(res.status, qs).toBe(200);
      return (res.body as DataAccessEntry[]).map((e) => `${e.userName} ${e.dossierCode} ${e.kind}`);
    };
    expect(await search(`dossierCode=${encodeURIComponent(` ${a.code.toLowerCase()} `)}`)).toEqual([`Lê Thị Bình ${a.code} view`, `Nguyễn Văn An ${a.code} view`]);
    const canbo2Id = (t.app.db.prepare("SELECT id FROM users WHERE username = 'canbo2'").get() as { id: number }).id;
    expect(await search(`userId=${canbo2Id}`)).toEqual([`Lê Thị Bình ${a.code} view`, `Lê Thị Bình ${b.code} view`]);
    expect(await search(`to=${encodeURIComponent('2026-11-23T02:30:00.000Z')}`)).toEqual([`Nguyễn Văn An ${a.code} view`]);
    expect(await search('dossierCode=MOTCUA-261123-0099')).toEqual([]);
    expect(await search('kind=list')).toEqual([]);
    const page = await send(t.app, 'GET', '/api/admin/data-access?limit=2', sv);
    const older = await send(t.app, 'GET', `/api/admin/data-access?limit=2&beforeId=${page.body[1].id}`, sv);
    expect(older.body).toHaveLength(1);
    expect((await send(t.app, 'GET', '/api/admin/data-access', c1)).status).toBe(403);
    expect((await send(t.app, 'GET', '/api/admin/data-access?kind=read', sv)).body.code).toBe('VALIDATION_FAILED');
  });
});
