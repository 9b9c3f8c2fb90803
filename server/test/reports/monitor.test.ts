import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import type { MonitorSnapshot } from '@shared/schemas/monitor';
import { buildTestApp, count, fakeClock, issue, login, staffAtCounter } from '../helper';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const MIN = 60_000;

describe('supervisor monitor over HTTP', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = fakeClock('2026-11-23T01:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-11-23T01:00:00.000Z');
    t = await buildTestApp({ now: clock.now, settings: { waitAlertMinutes: 20 } });
  }, 60_000);
  afterEach(async () => {
    await t.close();
  });

  it('shows waiting per service (normal/priority), longest and average wait, counters, idle time and alerts', async () => {
    const supervisor = await login(t.app, 'giamsat');
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    await issue(t.app, 1);
    clock.advance(5 * MIN);
    await issue(t.app, 1, 'elderly');
    await issue(t.app, 2);
    clock.advance(10 * MIN);
    // Counter 1 calls the priority ticket first (strict), after it waited 10 minutes; serves it for 4.
    expect((await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } })).json().ticket.number).toBe('A002');
    await t.app.inject({ method: 'POST', url: '/api/counters/1/start', headers: { cookie: staff } });
    clock.advance(4 * MIN);
    await t.app.inject({ method: 'POST', url: '/api/counters/1/finish', headers: { cookie: staff } });
    clock.advance(8 * MIN);

    const res = await t.app.inject({ method: 'GET', url: '/api/monitor', headers: { cookie: supervisor } });
    expect(res.statusCode).toBe(200);
    const m = res.json() as MonitorSnapshot;
    expect(m.alertMinutes).toBe(20);
    const a = m.services.find((s) => s.prefix === 'A');
    // A001 issued at 08:00, now 08:27: still waiting; A002 waited 10 minutes.
    expect(a).toMatchObject({ waitingNormal: 1, waitingPriority: 0, longestWaitMinutes: 27, avgWaitTodayMinutes: 10, servedToday: 1, oldestWaitingSince: '2026-11-23T01:00:00.000Z' });
    expect(m.services.find((s) => s.prefix === 'B')).toMatchObject({ waitingNormal: 1, longestWaitMinutes: 22, avgWaitTodayMinutes: null, servedToday: 0 });
    const c1 = m.counters.find((c) => c.number === 1);
    expect(c1).toMatchObject({ open: true, staffName: 'Nguyễn Văn An', currentTicket: null, idleMinutes: 8, servedToday: 1 });
    expect(m.counters.find((c) => c.number === 2)).toMatchObject({ open: false, idleMinutes: null });
    expect(m.alerts.map((x) => [x.number, x.waitedMinutes])).toEqual([
      ['A001', 27],
      ['B001', 22],
    ]);
    expect(m.tickets.map((x) => x.number).sort()).toEqual(['A001', 'B001']);
  });

  it('lets a supervisor close a counter left open (the ticket in service is finished, audited); staff may not', async () => {
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    const other = await login(t.app, 'canbo2');
    await issue(t.app, 1);
    await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } });
    await t.app.inject({ method: 'POST', url: '/api/counters/1/start', headers: { cookie: staff } });
    const refused = await t.app.inject({ method: 'POST', url: '/api/monitor/counters/1/close', headers: { cookie: other } });
    expect(refused.statusCode).toBe(403);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM counters WHERE id = 1 AND staff_id IS NOT NULL')).toBe(1);

    const supervisor = await login(t.app, 'giamsat');
    const res = await t.app.inject({ method: 'POST', url: '/api/monitor/counters/1/close', headers: { cookie: supervisor } });
    expect(res.statusCode).toBe(200);
    expect(res.json().counter).toMatchObject({ id: 1, open: false, staffId: null, currentTicket: null });
    expect(count(t.app, `SELECT COUNT(*) AS n FROM tickets WHERE status = 'done'`)).toBe(1);
    const audit = t.app.db.prepare(`SELECT details FROM audit_log WHERE action = 'counter.close'`).get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ bySupervisor: true });
    expect((await t.app.inject({ method: 'POST', url: '/api/monitor/counters/99/close', headers: { cookie: supervisor } })).json().code).toBe('COUNTER_NOT_FOUND');
  });
});

describe('supervisor monitor over Socket.IO', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  const clients: Client[] = [];
  const client = (cookie: string): Client => {
    const s: Client = connect(url, { auth: { role: 'counter', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    clients.push(s);
    return s;
  };
  const connected = (s: Client) => new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)));
  const watch = (s: Client) => new Promise<Ack<MonitorSnapshot>>((resolve) => s.emit('monitor:watch', resolve));

  beforeEach(async () => {
    t = await buildTestApp({ now: Date.now });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  });

  it('pushes the recomputed state after commits, at most once a second', async () => {
    const sup = client(await login(t.app, 'giamsat'));
    await connected(sup);
    const first = await watch(sup);
    expect(first.ok).toBe(true);
    expect(first.ok && first.data.services.find((s) => s.prefix === 'A')?.waitingNormal).toBe(0);

    const pushes: { at: number; monitor: MonitorSnapshot }[] = [];
    sup.on('monitor:updated', ({ monitor }) => pushes.push({ at: Date.now(), monitor }));
    const start = Date.now();
    for (let i = 0; i < 6; i++) expect((await issue(t.app, 1)).status).toBe(201);
    const issuedIn = Date.now() - start;
    await new Promise((r) => setTimeout(r, 1300));
    // Six commits (each pushing several events), at most one recomputation per second.
    expect(pushes.length).toBeGreaterThanOrEqual(1);
    expect(pushes.length).toBeLessThanOrEqual(Math.ceil((issuedIn + 1300) / 1000));
    for (let i = 1; i < pushes.length; i++) expect(pushes[i]!.at - pushes[i - 1]!.at).toBeGreaterThanOrEqual(950);
    expect(pushes.at(-1)!.monitor.services.find((s) => s.prefix === 'A')?.waitingNormal).toBe(6);
    expect(pushes[0]!.at - start).toBeLessThan(issuedIn + 1200);
  });

  it('refuses staff without the supervisor role, and pushes nothing to them', async () => {
    const staff = client(await login(t.app, 'canbo1'));
    await connected(staff);
    const reply = await watch(staff);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    let got = 0;
    staff.on('monitor:updated', () => (got += 1));
    const sup = client(await login(t.app, 'admin'));
    await connected(sup);
    expect((await watch(sup)).ok).toBe(true);
    const pushed = new Promise((resolve) => sup.once('monitor:updated', resolve));
    await issue(t.app, 2);
    await pushed;
    expect(got).toBe(0);
    expect(t.app.hub.monitor.watching()).toBe(1);
  });
});
