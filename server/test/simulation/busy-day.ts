// A simulated busy day (quality.md): 2,000 tickets, 15 counters, an accelerated clock, every command through the
// real routes. Checks the invariants and returns the raw counts for the report comparison.
import { rmSync } from 'node:fs';
import { buildApp } from '../../src/app';
import type {} from '../../src/plugins/hub';
import { testConfig } from '../temp-config';
import { hashPassword } from '../../src/passwords';

const PASSWORD = 'ngay-dong-khach';
const COUNTERS = 15;

/** Deterministic pseudo-random numbers (a run is repeatable). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BusyDayResult {
  tickets: number;
  served: number;
  noShows: number;
  transfers: number;
  /** Tickets transferred at least once (a ticket may be transferred again). */
  transferredTickets: number;
  cancelledAtDayEnd: number;
  duplicateNumbers: number;
  notFinal: number;
  commands: number;
  wallSeconds: number;
  /** The day's first and last instants, for report queries. */
  from: string;
  to: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  cookie: string;
  close: () => Promise<void>;
}

/** Runs the day 07:30–17:00 in Hà Nội on Monday 23/11/2026 (Tuesday's first tick closes it), then checks invariants. */
export async function simulateBusyDay(tickets = 2_000): Promise<BusyDayResult> {
  const config = testConfig({ publicUrl: 'http://day.local', demoPassword: PASSWORD, backupKeep: 1 }, 'motcua-day-');
  const dir = config.dir;

  let now = Date.parse('2026-11-23T00:30:00.000Z');
  const app = await buildApp({ config, now: () => now, logger: false });
  const random = rng(20261123);
  const services = app.hub.repos.catalog.services().map((s) => s.id);
  const hash = await hashPassword(PASSWORD);
  let commands = 0;
  const call = async (method: 'GET' | 'POST', url: string, cookie?: string, payload?: unknown) => {
    commands++;
    const res = await app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    const c = res.cookies.find((x) => x.name === 'motcua_session');
    if (!c) throw new Error(`login ${username}: ${res.body}`);
    return `motcua_session=${c.value}`;
  };

  // 15 counters, each serving three services; one clerk each.
  const counters: { id: number; cookie: string; busyUntil: number; ticketId: number | null }[] = [];
  const existing = app.hub.repos.catalog.counters().map((c) => c.id);
  for (let i = 0; i < COUNTERS; i++) {
    const id = existing[i] ?? app.hub.repos.catalog.insertCounter({ number: 100 + i, name: `Quầy ${100 + i}`, area: '' });
    if (existing[i] === undefined) for (let k = 0; k < 3; k++) app.hub.repos.catalog.linkService(id, services[(i + k) % services.length] as number, 1);
    const username = `ngay${i}`;
    app.hub.repos.users.insert({ username, full_name: `Cán bộ ${i}`, role: 'staff', password_hash: hash, must_change_password: 0, created_at: now });
    const cookie = await login(username);
    const open = await call('POST', `/api/counters/${id}/open`, cookie);
    if (open.status !== 200) throw new Error(`open counter ${id}: ${JSON.stringify(open.body)}`);
    counters.push({ id, cookie, busyUntil: 0, ticketId: null });
  }

  const started = performance.now();
  const end = Date.parse('2026-11-23T10:00:00.000Z');
  const step = ((end - now) / tickets) * 0.9;
  let issued = 0;
  let noShows = 0;
  let transfers = 0;
  let served = 0;
  while (now < end) {
    now += Math.round(step * (0.5 + random()));
    if (issued < tickets) {
      const res = await call('POST', '/api/tickets', undefined, { serviceId: services[Math.floor(random() * services.length)], ...(random() < 0.08 ? { priorityGroup: 'elderly' } : {}) });
      if (res.status !== 201) throw new Error(`issue: ${JSON.stringify(res.body)}`);
      issued++;
    }
    for (const c of counters) {
      if (c.ticketId !== null && now >= c.busyUntil) {
        await call('POST', `/api/counters/${c.id}/finish`, c.cookie);
        served++;
        c.ticketId = null;
      }
      if (c.ticketId !== null) continue;
      const next = await call('POST', `/api/counters/${c.id}/call-next`, c.cookie);
      if (next.status !== 200) continue;
      const ticket = next.body.ticket as { id: number };
      const r = random();
      if (r < 0.05) {
        await call('POST', `/api/counters/${c.id}/no-show`, c.cookie);
        noShows++;
      } else if (r < 0.08) {
        await call('POST', `/api/counters/${c.id}/start`, c.cookie);
        await call('POST', `/api/tickets/${ticket.id}/transfer`, c.cookie, { serviceId: services[Math.floor(random() * services.length)] });
        transfers++;
      } else {
        await call('POST', `/api/counters/${c.id}/start`, c.cookie);
        c.ticketId = ticket.id;
        c.busyUntil = now + Math.round((2 + random() * 6) * 60_000);
      }
    }
  }
  for (const c of counters) {
    if (c.ticketId === null) continue;
    await call('POST', `/api/counters/${c.id}/finish`, c.cookie);
    served++;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  // Past midnight the first tick closes Monday: what is still waiting ends cancelled (kept for reports).
  now = Date.parse('2026-11-23T17:00:05.000Z');
  app.hub.queue.rollIfNeeded();
  // The supervisor who reads the day's report signs in now (a morning session would have expired).
  const supervisor = await login('giamsat');

  const one = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
  return {
    tickets: one("SELECT COUNT(*) AS n FROM tickets WHERE business_day = '2026-11-23'"),
    served,
    noShows,
    transfers,
    transferredTickets: one("SELECT COUNT(*) AS n FROM tickets WHERE transfer_count > 0"),
    cancelledAtDayEnd: one("SELECT COUNT(*) AS n FROM tickets WHERE status = 'cancelled'"),
    duplicateNumbers: one('SELECT COUNT(*) AS n FROM (SELECT 1 FROM tickets GROUP BY issued_service_id, queue_day, number HAVING COUNT(*) > 1)'),
    notFinal: one("SELECT COUNT(*) AS n FROM tickets WHERE status NOT IN ('done', 'no_show', 'cancelled')"),
    commands,
    wallSeconds,
    from: '2026-11-23T00:00:00.000Z',
    to: '2026-11-23T16:59:59.999Z',
    app,
    cookie: supervisor,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
