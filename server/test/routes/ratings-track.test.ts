import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';

type T = Awaited<ReturnType<typeof buildTestApp>>;

const post = (app: App, url: string, cookie?: string) => async () => app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {} });
const track = async (app: App, trackingId: string) => {
  const res = await app.inject({ url: `/api/track/${trackingId}` });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};
const rate = async (app: App, payload: object, cookie?: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/ratings', payload, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};
const staffId = (app: App, username: string) => (app.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;

/** Issues a ticket of `serviceId`, has `username` at `counterId` call and finish it; returns its tracking id. */
async function served(t: T, cookie: string, counterId: number, serviceId: number): Promise<string> {
  const { body } = await issue(t.app, serviceId);
  expect((await post(t.app, `/api/counters/${counterId}/call-next`, cookie)()).statusCode).toBe(200);
  expect((await post(t.app, `/api/counters/${counterId}/finish`, cookie)()).statusCode).toBe(200);
  return (body as { trackingId: string }).trackingId;
}

describe('ticket tracking API', () => {
  let t: T;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows number, service, place and wait — and nothing personal', async () => {
    await issue(t.app, 1);
    const mine = (await issue(t.app, 1, 'disabled')).body as { trackingId: string; trackingUrl: string };
    expect(mine.trackingUrl).toBe(`http://hub.test/t/${mine.trackingId}`);
    const { status, body } = await track(t.app, mine.trackingId);
    expect(status).toBe(200);
    // Strict priority: nobody is called before the priority ticket.
    expect(body).toMatchObject({ number: 'A002', serviceNameVi: 'Hộ tịch', status: 'waiting', peopleAhead: 0, estimatedWaitMinutes: 0, counterNumber: null, nearTurn: true });
    const after = (await issue(t.app, 1)).body as { trackingId: string };
    expect((await track(t.app, after.trackingId)).body).toMatchObject({ number: 'A003', peopleAhead: 2, estimatedWaitMinutes: 12 });
    expect(Object.keys(body).sort()).toEqual(
      ['businessDay', 'calledAt', 'counterName', 'counterNumber', 'estimatedWaitMinutes', 'issuedAt', 'nearTurn', 'notifyPeopleAhead', 'number', 'officeName', 'peopleAhead', 'rating', 'recallCount', 'serviceNameEn', 'serviceNameVi', 'status'].sort(),
    );
    // The priority group (a disability here) and any staff name stay off the public page.
    expect(JSON.stringify(body)).not.toMatch(/disabled|Nguyễn|staff|"id"/);

    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    // Strict priority: the priority ticket is called first.
    await post(t.app, '/api/counters/1/call-next', cookie)();
    const called = (await track(t.app, mine.trackingId)).body;
    expect(called).toMatchObject({ status: 'called', peopleAhead: null, estimatedWaitMinutes: null, counterNumber: 1, counterName: 'Tư pháp – Hộ tịch', nearTurn: false });
    expect(JSON.stringify(called)).not.toContain('Nguyễn Văn An');
  });

  it('answers 404 for an unknown id, 400 for a malformed one, and redirects the short link', async () => {
    expect((await track(t.app, 'AAAAAAAAAAAAAAAA')).body.code).toBe('TICKET_NOT_FOUND');
    expect((await track(t.app, 'short')).status).toBe(400);
    const res = await t.app.inject({ url: '/t/abcdefghijklmnop' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/kiosk/phone/#/ve/abcdefghijklmnop');
  });

  it('uses the office setting for "your turn is near"', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), notifyPeopleAhead: 1 });
    for (let i = 0; i < 2; i++) await issue(t.app, 3);
    const third = (await issue(t.app, 3)).body as { trackingId: string };
    expect((await track(t.app, third.trackingId)).body).toMatchObject({ peopleAhead: 2, nearTurn: false, notifyPeopleAhead: 1 });
  });
});

describe('POST /api/ratings', () => {
  let t: T;
  let canbo1: string;
  beforeEach(async () => {
    t = await buildTestApp();
    canbo1 = await staffAtCounter(t.app, 'canbo1', 1);
  });
  afterEach(async () => {
    await t.close();
  });

  it('records one rating per ticket, bound to the staff member and counter who served it', async () => {
    const canbo2 = await staffAtCounter(t.app, 'canbo2', 2);
    const trackingId = await served(t, canbo2, 2, 2);
    const first = await rate(t.app, { trackingId, level: 'very_satisfied', criteria: { guidance: 'satisfied', integrity: 'very_satisfied' } });
    expect(first.status).toBe(201);
    expect(first.body.level).toBe('very_satisfied');
    const row = t.app.db.prepare('SELECT * FROM ratings').get() as Record<string, unknown>;
    expect(row).toMatchObject({ staff_id: staffId(t.app, 'canbo2'), counter_id: 2, service_id: 2, level: 'very_satisfied', score: 5, scale: 3, source: 'phone', business_day: '2026-11-23' });
    expect(JSON.parse(row.criteria as string)).toEqual({ guidance: 'satisfied', integrity: 'very_satisfied' });

    const again = await rate(t.app, { trackingId, level: 'unsatisfied', reason: 'Thử đánh giá lần hai' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_RATED']);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM ratings')).toBe(1);
    expect((await track(t.app, trackingId)).body.rating).toEqual({ scale: 3, open: false, rated: true });
  });

  it('refuses a ticket not yet done, and the client cannot choose whom it rates', async () => {
    const waiting = ((await issue(t.app, 1)).body as { trackingId: string }).trackingId;
    expect((await track(t.app, waiting)).body.rating).toEqual({ scale: 3, open: false, rated: false });
    expect((await rate(t.app, { trackingId: waiting, level: 'satisfied' })).body.code).toBe('TICKET_NOT_DONE');
    await post(t.app, '/api/counters/1/call-next', canbo1)();
    const notFinished = await rate(t.app, { trackingId: waiting, level: 'satisfied' });
    expect([notFinished.status, notFinished.body.code]).toEqual([409, 'TICKET_NOT_DONE']);
    const forged = await rate(t.app, { trackingId: waiting, level: 'satisfied', staffId: 1 });
    expect([forged.status, forged.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await rate(t.app, { trackingId: 'AAAAAAAAAAAAAAAA', level: 'satisfied' })).body.code).toBe('TICKET_NOT_FOUND');
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM ratings')).toBe(0);
  });

  it('requires a reason for the unsatisfied levels', async () => {
    const trackingId = await served(t, canbo1, 1, 1);
    for (const reason of [undefined, '', '   ', 'a']) {
      const res = await rate(t.app, { trackingId, level: 'unsatisfied', ...(reason === undefined ? {} : { reason }) });
      expect([res.status, res.body.code]).toEqual([400, 'RATING_REASON_REQUIRED']);
    }
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM ratings')).toBe(0);
    expect((await rate(t.app, { trackingId, level: 'unsatisfied', reason: '  Phải chờ quá lâu  ' })).status).toBe(201);
    expect(t.app.db.prepare('SELECT reason, score FROM ratings').get()).toEqual({ reason: 'Phải chờ quá lâu', score: 2 });
  });

  it('offers the levels of the office scale only', async () => {
    const a = await served(t, canbo1, 1, 1);
    expect((await rate(t.app, { trackingId: a, level: 'neutral' })).body.code).toBe('RATING_LEVEL_NOT_OFFERED');
    expect((await rate(t.app, { trackingId: a, level: 'satisfied', criteria: { timeliness: 'very_unsatisfied' } })).body.code).toBe('RATING_LEVEL_NOT_OFFERED');
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), ratingScale: 5 });
    expect((await rate(t.app, { trackingId: a, level: 'neutral' })).status).toBe(201);
    const b = await served(t, canbo1, 1, 1);
    expect((await rate(t.app, { trackingId: b, level: 'very_unsatisfied' })).body.code).toBe('RATING_REASON_REQUIRED');
  });

  it('refuses a browser with a staff session: staff cannot rate for the citizen', async () => {
    const trackingId = await served(t, canbo1, 1, 1);
    const fromConsole = await rate(t.app, { trackingId, level: 'very_satisfied' }, canbo1);
    expect([fromConsole.status, fromConsole.body.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await login(t.app, 'admin');
    expect((await rate(t.app, { trackingId, level: 'very_satisfied' }, admin)).status).toBe(403);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM ratings')).toBe(0);
  });

  it('takes a rating tablet only for tickets finished at its own counter', async () => {
    const admin = await login(t.app, 'admin');
    const tablet = await pairDevice(t.app, admin, 'rating', 'Máy đánh giá quầy 2');
    const bind = await t.app.inject({ method: 'PUT', url: `/api/admin/devices/${tablet.id}/counter`, headers: { cookie: admin }, payload: { counterId: 2 } });
    expect(bind.json()).toMatchObject({ kind: 'rating', counterId: 2 });
    const trackingId = await served(t, canbo1, 1, 1);
    const elsewhere = await rate(t.app, { trackingId, level: 'satisfied' }, tablet.cookie);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'FORBIDDEN']);
    await t.app.inject({ method: 'PUT', url: `/api/admin/devices/${tablet.id}/counter`, headers: { cookie: admin }, payload: { counterId: 1 } });
    expect((await rate(t.app, { trackingId, level: 'satisfied' }, tablet.cookie)).status).toBe(201);
    expect(t.app.db.prepare('SELECT source, device_id, counter_id FROM ratings').get()).toEqual({ source: 'device', device_id: tablet.id, counter_id: 1 });
  });

  it('sums ratings per staff member, counter, service and day for reports', async () => {
    const canbo2 = await staffAtCounter(t.app, 'canbo2', 2);
    await rate(t.app, { trackingId: await served(t, canbo1, 1, 1), level: 'very_satisfied' });
    await rate(t.app, { trackingId: await served(t, canbo1, 1, 1), level: 'unsatisfied', reason: 'Hướng dẫn chưa rõ' });
    await rate(t.app, { trackingId: await served(t, canbo2, 2, 2), level: 'satisfied' });
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const byStaff = t.app.hub.repos.ratings.summary('staff', period);
    expect(byStaff).toEqual([
      { key: staffId(t.app, 'canbo1'), total: 2, averageScore: 3.5, levels: { very_satisfied: 1, satisfied: 0, neutral: 0, unsatisfied: 1, very_unsatisfied: 0 } },
      { key: staffId(t.app, 'canbo2'), total: 1, averageScore: 4, levels: { very_satisfied: 0, satisfied: 1, neutral: 0, unsatisfied: 0, very_unsatisfied: 0 } },
    ]);
    expect(t.app.hub.repos.ratings.summary('counter', { ...period, serviceId: 2 }).map((g) => [g.key, g.total])).toEqual([[2, 1]]);
    expect(t.app.hub.repos.ratings.summary('day', period).map((g) => [g.key, g.total])).toEqual([['2026-11-23', 3]]);
    expect(t.app.hub.repos.ratings.summary('service', { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });
});
