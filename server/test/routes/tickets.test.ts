import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, issue, login } from '../helper';

describe('POST /api/tickets', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });
  const loginAdmin = () => login(t.app, 'admin');

  it('issues numbered tickets per service and stores them', async () => {
    const a1 = await issue(t.app, 1);
    const a2 = await issue(t.app, 1, 'elderly');
    const b1 = await issue(t.app, 2);
    expect(a1.status).toBe(201);
    expect(a1.body).toMatchObject({ number: 'A001', serviceId: 1, status: 'waiting', priorityGroup: null, peopleAhead: 0, serviceNameVi: 'Hộ tịch', counterNumbers: [1, 2] });
    // Strict priority (the default): the elderly citizen is called before A001.
    expect(a2.body).toMatchObject({ number: 'A002', priorityGroup: 'elderly', peopleAhead: 0 });
    expect(b1.body.number).toBe('B001');
    expect(a1.body.trackingUrl).toBe(`http://hub.test/t/${a1.body.trackingId}`);
    // The issue time (base 36 ms, fixed width) then 16 random base64url characters (96 bits): unguessable, and each
    // new id lands at the right edge of the tracking-id index; later tickets sort after earlier ones.
    expect(a1.body.trackingId).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
    t.clock.advance(1);
    const later = (await issue(t.app, 1)).body.trackingId as string;
    expect(later > (a1.body.trackingId as string)).toBe(true);
    expect(later.slice(9)).not.toBe((a1.body.trackingId as string).slice(9));
    expect(count(t.app, "SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'")).toBe(4);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'issued'")).toBe(4);
  });

  it('counts the people ahead as the calling rule will call them (strict, then interleave 2 normal : 1 priority)', async () => {
    const ahead = async () => {
      const out: number[] = [];
      for (const group of [undefined, undefined, 'elderly', undefined, 'disabled'] as const) out.push((await issue(t.app, 1, group)).body.peopleAhead as number);
      return out;
    };
    // Strict: normals wait behind every priority ticket; priority tickets only behind each other.
    expect(await ahead()).toEqual([0, 1, 0, 3, 1]);
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), callingMode: 'interleave', normalPerPriority: 2 });
    await t.app.inject({ method: 'POST', url: '/api/admin/reset-day', headers: { cookie: await loginAdmin() } });
    // Interleave: N1 N2 P1 N3 … P2 comes after two more normals (only one is left: N3).
    expect(await ahead()).toEqual([0, 1, 2, 3, 4]);
    // The phone's figure agrees with the ticket's.
    const last = t.app.db.prepare('SELECT tracking_id FROM tickets ORDER BY id DESC LIMIT 1').get() as { tracking_id: string };
    expect((await t.app.inject({ method: 'GET', url: `/api/track/${last.tracking_id}` })).json()).toMatchObject({ peopleAhead: 4 });
  });

  it('commits the issues of one moment together; a refused one in the batch leaves the others intact', async () => {
    const commits: number[] = [];
    const original = t.app.hub.queue.inDay;
    t.app.hub.queue.inDay = ((work: Parameters<typeof original>[0]) => {
      const out = original(work);
      commits.push(Array.isArray(out.result) ? out.result.length : 1);
      return out;
    }) as typeof original;
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: i % 4 === 3 ? 999 : 1 } })),
    );
    t.app.hub.queue.inDay = original;
    expect(replies.map((r) => r.statusCode)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? 404 : 201)));
    expect(replies.filter((r) => r.statusCode === 201).map((r) => r.json().number)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A006', 'A007', 'A008', 'A009']);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets')).toBe(9);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'issued'")).toBe(9);
    // Fewer commits than requests: they were grouped.
    expect(commits.length).toBeLessThan(12);
  });

  it('refuses unknown services, bad bodies and unknown priority groups without writing', async () => {
    expect((await issue(t.app, 99)).body.code).toBe('SERVICE_NOT_FOUND');
    for (const payload of [{}, { serviceId: 'x' }, { serviceId: 1, extra: 1 }, { serviceId: 1, priorityGroup: 'vip' }, { serviceId: -1 }, []]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/tickets', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { 'content-type': 'application/json' }, payload: '{"serviceId":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets')).toBe(0);
  });

  it('stops at the daily maximum and refuses inactive services', async () => {
    t.app.db.prepare('UPDATE services SET daily_max = 2 WHERE id = 1').run();
    t.app.db.prepare('UPDATE services SET active = 0 WHERE id = 2').run();
    expect((await issue(t.app, 1)).status).toBe(201);
    expect((await issue(t.app, 1)).status).toBe(201);
    const third = await issue(t.app, 1);
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('DAILY_LIMIT_REACHED');
    expect((await issue(t.app, 2)).body.code).toBe('SERVICE_INACTIVE');
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets')).toBe(2);
  });

  it('issues only inside the issuing windows, in the office time zone', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), workingDays: [1, 2, 3, 4, 5], issueWindows: [{ start: '07:00', end: '11:15' }] });
    t.clock.set('2026-11-23T04:30:00.000Z'); // 11:30 in Hà Nội
    const late = await issue(t.app, 1);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('OFFICE_CLOSED');
    t.clock.set('2026-11-23T00:05:00.000Z'); // 07:05
    expect((await issue(t.app, 1)).status).toBe(201);
    t.clock.set('2026-11-22T02:00:00.000Z'); // Sunday 09:00
    expect((await issue(t.app, 1)).body.code).toBe('OFFICE_CLOSED');
  });

  it('restarts numbering on a new business day and closes yesterday\'s open tickets', async () => {
    await issue(t.app, 1);
    await issue(t.app, 1);
    t.clock.set('2026-11-23T16:59:00.000Z'); // 23:59 local: still the same day
    expect((await issue(t.app, 1)).body.number).toBe('A003');
    t.clock.set('2026-11-23T17:00:00.000Z'); // 00:00 local on 24/11
    const next = await issue(t.app, 1);
    expect(next.body.number).toBe('A001');
    expect(count(t.app, "SELECT COUNT(*) AS n FROM tickets WHERE business_day = '2026-11-23' AND status = 'cancelled'")).toBe(3);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM tickets WHERE business_day = '2026-11-24' AND status = 'waiting'")).toBe(1);
  });
});
