import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';
import { intakeBody, PROC, send } from '../dossier-helper';

describe('dossier intake and appointment dates', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  // Demo dossiers are seeded on earlier working days: counts below are relative to them.
  let seeded: number;
  beforeEach(async () => {
    t = await buildTestApp({ settings: { unitCode: '000.00.06.H56' } });
    c1 = await staffAtCounter(t.app, 'canbo1', 1);
    seeded = count(t.app, 'SELECT COUNT(*) n FROM dossiers');
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  it('answers the appointment date for integrators, in working days and with the 15:00 cut-off', async () => {
    const due = (procedureId: number, receivedAt: string) => send(t.app, 'POST', '/api/dossiers/due-date', undefined, { procedureId, receivedAt });
    expect(await due(PROC.MARITAL_STATUS, '2026-11-23T02:00:00.000Z')).toEqual({ status: 200, body: { dueAt: '2026-11-26T02:00:00.000Z' } });
    expect((await due(PROC.BIRTH, '2026-11-23T07:59:00.000Z')).body.dueAt).toBe('2026-11-23T10:00:00.000Z'); // 14:59 → 17:00 today
    expect((await due(PROC.BIRTH, '2026-11-23T08:00:00.000Z')).body.dueAt).toBe('2026-11-24T10:00:00.000Z'); // 15:00 → tomorrow 17:00
    expect((await due(PROC.BUILDING_PERMIT, '2026-11-23T02:00:00.000Z')).body.dueAt).toBe('2026-12-08T02:00:00.000Z'); // 15 calendar days
    expect((await due(PROC.NO_LIMIT, '2026-11-23T02:00:00.000Z')).body.dueAt).toBeNull();
    expect((await due(9999, '2026-11-23T02:00:00.000Z')).status).toBe(404);
    expect((await due(PROC.BIRTH, 'hôm nay')).body.code).toBe('VALIDATION_FAILED');
  });

  it('accepts a dossier from the current ticket: code, appointment date, documents, log and audit', async () => {
    await issue(t.app, 1);
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    const res = await send(t.app, 'POST', '/api/dossiers', c1, { ...intakeBody(), counterId: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: '000.00.06.H56-261123-0001',
      seq: 1,
      status: 'received',
      procedureCode: '1.004873',
      receivedAt: '2026-11-23T02:00:00.000Z',
      dueAt: '2026-11-26T02:00:00.000Z',
      ticketNumber: 'A001',
      receivedByName: 'Nguyễn Văn An',
      feesCollected: 5000,
      overdue: false,
      statusUrl: `http://hub.test/h/000.00.06.H56-261123-0001/${res.body.checkCode}`,
    });
    expect(res.body.documents).toHaveLength(2);
    expect(res.body.events).toMatchObject([{ type: 'intake.accept', fromStatus: null, toStatus: 'received', userName: 'Nguyễn Văn An' }]);
    expect(count(t.app, 'SELECT COUNT(*) n FROM dossier_documents WHERE dossier_id = ?', res.body.id)).toBe(2);
    expect(count(t.app, "SELECT COUNT(*) n FROM audit_log WHERE action = 'dossier.intake.accept' AND target_id = ?", String(res.body.id))).toBe(1);
    // Left out, the channel is the desk; a dossier submitted on the portal is received as online.
    expect(res.body.channel).toBe('counter');
    const online = await send(t.app, 'POST', '/api/dossiers', c1, { ...intakeBody(), channel: 'online' });
    expect(online.body.channel).toBe('online');
    expect(count(t.app, "SELECT COUNT(*) n FROM dossiers WHERE id = ? AND channel = 'online'", online.body.id)).toBe(1);
    expect((await send(t.app, 'GET', `/api/dossiers?from=2026-11-23&to=2026-11-23`, c1)).body.map((d: { channel: string }) => d.channel)).toEqual(expect.arrayContaining(['counter', 'online']));
    // The return desk finds it by code.
    expect((await send(t.app, 'GET', `/api/dossiers/by-code/${res.body.code}`, c1)).body.id).toBe(res.body.id);
  });

  it('gives unique consecutive codes to 30 parallel intakes', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, () => send(t.app, 'POST', '/api/dossiers', c1, intakeBody())));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const codes = replies.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(30);
    expect(codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(count(t.app, 'SELECT last AS n FROM dossier_sequences WHERE unit_code = ? AND day = ?', '000.00.06.H56', '2026-11-23')).toBe(30);
  });

  it('restarts the sequence the next day and falls back to a unit code when none is set', async () => {
    await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    t.clock.set('2026-11-24T02:00:00.000Z');
    c1 = await login(t.app, 'canbo1');
    expect((await send(t.app, 'POST', '/api/dossiers', c1, intakeBody())).body.code).toBe('000.00.06.H56-261124-0001');
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), unitCode: '' });
    expect((await send(t.app, 'POST', '/api/dossiers', c1, intakeBody())).body.code).toBe('MOTCUA-261124-0001');
  });

  it('records supplement and refusal at intake with their reason, and refuses them without one', async () => {
    const noReason = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { outcome: 'refuse' }));
    expect(noReason).toMatchObject({ status: 400, body: { code: 'REASON_REQUIRED' } });
    expect(count(t.app, 'SELECT COUNT(*) n FROM dossiers')).toBe(seeded);
    const sup = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { outcome: 'supplement', reason: 'Thiếu tờ khai' }));
    expect(sup.body).toMatchObject({ status: 'supplement_requested', receivedAt: null, dueAt: null, supplementCount: 1, reason: 'Thiếu tờ khai' });
    const ref = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { outcome: 'refuse', reason: 'Không thuộc thẩm quyền' }));
    expect(ref.body).toMatchObject({ status: 'refused', dueAt: null });
    // The citizen comes back with the missing form: the clock starts now, and no second supplement is allowed.
    t.clock.set('2026-11-24T03:00:00.000Z');
    c1 = await login(t.app, 'canbo1');
    const resumed = await send(t.app, 'POST', `/api/dossiers/${sup.body.id}/resume`, c1, {});
    expect(resumed.body).toMatchObject({ status: 'received', receivedAt: '2026-11-24T03:00:00.000Z', dueAt: '2026-11-27T03:00:00.000Z' });
    const again = await send(t.app, 'POST', `/api/dossiers/${sup.body.id}/request-supplement`, c1, { note: 'Thiếu nữa' });
    expect(again).toMatchObject({ status: 409, body: { code: 'SUPPLEMENT_ALREADY_REQUESTED' } });
  });

  it('refuses a counter that is not the clerk’s and bad input, writing nothing', async () => {
    expect((await send(t.app, 'POST', '/api/dossiers', c1, { ...intakeBody(), counterId: 2 })).body.code).toBe('NOT_AT_COUNTER');
    expect((await send(t.app, 'POST', '/api/dossiers', c1, { ...intakeBody(), sets: 0 })).body.code).toBe('VALIDATION_FAILED');
    expect((await send(t.app, 'POST', '/api/dossiers', c1, { ...intakeBody(), applicant: { ...intakeBody().applicant, phone: '<script>' } })).status).toBe(400);
    expect((await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(9999))).status).toBe(404);
    expect((await send(t.app, 'POST', '/api/dossiers', c1, { ...intakeBody(), channel: 'fax' })).body).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.stringContaining('body/channel') });
    expect(count(t.app, 'SELECT COUNT(*) n FROM dossiers')).toBe(seeded);
    expect(count(t.app, "SELECT COUNT(*) n FROM dossier_sequences WHERE day = '2026-11-23'")).toBe(0);
  });

  it('shows the public status with a masked name and no personal data', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const res = await send(t.app, 'GET', `/api/dossiers/lookup/${d.code}?check=${d.checkCode}`);
    expect(res).toEqual({
      status: 200,
      body: {
        code: d.code,
        procedureName: d.procedureName,
        maskedName: 'T*** T** H*** Nhung',
        status: 'received',
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        returnedAt: null,
        overdue: false,
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/0912|001190012345|Hòa Bình/);
    expect((await send(t.app, 'GET', `/api/dossiers/lookup/000.00.06.H56-261123-9999?check=${d.checkCode}`)).body.code).toBe('DOSSIER_CHECK_FAILED');
    expect((await send(t.app, 'GET', `/api/dossiers/lookup/khong-hop-le?check=${d.checkCode}`)).body.code).toBe('VALIDATION_FAILED');
    expect((await send(t.app, 'GET', `/api/dossiers/by-code/${d.code}`)).status).toBe(401);
  });

  it('keeps the tracking book filterable and exports it as XLSX with the Mẫu 06 columns', async () => {
    await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.BIRTH, { applicant: { ...intakeBody().applicant, name: 'Lê Văn Tám' } }));
    t.clock.set('2026-11-24T02:00:00.000Z');
    c1 = await login(t.app, 'canbo1');
    await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const list = (q: string) => send(t.app, 'GET', `/api/dossiers?${q}`, c1).then((r) => (r.body as { code: string }[]).map((d) => d.code));
    expect(await list('from=2026-11-23&to=2026-11-23')).toEqual(['000.00.06.H56-261123-0001', '000.00.06.H56-261123-0002']);
    expect(await list(`procedureId=${PROC.BIRTH}`)).toEqual(['000.00.06.H56-261123-0002']);
    expect(await list('q=le van tam')).toEqual(['000.00.06.H56-261123-0002']);
    expect(await list('status=returned')).toEqual([]);
    const res = await t.app.inject({ url: '/api/dossiers/book.xlsx?from=2026-11-23&to=2026-11-24', headers: { cookie: c1 } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = ((wb.worksheets[0]?.getSheetValues() ?? []) as unknown[]).filter(Array.isArray).map((r) => (r as unknown[]).slice(1));
    const header = values.find((r) => r[0] === 'STT');
    expect(header).toEqual(['STT', 'Mã hồ sơ', 'Tên TTHC', 'Tên tổ chức, cá nhân', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Trả kết quả', 'Phương thức nhận kết quả', 'Ký nhận']);
    expect(values.filter((r) => typeof r[1] === 'string' && (r[1] as string).startsWith('000.00.06.H56-')).map((r) => r[6])).toEqual(['23/11/2026 09:00', '23/11/2026 09:00', '24/11/2026 09:00']);
  });

  it('lets the admin edit the office calendar, which moves appointment dates', async () => {
    const admin = await login(t.app, 'admin');
    const due = () => send(t.app, 'POST', '/api/dossiers/due-date', undefined, { procedureId: PROC.MARITAL_STATUS, receivedAt: '2026-11-25T02:00:00.000Z' }).then((r) => r.body.dueAt);
    expect(await due()).toBe('2026-11-30T02:00:00.000Z'); // Wed + 3 → Mon
    expect((await send(t.app, 'PUT', '/api/admin/calendar/2026-11-28', admin, { working: true, name: 'Làm bù' })).status).toBe(200);
    expect(await due()).toBe('2026-11-28T02:00:00.000Z'); // make-up Saturday
    expect((await send(t.app, 'PUT', '/api/admin/calendar/2026-11-28', c1, { working: true, name: 'Làm bù' })).status).toBe(403);
    const year = await send(t.app, 'GET', '/api/calendar?year=2026', c1);
    expect(year.body.overrides).toEqual([{ date: '2026-11-28', working: true, name: 'Làm bù' }]);
    expect(year.body.holidays).toContainEqual({ date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' });
    expect((await send(t.app, 'DELETE', '/api/admin/calendar/2026-11-28', admin)).status).toBe(204);
    expect(await due()).toBe('2026-11-30T02:00:00.000Z');
    expect((await send(t.app, 'DELETE', '/api/admin/calendar/2026-11-28', admin)).status).toBe(404);
  });
});
