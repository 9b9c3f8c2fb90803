import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierAction, DossierStatus } from '@shared/schemas/dossier';
import { DOSSIER_TRANSITIONS, maskName, nextDossierStatus } from '../../src/domain/dossier-lifecycle';
import { buildTestApp, count, login } from '../helper';
import { intakeBody, PROC, send } from '../dossier-helper';

const STATUSES: DossierStatus[] = ['received', 'transferred', 'processing', 'supplement_requested', 'result_ready', 'returned', 'refused', 'withdrawn'];

describe('dossier lifecycle rules', () => {
  it('allows exactly the listed moves and nothing from a final status', () => {
    for (const action of Object.keys(DOSSIER_TRANSITIONS) as DossierAction[]) {
      for (const status of STATUSES) {
        const next = nextDossierStatus(action, status, true);
        expect(next !== null, `${action} from ${status}`).toBe(DOSSIER_TRANSITIONS[action].from.includes(status));
      }
    }
    for (const final of ['returned', 'refused', 'withdrawn'] as const) {
      expect((Object.keys(DOSSIER_TRANSITIONS) as DossierAction[]).map((a) => nextDossierStatus(a, final, true))).toEqual(Array(8).fill(null));
    }
    expect(nextDossierStatus('resume', 'supplement_requested', false)).toBe('received');
    expect(nextDossierStatus('resume', 'supplement_requested', true)).toBe('processing');
  });

  it.each([
    ['Nguyễn Văn An', 'N***** V** An'],
    ['Lê Thị Bình', 'L* T** Bình'],
    ['  Hà  ', 'Hà'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('dossier status commands', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  beforeAll(async () => {
    t = await buildTestApp();
    c1 = await login(t.app, 'canbo1');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  }, 60_000);
  const act = (id: number, action: string, payload: object = {}) => send(t.app, 'POST', `/api/dossiers/${id}/${action}`, c1, payload);
  const row = (id: number) => t.app.db.prepare('SELECT status, due_at, updated_at FROM dossiers WHERE id = ?').get(id);

  it('walks received → transferred → processing → supplement → resumed → ready → returned, logging who and when', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS)); // due Thu 26/11 09:00
    expect((await act(d.id, 'transfer', { agency: 'UBND phường', note: 'Chuyển xử lý' })).body.status).toBe('transferred');
    t.clock.advance(60 * 60_000); // 10:00
    expect((await act(d.id, 'process')).body.status).toBe('processing');
    const paused = await act(d.id, 'request-supplement', { note: 'Thiếu bản sao trích lục' });
    expect(paused.body).toMatchObject({ status: 'supplement_requested', supplementCount: 1, reason: 'Thiếu bản sao trích lục' });
    t.clock.advance(2 * 60 * 60_000); // 12:00 (lunch): paused 1.5 working hours
    const resumed = await act(d.id, 'resume');
    expect(resumed.body).toMatchObject({ status: 'processing', dueAt: '2026-11-26T03:30:00.000Z', originalDueAt: '2026-11-26T02:00:00.000Z' });
    expect((await act(d.id, 'request-supplement', { note: 'Lần hai' })).body.code).toBe('SUPPLEMENT_ALREADY_REQUESTED'); // once only (NĐ 118 Điều 11)
    expect((await act(d.id, 'ready')).body.status).toBe('result_ready');
    const returned = await act(d.id, 'return');
    expect(returned.body).toMatchObject({ status: 'returned', returnedAt: '2026-11-23T05:00:00.000Z' });
    expect(returned.body.events.map((e: { type: string; fromStatus: string; toStatus: string }) => `${e.type}:${e.fromStatus}>${e.toStatus}`)).toEqual([
      'intake.accept:null>received',
      'transfer:received>transferred',
      'process:transferred>processing',
      'request-supplement:processing>supplement_requested',
      'resume:supplement_requested>processing',
      'ready:processing>result_ready',
      'return:result_ready>returned',
    ]);
    expect(returned.body.events.every((e: { userName: string }) => e.userName === 'Nguyễn Văn An')).toBe(true);
    expect(returned.body.events[1]).toMatchObject({ agency: 'UBND phường', note: 'Chuyển xử lý' });
    expect(count(t.app, "SELECT COUNT(*) n FROM audit_log WHERE target_type = 'dossier' AND target_id = ?", String(d.id))).toBe(7);
  });

  it('rejects illegal moves with a coded 409 and changes nothing', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const before = row(d.id);
    for (const action of ['return', 'resume']) {
      const res = await act(d.id, action);
      expect(res, action).toMatchObject({ status: 409, body: { code: 'DOSSIER_INVALID_TRANSITION', details: { status: 'received', action } } });
    }
    expect((await act(d.id, 'refuse')).body.code).toBe('REASON_REQUIRED');
    expect((await act(d.id, 'request-supplement')).body.code).toBe('REASON_REQUIRED');
    expect(row(d.id)).toEqual(before);
    expect((await act(d.id, 'withdraw', { note: 'Công dân rút hồ sơ' })).body.status).toBe('withdrawn');
    for (const action of ['transfer', 'process', 'ready', 'return', 'refuse', 'withdraw']) {
      expect((await act(d.id, action, { note: 'x' })).body.code, action).toBe('DOSSIER_INVALID_TRANSITION');
    }
    expect(count(t.app, 'SELECT COUNT(*) n FROM dossier_events WHERE dossier_id = ?', d.id)).toBe(2);
    expect((await act(999999, 'transfer')).body.code).toBe('DOSSIER_NOT_FOUND');
    expect((await act(d.id, 'fly')).status).toBe(404);
    expect(() => t.app.db.prepare('DELETE FROM dossier_events WHERE dossier_id = ?').run(d.id)).toThrow(/append-only/);
  });

  it('lists overdue and due-soon dossiers and reschedules with an apology (Mẫu 04)', async () => {
    t.clock.set('2026-11-23T02:00:00.000Z');
    c1 = await login(t.app, 'canbo1');
    const { body: late } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.BIRTH)); // due today 17:00
    const { body: later } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS)); // due Thu
    const codes = async (url: string) => ((await send(t.app, 'GET', url, c1)).body as { code: string }[]).map((d) => d.code);
    expect(await codes('/api/dossiers/due-soon?hours=8')).toContain(late.code);
    expect(await codes('/api/dossiers/due-soon?hours=8')).not.toContain(later.code);
    expect(await codes('/api/dossiers/overdue')).not.toContain(late.code);
    t.clock.set('2026-11-23T10:30:00.000Z'); // 17:30
    c1 = await login(t.app, 'canbo1');
    expect(await codes('/api/dossiers/overdue')).toContain(late.code);
    expect((await send(t.app, 'GET', `/api/dossiers/${late.id}`, c1)).body.overdue).toBe(true);
    const r = (newDueAt: string) => act(late.id, 'reschedule', { newDueAt, reason: 'Cần xác minh thêm tại nơi cư trú' });
    expect((await r('2026-11-23T09:00:00.000Z')).body.code).toBe('INVALID_DUE_DATE'); // before the current date
    expect((await r('2026-11-28T02:00:00.000Z')).body.code).toBe('INVALID_DUE_DATE'); // a Saturday
    const ok = await r('2026-11-25T10:00:00.000Z');
    expect(ok.body).toMatchObject({ dueAt: '2026-11-25T10:00:00.000Z', originalDueAt: '2026-11-23T10:00:00.000Z', overdue: false });
    expect(ok.body.events.at(-1)).toMatchObject({ type: 'reschedule', note: 'Cần xác minh thêm tại nơi cư trú' });
    expect(await codes('/api/dossiers/overdue')).not.toContain(late.code);
  });
});

describe('demo dossiers', () => {
  it('seeds an overdue, a due-soon and a ready dossier on earlier working days, without audit entries', async () => {
    const t = await buildTestApp();
    try {
      const rows = t.app.db.prepare('SELECT code, status, received_at, due_at FROM dossiers ORDER BY id').all() as { code: string; status: string; received_at: number; due_at: number }[];
      expect(rows.map((r) => [r.code, r.status])).toEqual([
        ['MOTCUA-261116-0001', 'transferred'],
        ['MOTCUA-261119-0001', 'processing'],
        ['MOTCUA-261118-0001', 'result_ready'],
      ]);
      expect(t.app.hub.dossiers.overdue({ userId: 1 }).map((d) => d.code)).toEqual(['MOTCUA-261116-0001']);
      expect(t.app.hub.dossiers.dueSoon(16, { userId: 1 }).map((d) => d.code)).toContain('MOTCUA-261119-0001');
      expect(count(t.app, "SELECT COUNT(*) n FROM audit_log WHERE action LIKE 'dossier.%'")).toBe(0);
    } finally {
      await t.close();
    }
  }, 60_000);
});
