import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared/events';
import { buildTestApp, staffAtCounter } from '../helper';

const ISSUES = 240;
const KIOSKS = 6;
const COUNTERS = [1, 2, 3, 4];

/**
 * The day rolls over at midnight while kiosks issue and counters call: whichever command, read or scheduler tick
 * meets the new day first closes the old one. Nothing may be lost, the numbering restarts exactly once and every
 * screen gets exactly one `queue:reset`.
 */
describe('daily reset racing with ticket issue and calls', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp({ settings: { dailyResetTime: '00:00' } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('loses nothing, restarts numbering once per service and pushes one queue:reset', { timeout: 60_000 }, async () => {
    // 23:59:59.000 on Monday 23/11/2026 in Hà Nội (staff sign in just before: sessions idle out after 10 h).
    t.clock.set('2026-11-23T16:59:59.000Z');
    const cookies = await Promise.all(COUNTERS.map((id, i) => staffAtCounter(t.app, `canbo${i + 1}`, id)));
    const display = connect(url, { auth: { role: 'display', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => display.once('connect', () => resolve()));
    const resets: string[] = [];
    display.on('queue:reset', (p: { businessDay: string }) => resets.push(p.businessDay));

    const issued: { id: number; number: string }[] = [];
    const called: number[] = [];
    let crossed = false;
    const issueLoop = async (kiosk: number) => {
      for (let k = 0; k < ISSUES / KIOSKS; k++) {
        // Halfway through, midnight passes while requests are in flight; the scheduler tick races them too.
        if (!crossed && issued.length >= ISSUES / 2) {
          t.clock.advance(2_000);
          crossed = true;
        }
        if (crossed && k % 7 === 0) t.app.hub.queue.rollIfNeeded();
        const res = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 + ((kiosk + k) % 3) }) });
        expect(res.status).toBe(201);
        issued.push((await res.json()) as { id: number; number: string });
      }
    };
    const callLoop = async (cookie: string, counterId: number) => {
      for (let k = 0; k < 25; k++) {
        const res = await fetch(`${url}/api/counters/${counterId}/call-next`, { method: 'POST', headers: { cookie } });
        const body = (await res.json()) as { ticket?: { id: number }; code?: string };
        if (res.status === 200) called.push(body.ticket?.id as number);
        else expect(body.code).toBe('QUEUE_EMPTY');
        await fetch(`${url}/api/counters/${counterId}/finish`, { method: 'POST', headers: { cookie } });
      }
    };
    await Promise.all([...Array.from({ length: KIOSKS }, (_, i) => issueLoop(i)), ...cookies.map((c, i) => callLoop(c, COUNTERS[i] as number))]);
    await new Promise((r) => setTimeout(r, 200));
    display.disconnect();

    const db = t.app.db;
    const rows = db.prepare('SELECT id, number, issued_service_id AS s, queue_day AS day, ordinal, status FROM tickets').all() as { id: number; number: string; s: number; day: string; ordinal: number; status: string }[];
    // Every acknowledged ticket exists with the number it was given.
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const i of issued) expect(byId.get(i.id)?.number).toBe(i.number);
    expect(rows.length).toBe(ISSUES);
    // Both days were used, and per service and day the numbering is exactly 1..n: it restarted once, never twice.
    expect(new Set(rows.map((r) => r.day))).toEqual(new Set(['2026-11-23', '2026-11-24']));
    const groups = new Map<string, number[]>();
    for (const r of rows) groups.set(`${r.s}/${r.day}`, [...(groups.get(`${r.s}/${r.day}`) ?? []), r.ordinal]);
    expect(groups.size).toBe(6);
    for (const [key, ordinals] of groups) expect([...ordinals].sort((a, b) => a - b), key).toEqual(ordinals.map((_, i) => i + 1));
    // Monday's tickets still open at midnight were closed by the roll; no Monday ticket was called on Tuesday.
    const mondayOpen = rows.filter((r) => r.day === '2026-11-23' && ['waiting', 'parked', 'called', 'serving'].includes(r.status));
    expect(mondayOpen).toEqual([]);
    const lateCalls = db
      .prepare("SELECT COUNT(*) AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'called' AND t.queue_day = '2026-11-23' AND e.at >= ?")
      .get(Date.parse('2026-11-23T17:00:00.000Z')) as { n: number };
    expect(lateCalls.n).toBe(0);
    // Every call called a distinct ticket, and exactly one reset reached the display.
    expect(new Set(called).size).toBe(called.length);
    expect(called.length).toBeGreaterThan(0);
    expect(resets).toEqual(['2026-11-24']);
  });
});
