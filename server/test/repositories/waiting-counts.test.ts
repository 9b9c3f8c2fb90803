import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketRow } from '../../src/repositories/tickets-repository';
import { buildTestApp, issue, staffAtCounter } from '../helper';
import { prng } from '../spellings';

/**
 * The kept waiting counts (migration 018's triggers) against the full count, through a long random mix of every
 * command a queue sees: a ticket just issued gets the same place from them as from counting the whole queue.
 */
describe('waiting counts kept by triggers', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<number, string> = {};

  beforeAll(async () => {
    t = await buildTestApp({ settings: { callingMode: 'interleave', normalPerPriority: 2 } });
    cookies[1] = await staffAtCounter(t.app, 'canbo1', 1);
    cookies[2] = await staffAtCounter(t.app, 'canbo2', 2);
  });
  afterAll(async () => t.close());

  const kept = () =>
    t.app.db.prepare('SELECT queue_day, service_id, priority, n FROM waiting_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
  const counted = () =>
    t.app.db
      .prepare(`SELECT queue_day, service_id, priority_group IS NOT NULL AS priority, COUNT(*) AS n FROM tickets WHERE status = 'waiting' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
      .all();
  const waiting = () => t.app.db.prepare(`SELECT * FROM tickets WHERE status = 'waiting'`).all() as TicketRow[];
  const post = (counter: 1 | 2, path: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: path, headers: { cookie: cookies[counter] ?? '' }, ...(payload ? { payload } : {}) });

  it('equal the full count after every command, and give every waiting ticket the same place', async () => {
    const rnd = prng(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const statuses = new Map<number, number>();
    for (let step = 0; step < 400; step++) {
      const counter = pick([1, 2] as const);
      const any = pick(t.app.db.prepare('SELECT id FROM tickets').all() as { id: number }[]);
      const action = pick(['issue', 'issue', 'issue', 'priority', 'call', 'call', 'finish', 'noShow', 'transfer', 'reactivate', 'cancel']);
      let status = 0;
      if (action === 'issue' || action === 'priority') status = (await issue(t.app, pick([1, 2]), action === 'priority' ? 'elderly' : undefined)).status;
      else if (action === 'call') status = (await post(counter, `/api/counters/${counter}/call-next`)).statusCode;
      else if (action === 'finish') status = (await post(counter, `/api/counters/${counter}/finish`)).statusCode;
      else if (action === 'noShow') status = (await post(counter, `/api/counters/${counter}/no-show`)).statusCode;
      else if (any && action === 'transfer') status = (await post(counter, `/api/tickets/${any.id}/transfer`, { serviceId: pick([1, 2, 3]) })).statusCode;
      else if (any && action === 'reactivate') status = (await post(counter, `/api/tickets/${any.id}/reactivate`)).statusCode;
      else if (any && action === 'cancel') status = (await post(counter, `/api/tickets/${any.id}/cancel`)).statusCode;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `${action} at step ${step}`).toBeLessThan(500);
      expect(kept(), `after ${action} at step ${step}`).toEqual(counted());
      for (const row of waiting()) {
        for (const mode of ['strict', 'interleave'] as const) {
          expect(t.app.hub.repos.tickets.placeOf(row, mode, true), `${row.number} ${mode}`).toEqual(t.app.hub.repos.tickets.placeOf(row, mode, false));
        }
      }
    }
    // The mix really ran: commands succeeded and queues formed.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(60);
    expect(waiting().length).toBeGreaterThan(5);
    // A day rollover (tickets of yesterday closed) leaves them right too.
    t.app.db.prepare(`UPDATE tickets SET status = 'cancelled' WHERE status = 'waiting' AND id % 2 = 0`).run();
    expect(kept()).toEqual(counted());
  });

  it('a ticket just issued gets the place the whole queue gives it', async () => {
    const reply = (await issue(t.app, 1)).body as { id: number; peopleAhead: number };
    const row = t.app.db.prepare('SELECT * FROM tickets WHERE id = ?').get(reply.id) as TicketRow;
    expect(reply.peopleAhead).toBe(t.app.hub.queue.peopleAhead(row, false));
    expect(reply.peopleAhead).toBeGreaterThan(0);
  });
});
