import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSubjectExport } from '@shared/schemas/privacy';
import { buildTestApp, count, login, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';

const ID = '001190012345';

/** A citizen's request (Luật 91/2025/QH15): see, correct, erase where the law allows; refused with the reason otherwise. */
describe("a citizen's request about their data", () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  let sv: string;
  beforeEach(async () => {
    t = await buildTestApp();
    c1 = await staffAtCounter(t.app, 'canbo1', 1);
    sv = await login(t.app, 'giamsat');
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  async function twoDossiers() {
    // The first one at the counter with the citizen's ticket, which the citizen then rates.
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1, priorityGroup: 'pregnant' } })).json();
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    const a = (await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(undefined, { counterId: 1, applicant: { ...intakeBody().applicant, email: 'nhung@example.vn' } }))).body;
    await send(t.app, 'POST', '/api/counters/1/finish', c1);
    await t.app.inject({ method: 'POST', url: '/api/ratings', payload: { trackingId: ticket.trackingId, level: 'satisfied' } });
    const b = (await send(t.app, 'POST', '/api/dossiers', c1, intakeBody())).body;
    const other = (await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(undefined, { applicant: { ...intakeBody().applicant, idNumber: '079200000001', name: 'Lê Văn Khác' } }))).body;
    return { a, b, other };
  }

  it("tells the citizen who was shown their booking (the counters' list of today's bookings)", async () => {
    const booked = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 1, start: '2026-11-23T03:00:00.000Z', fullName: 'Trần Thị Hồng Nhung', phone: '0912 345 678', idNumber: ID, consent: true } });
    expect(booked.statusCode, booked.body).toBe(201);
    const code = (booked.json() as { code: string }).code;
    expect((await send(t.app, 'GET', '/api/appointments/today?serviceId=1', c1)).status).toBe(200);
    const data = (await send(t.app, 'GET', `/api/admin/data-subjects/${ID}`, sv)).body as DataSubjectExport;
    expect(data.appointments?.map((a) => a.code)).toEqual([code]);
    expect(data.accessLog.map((e) => [e.userName, e.dossierCode, e.appointmentCode, e.kind, e.fields])).toEqual([['Nguyễn Văn An', null, code, 'list', 'name,phone']]);
    // The export itself showed the booking's name and phone: logged as an export read; the log finds it by its code.
    const byCode = (await send(t.app, 'GET', `/api/admin/data-access?dossierCode=${code.toLowerCase()}`, sv)).body as { appointmentCode: string; kind: string; userName: string }[];
    expect(byCode.map((e) => [e.appointmentCode, e.kind, e.userName])).toEqual([[code, 'export', 'Trần Thị Giám Sát'], [code, 'list', 'Nguyễn Văn An']]);
  });

  it('exports everything held about one ID number: dossiers, tickets with ratings, who read them; logged and audited', async () => {
    const { a, b, other } = await twoDossiers();
    await send(t.app, 'GET', `/api/dossiers/${a.id}`, c1);
    const res = await send(t.app, 'GET', `/api/admin/data-subjects/${ID}`, sv);
    expect(res.status).toBe(200);
    const data = res.body as DataSubjectExport;
    expect(data.dossiers.map((d) => d.code)).toEqual([a.code, b.code]);
    expect(data.dossiers[0]).toMatchObject({ applicant: { idNumber: ID, email: 'nhung@example.vn' }, documents: expect.any(Array), events: expect.any(Array) });
    expect(JSON.stringify(data)).not.toContain(other.code);
    expect(data.tickets).toEqual([expect.objectContaining({ dossierCode: a.code, number: 'A001', serviceName: 'Hộ tịch', priorityGroup: 'pregnant', rating: expect.objectContaining({ level: 'satisfied' }) })]);
    expect(data.accessLog.map((e) => `${e.userName} ${e.dossierCode} ${e.kind}`)).toEqual([`Nguyễn Văn An ${a.code} view`]);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.subject_export'")).toBe(1);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM personal_data_reads WHERE kind = 'export'")).toBe(2);
    expect(await send(t.app, 'GET', '/api/admin/data-subjects/999999999999', sv)).toMatchObject({ status: 404, body: { code: 'DATA_SUBJECT_NOT_FOUND' } });
    expect((await send(t.app, 'GET', `/api/admin/data-subjects/${ID}`, c1)).status).toBe(403);
    expect((await send(t.app, 'GET', '/api/admin/data-subjects/a%20b', sv)).status).toBe(400);
  });

  it('corrects a dossier\'s applicant (name, search text), auditing fields and reason but not the values', async () => {
    const { a } = await twoDossiers();
    const fixed = { ...a.applicant, name: 'Trần Thị Hồng Nhung', address: 'Số 7 ngõ 12 phố Hòa Bình' };
    expect((await send(t.app, 'PUT', `/api/admin/dossiers/${a.id}/applicant`, sv, { applicant: fixed, reason: 'Công dân báo sai số nhà' })).status).toBe(204);
    expect(JSON.parse((t.app.db.prepare('SELECT applicant FROM dossiers WHERE id = ?').get(a.id) as { applicant: string }).applicant).address).toBe('Số 7 ngõ 12 phố Hòa Bình');
    const audit = t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'privacy.subject_correct'").get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ code: a.code, changed: ['address'], reason: 'Công dân báo sai số nhà' });
    expect(audit.details).not.toContain('Số 7');
    // Bad input changes nothing.
    for (const bad of [{ applicant: fixed }, { applicant: { ...fixed, phone: 'abc' }, reason: 'x' }, { applicant: fixed, reason: '' }]) {
      expect((await send(t.app, 'PUT', `/api/admin/dossiers/${a.id}/applicant`, sv, bad)).status).toBe(400);
    }
    expect((await send(t.app, 'PUT', '/api/admin/dossiers/99999/applicant', sv, { applicant: fixed, reason: 'x' })).body.code).toBe('DOSSIER_NOT_FOUND');
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.subject_correct'")).toBe(1);
  });

  it('erases what the law allows, keeps the dossiers with the reason; refuses when nothing may be erased', async () => {
    const { a, b } = await twoDossiers();
    const res = await send(t.app, 'POST', `/api/admin/data-subjects/${ID}/erase`, sv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ erased: [a.code], erasedFields: ['email', 'representative'], kept: [{ code: a.code }, { code: b.code }] });
    expect(res.body.kept[0].reason).toContain('Sổ theo dõi hồ sơ');
    const stored = JSON.parse((t.app.db.prepare('SELECT applicant FROM dossiers WHERE id = ?').get(a.id) as { applicant: string }).applicant);
    expect(stored).toMatchObject({ email: '', name: 'Trần Thị Hồng Nhung', idNumber: ID });
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM dossiers')).toBeGreaterThanOrEqual(3);
    // Again: nothing left that may be erased — refused, with the reasons.
    const again = await send(t.app, 'POST', `/api/admin/data-subjects/${ID}/erase`, sv);
    expect(again).toMatchObject({ status: 409, body: { code: 'RECORD_MUST_BE_KEPT', details: { kept: [{ code: a.code }, { code: b.code }] } } });
    expect(again.body.message).toContain('phải được lưu');
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.subject_erase'")).toBe(2);
  });
});
