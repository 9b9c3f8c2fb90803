import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, login } from '../helper';

const TICKETS = 2000;
const COUNTERS = 10;

describe("many counters and kiosks at once, over real HTTP", { timeout: 120_000 }, () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp({ now: Date.now });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.app.db.prepare('UPDATE services SET daily_max = 5000, end_number = 9999').run();
  });
  afterAll(async () => {
    await t.close();
  });

  it(`issues ${TICKETS} tickets in parallel with no duplicate number`, async () => {
    const numbers: string[] = [];
    for (let batch = 0; batch < TICKETS / 200; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 + (i % 2) }) }).then(
            async (r) => ({ status: r.status, body: (await r.json()) as { number: string } }),
          ),
        ),
      );
      for (const r of replies) {
        expect(r.status).toBe(201);
        numbers.push(r.body.number);
      }
    }
    expect(new Set(numbers).size).toBe(TICKETS);
    expect(numbers.filter((n) => n.startsWith('A')).sort().at(-1)).toBe('A1000');
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: TICKETS });
  });

  it(`${COUNTERS} counters pressing "call next" together call every ticket exactly once`, async () => {
    const cookies: string[] = [];
    for (let i = 0; i < COUNTERS; i++) {
      const counterId = t.app.hub.repos.catalog.insertCounter({ number: 100 + i, name: `Quầy thử ${i}`, area: '' });
      t.app.hub.repos.catalog.linkService(counterId, 1, 1 + (i % 2));
      t.app.hub.repos.catalog.linkService(counterId, 2, 2 - (i % 2));
      await addUser(t.app, `song-song-${i}`);
      const cookie = await login(t.app, `song-song-${i}`);
      const open = await fetch(`${url}/api/counters/${counterId}/open`, { method: 'POST', headers: { cookie } });
      expect(open.status).toBe(200);
      cookies.push(cookie);
    }
    const ids = await Promise.all(
      cookies.map(async (cookie, i) => {
        const counterId = 7 + i;
        const called: number[] = [];
        for (;;) {
          const r = await fetch(`${url}/api/counters/${counterId}/call-next`, { method: 'POST', headers: { cookie } });
          const body = (await r.json()) as { ticket?: { id: number }; code?: string };
          if (r.status === 409 && body.code === 'QUEUE_EMPTY') return called;
          expect(r.status).toBe(200);
          called.push(body.ticket?.id as number);
        }
      }),
    );
    const all = ids.flat();
    expect(all.length).toBe(TICKETS);
    expect(new Set(all).size).toBe(TICKETS);
    expect(ids.every((list) => list.length > 0)).toBe(true);
    const perTicket = t.app.db.prepare(`SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'called' GROUP BY ticket_id HAVING n <> 1`).all();
    expect(perTicket).toEqual([]);
    expect(t.app.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'`).get()).toEqual({ n: 0 });
  });
});
