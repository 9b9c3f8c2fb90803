import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayFacts } from '@shared/schemas/province-facts';
import type { ProvinceOfficeDay } from '@shared/schemas/province-office-day';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { buildTestApp, count, login } from '../helper';

type Field = DayFacts['fields'][number];
const NO_FIELD = { receivedOnline: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, returned: 0, refused: 0, withdrawn: 0, inProgressOverdue: 0 };
const field = (fieldCode: string, fieldName: string, o: Partial<Field>): Field => ({ fieldCode, fieldName, received: 0, receivedInPerson: 0, inProgressOnTime: 0, ...NO_FIELD, ...o });
const q = (tickets: number, served: number, waitSeconds: number, serveSeconds: number) => ({ tickets, served, noShow: tickets - served, waitSeconds, waited: served, serveSeconds });

/** The day an office sent (the test clock's today, Monday 23/11/2026 in Hà Nội). */
const TODAY: DayFacts = {
  day: '2026-11-23',
  services: [
    { serviceCode: 'HT', serviceName: 'Hộ tịch', ...q(12, 10, 6000, 3000) },
    { serviceCode: 'CT', serviceName: 'Chứng thực', ...q(5, 4, 960, 1080) },
  ],
  counters: [
    { counter: 'Quầy 10', ...q(5, 4, 960, 1080) },
    { counter: 'Quầy 2', ...q(12, 10, 6000, 3000) },
  ],
  staff: [
    { staff: 'canbo2', ...q(5, 4, 960, 1080) },
    { staff: 'canbo1', ...q(12, 10, 6000, 3000) },
  ],
  fields: [
    field('HT', 'Hộ tịch', { received: 4, receivedOnline: 1, receivedInPerson: 3, resolvedEarly: 2, resolvedOnTime: 1, resolvedLate: 1, returned: 3, inProgressOnTime: 5, inProgressOverdue: 1 }),
    field('DD', 'Đất đai', { received: 2, receivedInPerson: 2, resolvedOnTime: 1, refused: 1, inProgressOnTime: 3 }),
  ],
  ratings: [
    { staff: 'canbo1', level: 'very_satisfied', count: 3 },
    { staff: 'canbo2', level: 'very_satisfied', count: 1 },
    { staff: 'canbo2', level: 'satisfied', count: 1 },
    { staff: null, level: 'unsatisfied', count: 1 },
  ],
};
const PROVINCE_TABLES = ['province_offices', 'province_records', 'province_office_days', 'province_day_figures', 'province_day_groups', 'province_day_fields', 'province_day_ratings', 'province_heartbeats', 'audit_log'];

/**
 * One office's day at the province (issue 21, the board's click-through): what the office sent through
 * POST /api/province/sync comes back per service, counter, staff member and field (II.06a), with its ratings and its
 * live state; a day with nothing sent is empty; an unknown office, a bad day and a signed-out caller are refused.
 */
describe('GET /api/province/offices/:id/day', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let supervisor = '';
  let credential = '';
  let id = 0;

  beforeAll(async () => {
    t = await buildTestApp({ config: { role: 'province' } });
    const admin = await login(t.app, 'admin');
    supervisor = await login(t.app, 'giamsat');
    const code = '000.81.26.H26';
    const added = (await t.app.inject({ method: 'POST', url: '/api/province/offices', headers: { cookie: admin }, payload: { name: 'UBND xã Thanh Sơn', code } })).json() as { id: number; enrollToken: string };
    id = added.id;
    credential = ((await t.app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code, enrollToken: added.enrollToken } })).json() as { credential: string }).credential;
  });
  afterAll(async () => t.close());

  const send = (payload: object) => t.app.inject({ method: 'POST', url: '/api/province/sync', headers: { [OFFICE_CREDENTIAL_HEADER]: credential }, payload });
  const day = (query = '', officeId = id, cookie: string | null = supervisor) => t.app.inject({ url: `/api/province/offices/${officeId}/day${query}`, headers: cookie ? { cookie } : {} });
  const rows = () => PROVINCE_TABLES.map((tb) => count(t.app, `SELECT COUNT(*) AS n FROM ${tb}`));

  it("answers today's facts exactly as the office sent them, with its live state", async () => {
    const beat = await t.app.inject({
      method: 'POST',
      url: '/api/province/heartbeat',
      headers: { [OFFICE_CREDENTIAL_HEADER]: credential },
      payload: { sentAt: new Date(t.clock.now() - 2_000).toISOString(), waiting: 7, longestWaitMinutes: 18, openCounters: 3, printersDown: 1, version: '0.1.0' },
    });
    expect(beat.statusCode).toBe(204);
    expect((await send({ records: [{ seq: 1, kind: 'day_facts', data: TODAY }] })).json()).toMatchObject({ accepted: 1 });

    const res = await day();
    expect(res.statusCode).toBe(200);
    const d = res.json() as ProvinceOfficeDay;
    expect(d.office).toEqual({
      id,
      code: '000.81.26.H26',
      name: 'UBND xã Thanh Sơn',
      state: 'enrolled',
      online: true,
      lastSeenAt: new Date(t.clock.now()).toISOString(),
      waiting: 7,
      longestWaitMinutes: 18,
      openCounters: 3,
      printersDown: 1,
      clockSkewSeconds: 2,
    });
    expect([d.day, d.today, d.received]).toEqual(['2026-11-23', '2026-11-23', true]);
    expect(d.services).toEqual([
      { code: 'CT', name: 'Chứng thực', tickets: 5, served: 4, noShow: 1, avgWaitMinutes: 4, avgServeMinutes: 4.5 },
      { code: 'HT', name: 'Hộ tịch', tickets: 12, served: 10, noShow: 2, avgWaitMinutes: 10, avgServeMinutes: 5 },
    ]);
    // Counters in natural order (2 before 10), staff by username.
    expect(d.counters.map((c) => [c.name, c.tickets, c.avgWaitMinutes])).toEqual([
      ['Quầy 2', 12, 10],
      ['Quầy 10', 5, 4],
    ]);
    expect(d.staff.map((s) => [s.username, s.served, s.avgServeMinutes])).toEqual([
      ['canbo1', 10, 5],
      ['canbo2', 4, 4.5],
    ]);
    expect(d.queue).toEqual({ tickets: 17, served: 14, noShow: 3, avgWaitMinutes: 8.3, avgServeMinutes: 4.9 });
    // II.06a in Vietnamese order (Đ after H would be code-point order).
    expect(d.fields).toEqual([
      { code: 'DD', name: 'Đất đai', received: 2, receivedOnline: 0, receivedInPerson: 2, resolved: 1, resolvedEarly: 0, resolvedOnTime: 1, resolvedLate: 0, returned: 0, refused: 1, withdrawn: 0, inProgress: 3, inProgressOnTime: 3, inProgressOverdue: 0, onTimeRate: 100 },
      { code: 'HT', name: 'Hộ tịch', received: 4, receivedOnline: 1, receivedInPerson: 3, resolved: 4, resolvedEarly: 2, resolvedOnTime: 1, resolvedLate: 1, returned: 3, refused: 0, withdrawn: 0, inProgress: 6, inProgressOnTime: 5, inProgressOverdue: 1, onTimeRate: 75 },
    ]);
    expect(d.dossiers).toMatchObject({ received: 6, receivedOnline: 1, resolved: 5, resolvedLate: 1, refused: 1, inProgress: 9, inProgressOverdue: 1, onTimeRate: 80 });
    expect(d.ratings).toMatchObject({ total: 6, counts: { very_satisfied: 4, satisfied: 1, neutral: 0, unsatisfied: 1 }, satisfiedRate: 83.3 });
    // The same day named explicitly is the same answer.
    expect((await day('?day=2026-11-23')).json()).toEqual(d);
  });

  it('answers a day with nothing sent as empty, and a later record of the day replaces it', async () => {
    const empty = (await day('?day=2026-11-22')).json() as ProvinceOfficeDay;
    expect(empty).toMatchObject({ day: '2026-11-22', today: '2026-11-23', received: false, services: [], counters: [], staff: [], fields: [] });
    expect(empty.queue).toEqual({ tickets: 0, served: 0, noShow: 0, avgWaitMinutes: null, avgServeMinutes: null });
    expect(empty.dossiers).toMatchObject({ received: 0, resolved: 0, inProgress: 0, onTimeRate: null });
    expect(empty.ratings).toMatchObject({ total: 0, satisfiedRate: null });
    // An office from before the day facts sends its services only: the day has arrived, with no counters.
    const figures = { day: '2026-11-20', serviceCode: 'HT', serviceName: 'Hộ tịch', ...q(3, 3, 180, 360) };
    expect((await send({ records: [{ seq: 2, kind: 'day_figures', data: figures }] })).json()).toMatchObject({ accepted: 1 });
    const old = (await day('?day=2026-11-20')).json() as ProvinceOfficeDay;
    expect([old.received, old.services.map((s) => s.tickets), old.counters, old.fields]).toEqual([true, [3], [], []]);
    // A later record of today (one service left) replaces the whole day.
    await send({ records: [{ seq: 3, kind: 'day_facts', data: { ...TODAY, services: [TODAY.services[0]], fields: [], ratings: [] } }] });
    const later = (await day()).json() as ProvinceOfficeDay;
    expect([later.services.map((s) => s.code), later.fields, later.ratings.total, later.queue.tickets]).toEqual([['HT'], [], 0, 12]);
  });

  it('refuses an unknown office (404), a bad day (400) and a signed-out caller (401), writing nothing', async () => {
    const before = rows();
    const unknown = await day('', 999_999);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'NOT_FOUND']);
    for (const [query, code] of [
      ['?day=2026-02-30', 'INVALID_DATE_RANGE'],
      ['?day=2026-13-01', 'INVALID_DATE_RANGE'],
      ['?day=23/11/2026', 'VALIDATION_FAILED'],
      ['?day=2026-11-23&from=2026-11-01', 'VALIDATION_FAILED'],
    ] as const) {
      const res = await day(query);
      expect([res.statusCode, res.json().code], query).toEqual([400, code]);
    }
    expect((await day('', 0)).statusCode).toBe(400);
    const anonymous = await day('', id, null);
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'UNAUTHENTICATED']);
    // An office's own credential is not a staff session.
    const machine = await t.app.inject({ url: `/api/province/offices/${id}/day`, headers: { [OFFICE_CREDENTIAL_HEADER]: credential } });
    expect(machine.statusCode).toBe(401);
    expect(rows()).toEqual(before);
  });
});
