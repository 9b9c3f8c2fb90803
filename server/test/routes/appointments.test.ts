import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBookingCode } from '@shared/booking-code';
import { DEMO_APPOINTMENT_RULE } from '../../src/seed';
import { buildTestApp, count, login, staffAtCounter } from '../helper';

// The test clock: Monday 23/11/2026 09:00 in Hà Nội (02:00Z). Demo rule: slots of 30 min all day, 2 places.
const SLOT_10 = '2026-11-23T03:00:00.000Z';
const person = (n: number, over: object = {}) => ({ serviceId: 1, start: SLOT_10, fullName: 'Nguyễn Văn An', phone: `0912 000 ${String(n).padStart(3, '0')}`, consent: true, ...over });

describe('appointments: booking, lookup, cancel, check-in', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });
  const post = (url: string, payload: object, cookie?: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const rows = () => count(t.app, 'SELECT COUNT(*) AS n FROM appointments');

  it('lists the slots left today with places, books one, and shows fewer places after', async () => {
    const before = await get('/api/appointments/slots?serviceId=1&date=2026-11-23');
    expect(before.status).toBe(200);
    // 09:00 has started: the first bookable slot is 09:30; 29 slots remain until midnight.
    expect(before.body).toHaveLength(29);
    expect(before.body[0]).toEqual({ start: '2026-11-23T02:30:00.000Z', end: '2026-11-23T03:00:00.000Z', capacity: 2, available: 2 });
    const res = await post('/api/appointments', person(1, { procedureId: 1 }));
    expect(res.status).toBe(201);
    expect(isBookingCode(res.body.code)).toBe(true);
    expect(res.body).toMatchObject({ serviceId: 1, start: SLOT_10, end: '2026-11-23T03:30:00.000Z', checkInFrom: '2026-11-23T02:30:00.000Z', checkInUntil: '2026-11-23T03:15:00.000Z' });
    const row = t.app.db.prepare('SELECT * FROM appointments WHERE code = ?').get(res.body.code) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'booked', phone: '0912000001', full_name: 'Nguyễn Văn An', day: '2026-11-23', procedure_id: 1 });
    expect(row.cancel_token_hash).not.toBe(res.body.cancelToken);
    const after = await get('/api/appointments/slots?serviceId=1&date=2026-11-23');
    expect(after.body.find((s: { start: string }) => s.start === SLOT_10).available).toBe(1);
  });

  it('refuses with a code and writes nothing: consent, past, not a slot, too far, holiday, limits, full', async () => {
    const cases: [object, number, string, string?][] = [
      [person(1, { consent: false }), 400, 'CONSENT_REQUIRED'],
      [person(1, { start: '2026-11-23T01:30:00.000Z' }), 409, 'SLOT_CLOSED', 'past'],
      [person(1, { start: '2026-11-23T03:10:00.000Z' }), 409, 'SLOT_CLOSED', 'not_a_slot'],
      [person(1, { start: '2026-12-08T03:00:00.000Z' }), 409, 'SLOT_CLOSED', 'too_far'],
      [person(1, { serviceId: 999 }), 404, 'SERVICE_NOT_FOUND'],
      [person(1, { phone: 'abc' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code, reason] of cases) {
      const res = await post('/api/appointments', body);
      expect([res.status, res.body.code, res.body.details?.reason]).toEqual([status, code, reason]);
    }
    expect(rows()).toBe(0);
    // A holiday: the office's rule skips the calendar's holidays (1/1/2027).
    const admin = await login(t.app, 'admin');
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/appointments/services/1', headers: { cookie: admin }, payload: { ...DEMO_APPOINTMENT_RULE, skipHolidays: true, daysAhead: 60, workingDays: undefined } });
    expect(put.statusCode).toBe(200);
    const holiday = await post('/api/appointments', person(1, { start: '2027-01-01T03:00:00.000Z' }));
    expect([holiday.status, holiday.body.code, holiday.body.details.reason]).toEqual([409, 'SLOT_CLOSED', 'holiday']);
    expect((await get('/api/appointments/slots?serviceId=1&date=2027-01-01')).body).toEqual([]);
    // Per phone per day, then the slot full.
    expect((await post('/api/appointments', person(1))).status).toBe(201);
    const again = await post('/api/appointments', person(1, { start: '2026-11-23T05:00:00.000Z', phone: '+84 912 000 001' }));
    expect([again.status, again.body.code]).toEqual([409, 'BOOKING_LIMIT']);
    expect((await post('/api/appointments', person(2))).status).toBe(201);
    const full = await post('/api/appointments', person(3));
    expect([full.status, full.body.code]).toEqual([409, 'SLOT_FULL']);
    expect(rows()).toBe(2);
    // ID number required by the office.
    await t.app.inject({ method: 'PUT', url: '/api/admin/appointments/settings', headers: { cookie: admin }, payload: { idNumberRequired: true, maxMisses: 0, missWindowDays: 90 } });
    const noId = await post('/api/appointments', person(4, { start: '2026-11-23T05:00:00.000Z' }));
    expect([noId.status, noId.body.code]).toEqual([400, 'ID_NUMBER_REQUIRED']);
    expect((await post('/api/appointments', person(4, { start: '2026-11-23T05:00:00.000Z', idNumber: '001090012345' }))).status).toBe(201);
    expect(rows()).toBe(3);
  });

  it('shows a booking by code and phone with a masked name, and cancels it with the link token', async () => {
    const { body: b } = await post('/api/appointments', person(1));
    const seen = await get(`/api/appointments/${b.code.toLowerCase()}?phone=0912000001`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ code: b.code, status: 'booked', serviceNameVi: 'Hộ tịch', maskedName: 'N***** V** An', start: SLOT_10 });
    expect(JSON.stringify(seen.body)).not.toContain('0912');
    expect((await get(`/api/appointments/${b.code}?phone=0912000002`)).body.code).toBe('APPOINTMENT_NOT_FOUND');
    expect((await get(`/api/appointments/${b.code}`)).status).toBe(404);
    const wrong = await post(`/api/appointments/${b.code}/cancel`, { cancelToken: 'x'.repeat(22) });
    expect(wrong.body.code).toBe('APPOINTMENT_NOT_FOUND');
    const ok = await post(`/api/appointments/${b.code}/cancel`, { cancelToken: b.cancelToken });
    expect([ok.status, ok.body.status]).toEqual([200, 'cancelled']);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM appointments WHERE status = 'cancelled' AND cancelled_by IS NULL")).toBe(1);
    expect((await post(`/api/appointments/${b.code}/cancel`, { cancelToken: b.cancelToken })).body.code).toBe('APPOINTMENT_NOT_CANCELLABLE');
    // The place is free again.
    expect((await get('/api/appointments/slots?serviceId=1&date=2026-11-23')).body.find((s: { start: string }) => s.start === SLOT_10).available).toBe(2);
  });

  it('lets staff cancel with a reason (audited) and block a slot', async () => {
    const { body: b } = await post('/api/appointments', person(1));
    const staff = await login(t.app, 'canbo1');
    expect((await post(`/api/appointments/${b.code}/cancel`, {}, staff)).body.code).toBe('REASON_REQUIRED');
    const ok = await post(`/api/appointments/${b.code}/cancel`, { reason: 'Cán bộ đi tập huấn' }, staff);
    expect(ok.body.status).toBe('cancelled');
    expect(t.app.db.prepare('SELECT cancel_reason, cancelled_by FROM appointments').get()).toEqual({ cancel_reason: 'Cán bộ đi tập huấn', cancelled_by: expect.any(Number) });
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'appointment.cancel'")).toBe(1);
    const block = await post('/api/appointments/blocks', { serviceId: null, date: '2026-11-23', start: '10:00', reason: 'Tập huấn' }, staff);
    expect(block.status).toBe(201);
    const slots = (await get('/api/appointments/slots?serviceId=1&date=2026-11-23')).body as { start: string }[];
    expect(slots.map((s) => s.start)).not.toContain(SLOT_10);
    const refused = await post('/api/appointments', person(2));
    expect([refused.status, refused.body.details.reason]).toEqual([409, 'blocked']);
  });

  it('checks in by code inside the window: a ticket of the appointment group linked to the booking', async () => {
    const { body: b } = await post('/api/appointments', person(1, { start: '2026-11-23T04:00:00.000Z' }));
    const early = await post(`/api/appointments/${b.code}/check-in`, {});
    expect([early.status, early.body.code, early.body.details.checkInFrom]).toEqual([409, 'TOO_EARLY', '2026-11-23T03:30:00.000Z']);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets')).toBe(0);
    t.clock.set('2026-11-23T03:35:00.000Z');
    const ok = await post(`/api/appointments/${b.code.slice(0, 3)}-${b.code.slice(3)}/check-in`, {});
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ late: false, ticket: { serviceId: 1, priorityGroup: 'appointment', number: 'A001' } });
    expect(t.app.db.prepare('SELECT status, ticket_id FROM appointments').get()).toEqual({ status: 'checked_in', ticket_id: ok.body.ticket.id });
    const twice = await post(`/api/appointments/${b.code}/check-in`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_CHECKED_IN']);
    // Staff see the booking with the citizen's name and its ticket.
    const staff = await login(t.app, 'canbo1');
    const list = await get('/api/appointments/today?serviceId=1', staff);
    expect(list.body).toEqual([expect.objectContaining({ code: b.code, fullName: 'Nguyễn Văn An', status: 'checked_in', ticketNumber: 'A001' })]);
  });

  it("logs who was shown a booking's citizen: once per booking, reader and office day, however often the list is re-read", async () => {
    const a = (await post('/api/appointments', person(1))).body as { code: string };
    const b = (await post('/api/appointments', person(2, { serviceId: 2 }))).body as { code: string };
    const reads = () => t.app.db.prepare('SELECT r.user_id AS user, a.code, r.kind, r.fields FROM personal_data_reads r JOIN appointments a ON a.id = r.appointment_id ORDER BY r.id').all();
    // Booking itself and the public lookup show nobody's data to staff: nothing logged.
    expect(reads()).toEqual([]);
    const canbo1 = await login(t.app, 'canbo1');
    const id1 = t.app.hub.repos.users.byUsername('canbo1')!.id;
    for (let i = 0; i < 3; i++) expect((await get('/api/appointments/today?serviceId=1', canbo1)).body).toHaveLength(1);
    expect(reads()).toEqual([{ user: id1, code: a.code, kind: 'list', fields: 'name,phone' }]);
    // Another service's list, another reader: their own rows.
    await get('/api/appointments/today', canbo1);
    const canbo2 = await login(t.app, 'canbo2');
    await get('/api/appointments/today?serviceId=1', canbo2);
    const id2 = t.app.hub.repos.users.byUsername('canbo2')!.id;
    expect(reads()).toEqual([
      { user: id1, code: a.code, kind: 'list', fields: 'name,phone' },
      { user: id1, code: b.code, kind: 'list', fields: 'name,phone' },
      { user: id2, code: a.code, kind: 'list', fields: 'name,phone' },
    ]);
    // The access log shows them with the booking's code; an empty list logs nothing.
    const supervisor = await login(t.app, 'giamsat');
    const log = (await get('/api/admin/data-access?limit=10', supervisor)).body as { dossierCode: string | null; appointmentCode: string | null; userName: string }[];
    expect(log.slice(0, 3).map((e) => [e.dossierCode, e.appointmentCode])).toEqual([[null, a.code], [null, b.code], [null, a.code]]);
    await get('/api/appointments/today?serviceId=3', canbo1);
    expect(reads()).toHaveLength(3);
    // Tomorrow's list read today logs its booking today; read again tomorrow, the same reader is logged again (a new
    // office day from 00:00 Hà Nội), once.
    const c = (await post('/api/appointments', person(3, { start: '2026-11-24T03:00:00.000Z' }))).body as { code: string };
    await get('/api/appointments/today?serviceId=1&date=2026-11-24', canbo1);
    await get('/api/appointments/today?serviceId=1&date=2026-11-24', canbo1);
    const ofC = () => t.app.db.prepare('SELECT r.at FROM personal_data_reads r JOIN appointments a ON a.id = r.appointment_id WHERE a.code = ? ORDER BY r.id').pluck().all(c.code);
    expect(ofC()).toEqual([Date.parse('2026-11-23T02:00:00.000Z')]);
    t.clock.set('2026-11-23T16:59:00.000Z');
    const late = await login(t.app, 'canbo1');
    await get('/api/appointments/today?serviceId=1&date=2026-11-24', late);
    expect(ofC()).toHaveLength(1);
    t.clock.set('2026-11-23T17:00:00.000Z');
    await get('/api/appointments/today?serviceId=1', late);
    await get('/api/appointments/today?serviceId=1', late);
    expect(ofC()).toEqual([Date.parse('2026-11-23T02:00:00.000Z'), Date.parse('2026-11-23T17:00:00.000Z')]);
    expect(reads()[reads().length - 1]).toEqual({ user: id1, code: c.code, kind: 'list', fields: 'name,phone' });
  });

  it('calls the appointment ticket before older walk-ins under strict priority', async () => {
    const walkIn = await post('/api/tickets', { serviceId: 1 });
    const { body: b } = await post('/api/appointments', person(1, { start: '2026-11-23T02:30:00.000Z' }));
    const checked = await post(`/api/appointments/${b.code}/check-in`, {});
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    const called = await post('/api/counters/1/call-next', {}, cookie);
    expect(called.body.ticket.id).toBe(checked.body.ticket.id);
    expect(called.body.ticket.id).not.toBe(walkIn.body.id);
  });

  it('interleave: an appointment ticket waits its turn after the set number of walk-ins', async () => {
    const admin = await login(t.app, 'admin');
    const settings = (await get('/api/admin/settings', admin)).body;
    await t.app.inject({ method: 'PUT', url: '/api/admin/settings', headers: { cookie: admin }, payload: { ...settings, callingMode: 'interleave', normalPerPriority: 2 } });
    const w1 = await post('/api/tickets', { serviceId: 1 });
    const w2 = await post('/api/tickets', { serviceId: 1 });
    const { body: b } = await post('/api/appointments', person(1, { start: '2026-11-23T02:30:00.000Z' }));
    const appt = await post(`/api/appointments/${b.code}/check-in`, {});
    const w3 = await post('/api/tickets', { serviceId: 1 });
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    const order: number[] = [];
    for (let i = 0; i < 4; i++) {
      const called = await post('/api/counters/1/call-next', {}, cookie);
      order.push(called.body.ticket.id);
      await post('/api/counters/1/finish', {}, cookie);
    }
    expect(order).toEqual([w1.body.id, w2.body.id, appt.body.ticket.id, w3.body.id]);
  });

  it('late: a normal ticket or refused per the rule; missed bookings counted and limited', async () => {
    const admin = await login(t.app, 'admin');
    const { body: a } = await post('/api/appointments', person(1));
    t.clock.set('2026-11-23T03:20:00.000Z');
    const late = await post(`/api/appointments/${a.code}/check-in`, {});
    expect([late.status, late.body.late, late.body.ticket.priorityGroup]).toEqual([201, true, null]);
    await t.app.inject({ method: 'PUT', url: '/api/admin/appointments/services/1', headers: { cookie: admin }, payload: { ...DEMO_APPOINTMENT_RULE, lateRule: 'refuse' } });
    const { body: b } = await post('/api/appointments', person(2, { start: '2026-11-23T04:00:00.000Z' }));
    t.clock.set('2026-11-23T04:16:00.000Z');
    expect((await post(`/api/appointments/${b.code}/check-in`, {})).body.code).toBe('TOO_LATE');
    expect(t.app.hub.appointments.markMissed()).toBe(1);
    expect(t.app.db.prepare('SELECT status FROM appointments WHERE code = ?').get(b.code)).toEqual({ status: 'missed' });
    await t.app.inject({ method: 'PUT', url: '/api/admin/appointments/settings', headers: { cookie: admin }, payload: { idNumberRequired: false, maxMisses: 1, missWindowDays: 30 } });
    const refused = await post('/api/appointments', person(2, { start: '2026-11-24T03:00:00.000Z' }));
    expect([refused.status, refused.body.code, refused.body.details.reason]).toEqual([409, 'BOOKING_LIMIT', 'misses']);
    expect((await post('/api/appointments', person(3, { start: '2026-11-24T03:00:00.000Z' }))).status).toBe(201);
  });

  it('cancelled bookings are refused at the kiosk', async () => {
    const { body: b } = await post('/api/appointments', person(1));
    await post(`/api/appointments/${b.code}/cancel`, { phone: '0912000001' });
    t.clock.set('2026-11-23T02:50:00.000Z');
    expect((await post(`/api/appointments/${b.code}/check-in`, {})).body.code).toBe('APPOINTMENT_CANCELLED');
    expect((await post('/api/appointments/ZZZZZZ/check-in', {})).body.code).toBe('APPOINTMENT_NOT_FOUND');
  });

  it('personal data: exported and erased by ID number, blanked by retention after the period', async () => {
    const { body: b } = await post('/api/appointments', person(1, { idNumber: '001090012345' }));
    const sv = await login(t.app, 'giamsat');
    const exp = await get('/api/admin/data-subjects/001090012345', sv);
    expect(exp.status).toBe(200);
    expect(exp.body.appointments).toEqual([expect.objectContaining({ code: b.code, fullName: 'Nguyễn Văn An', phone: '0912000001', status: 'booked' })]);
    const erased = await post('/api/admin/data-subjects/001090012345/erase', {}, sv);
    expect([erased.status, erased.body.appointments]).toEqual([200, [b.code]]);
    expect(t.app.db.prepare('SELECT status, full_name, phone, id_number FROM appointments').get()).toEqual({ status: 'cancelled', full_name: '', phone: '', id_number: '' });
    // Retention: a settled booking keeps its personal data for 90 days after its slot.
    const { body: c } = await post('/api/appointments', person(2, { start: '2026-11-23T05:00:00.000Z' }));
    await post(`/api/appointments/${c.code}/cancel`, { cancelToken: c.cancelToken });
    t.clock.set('2027-01-01T00:00:00.000Z');
    expect(t.app.hub.privacy.runRetention().appointments).toBe(0);
    t.clock.set('2027-02-22T00:00:00.000Z');
    expect(t.app.hub.privacy.runRetention().appointments).toBe(1);
    expect(t.app.db.prepare('SELECT full_name, phone FROM appointments WHERE code = ?').get(c.code)).toEqual({ full_name: '', phone: '' });
  });

  it('reports bookings by outcome and the waits of holders vs walk-ins, as JSON and XLSX/CSV', async () => {
    const walkIn = await post('/api/tickets', { serviceId: 1 });
    const { body: a } = await post('/api/appointments', person(1, { start: '2026-11-23T02:30:00.000Z' }));
    await post('/api/appointments', person(2, { start: '2026-11-23T04:00:00.000Z' }));
    const { body: c } = await post('/api/appointments', person(3, { start: '2026-11-23T05:00:00.000Z' }));
    await post(`/api/appointments/${c.code}/cancel`, { cancelToken: c.cancelToken });
    t.clock.set('2026-11-23T02:20:00.000Z');
    await post(`/api/appointments/${a.code}/check-in`, {});
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    t.clock.set('2026-11-23T02:25:00.000Z');
    await post('/api/counters/1/call-next', {}, cookie);
    await post('/api/counters/1/finish', {}, cookie);
    await post('/api/counters/1/call-next', {}, cookie);
    expect(walkIn.status).toBe(201);
    const sv = await login(t.app, 'giamsat');
    const r = await get('/api/reports/appointments?from=2026-11-23&to=2026-11-23', sv);
    expect(r.status).toBe(200);
    // The holder (ticket at 09:20, called 09:25) waited 5 min; the walk-in (09:00, called 09:25) 25 min.
    expect(r.body.services).toEqual([
      expect.objectContaining({ serviceName: 'Hộ tịch', booked: 3, checkedIn: 1, late: 0, missed: 0, cancelled: 1, pending: 1, appointmentWaitMinutes: 5, walkInWaitMinutes: 25, appointmentCalls: 1, walkInCalls: 1 }),
    ]);
    expect(r.body.total).toMatchObject({ serviceName: 'Tổng cộng', booked: 3 });
    // The live monitor's figures of today.
    expect(t.app.hub.monitor.snapshot().appointments).toEqual({ booked: 3, checkedIn: 1, missed: 0, cancelled: 1, upcoming: 1 });
    const csv = await t.app.inject({ url: '/api/reports/appointments?from=2026-11-23&to=2026-11-23&format=csv', headers: { cookie: sv } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Chờ TB có lịch hẹn (phút)');
    expect(csv.body).toContain('Hộ tịch,3,1,0,0,1,1,5,25,1,1');
    const xlsx = await t.app.inject({ url: '/api/reports/appointments?from=2026-11-23&to=2026-11-23&format=xlsx', headers: { cookie: sv } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
