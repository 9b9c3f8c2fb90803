import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';

async function post(app: App, url: string, cookie: string, payload?: unknown) {
  const res = await app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() };
}

function ticketRow(app: App, id: number) {
  return app.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as Record<string, unknown>;
}

describe('counter console API', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  beforeEach(async () => {
    t = await buildTestApp();
    c1 = await staffAtCounter(t.app, 'canbo1', 1);
  });
  afterEach(async () => {
    await t.close();
  });

  it('walks a ticket through call, recall, start and finish', async () => {
    const { body: issued } = await issue(t.app, 1);
    const called = await post(t.app, '/api/counters/1/call-next', c1);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: issued.id, number: 'A001', status: 'called', counterId: 1 });
    expect((await post(t.app, '/api/counters/1/recall', c1)).body.ticket.recallCount).toBe(1);
    expect((await post(t.app, '/api/counters/1/start', c1)).body.ticket.status).toBe('serving');
    t.clock.advance(5 * 60_000);
    const done = await post(t.app, '/api/counters/1/finish', c1);
    expect(done.body.ticket.status).toBe('done');
    expect(ticketRow(t.app, issued.id)).toMatchObject({ status: 'done', counter_id: 1, staff_id: 3, recall_count: 1 });
    const events = t.app.db.prepare('SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(issued.id).map((r) => (r as { type: string }).type);
    expect(events).toEqual(['issued', 'called', 'recalled', 'started', 'finished']);
    const snap = (await t.app.inject({ url: '/api/queue/snapshot' })).json();
    expect(snap.counters.find((c: { id: number }) => c.id === 1)).toMatchObject({ servedToday: 1, currentTicket: null, staffName: 'Nguyễn Văn An' });
  });

  it('answers QUEUE_EMPTY and NO_CURRENT_TICKET with nothing changed', async () => {
    const empty = await post(t.app, '/api/counters/1/call-next', c1);
    expect(empty).toMatchObject({ status: 409, body: { code: 'QUEUE_EMPTY', message: 'Không còn công dân chờ.' } });
    for (const action of ['recall', 'start', 'finish', 'no-show', 'park']) {
      const res = await post(t.app, `/api/counters/1/${action}`, c1);
      expect(res.status, action).toBe(409);
      expect(res.body.code, action).toBe('NO_CURRENT_TICKET');
    }
    await issue(t.app, 1);
    await post(t.app, '/api/counters/1/call-next', c1);
    await post(t.app, '/api/counters/1/start', c1);
    // Calling next with nobody waiting must not finish the ticket being served.
    expect((await post(t.app, '/api/counters/1/call-next', c1)).body.code).toBe('QUEUE_EMPTY');
    expect(ticketRow(t.app, 1).status).toBe('serving');
    expect((await post(t.app, '/api/counters/1/no-show', c1)).body.code).toBe('INVALID_TRANSITION');
  });

  it('call-next finishes the current ticket and serves the heavier service first', async () => {
    await issue(t.app, 2); // B001: counter 1 serves B with weight 1
    await issue(t.app, 1); // A001: weight 2
    expect((await post(t.app, '/api/counters/1/call-next', c1)).body.ticket.number).toBe('A001');
    expect((await post(t.app, '/api/counters/1/call-next', c1)).body.ticket.number).toBe('B001');
    expect(ticketRow(t.app, 2).status).toBe('done');
  });

  it('calls priority tickets first under the strict policy', async () => {
    await issue(t.app, 1);
    await issue(t.app, 1);
    await issue(t.app, 1, 'disabled');
    const first = await post(t.app, '/api/counters/1/call-next', c1);
    expect(first.body.ticket).toMatchObject({ number: 'A003', priorityGroup: 'disabled' });
  });

  it('parks, calls a specific ticket, then takes the parked one back', async () => {
    await issue(t.app, 1);
    await issue(t.app, 1);
    await issue(t.app, 1);
    await post(t.app, '/api/counters/1/call-next', c1);
    const parked = await post(t.app, '/api/counters/1/park', c1);
    expect(parked.body.ticket).toMatchObject({ number: 'A001', status: 'parked', counterId: 1 });
    const specific = await post(t.app, '/api/counters/1/call', c1, { ticketId: 3 });
    expect(specific.body.ticket).toMatchObject({ number: 'A003', status: 'called' });
    const back = await post(t.app, '/api/counters/1/call', c1, { ticketId: 1 });
    expect(back.body.ticket).toMatchObject({ number: 'A001', status: 'called' });
    expect(ticketRow(t.app, 3).status).toBe('done');
    expect((await post(t.app, '/api/counters/1/call', c1, { ticketId: 1 })).body.code).toBe('INVALID_TRANSITION');
    expect((await post(t.app, '/api/counters/1/call', c1, { ticketId: 999 })).body.code).toBe('TICKET_NOT_FOUND');
  });

  it('refuses to call a ticket of a service the counter does not serve', async () => {
    await issue(t.app, 4); // Đất đai: counter 4 only
    const res = await post(t.app, '/api/counters/1/call', c1, { ticketId: 1 });
    expect(res).toMatchObject({ status: 409, body: { code: 'SERVICE_NOT_AT_COUNTER' } });
    expect(ticketRow(t.app, 1).status).toBe('waiting');
  });

  it('no-show then reactivate puts the ticket back at the end of the queue', async () => {
    await issue(t.app, 1);
    await issue(t.app, 1);
    await post(t.app, '/api/counters/1/call-next', c1);
    t.clock.advance(60_000);
    const ns = await post(t.app, '/api/counters/1/no-show', c1);
    expect(ns.body.ticket).toMatchObject({ status: 'no_show', noShowCount: 1 });
    const re = await post(t.app, '/api/tickets/1/reactivate', c1);
    expect(re.body.ticket).toMatchObject({ status: 'waiting', counterId: null });
    expect((await post(t.app, '/api/counters/1/call-next', c1)).body.ticket.number).toBe('A002');
    expect((await post(t.app, '/api/counters/1/call-next', c1)).body.ticket.number).toBe('A001');
  });

  it('transfers to another service (front of its queue) and to a specific counter, keeping the number', async () => {
    await issue(t.app, 4); // D001 waiting at land counter
    await issue(t.app, 1); // A001
    await post(t.app, '/api/counters/1/call-next', c1);
    const moved = await post(t.app, '/api/tickets/2/transfer', c1, { serviceId: 4 });
    expect(moved.body.ticket).toMatchObject({ number: 'A001', serviceId: 4, status: 'waiting', transferCount: 1, counterId: null });
    const c4 = await staffAtCounter(t.app, 'canbo2', 4);
    expect((await post(t.app, '/api/counters/4/call-next', c4)).body.ticket.number).toBe('A001');
    const toCounter = await post(t.app, '/api/tickets/2/transfer', c4, { counterId: 3 });
    expect(toCounter.body.ticket).toMatchObject({ targetCounterId: 3, serviceId: 4 });
    const c3 = await staffAtCounter(t.app, 'canbo3', 3);
    expect((await post(t.app, '/api/counters/3/call-next', c3)).body.ticket.number).toBe('A001');
    expect((await post(t.app, '/api/tickets/2/transfer', c3, { serviceId: 1, counterId: 2 })).status).toBe(400);
    expect((await post(t.app, '/api/tickets/2/transfer', c3, {})).status).toBe(400);
  });

  it('interleaves N normal tickets with one priority ticket when the office chooses it', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), callingMode: 'interleave', normalPerPriority: 2 });
    for (const group of [undefined, undefined, undefined, 'elderly', 'merit']) await issue(t.app, 1, group);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) order.push((await post(t.app, '/api/counters/1/call-next', c1)).body.ticket.number);
    expect(order).toEqual(['A001', 'A002', 'A004', 'A003', 'A005']);
  });

  it('sends a transferred ticket to the back of the new queue when the office chooses it', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), transferPosition: 'back' });
    await issue(t.app, 1); // A001
    t.clock.advance(1000);
    await issue(t.app, 4); // D001
    await post(t.app, '/api/counters/1/call-next', c1);
    t.clock.advance(1000);
    await post(t.app, '/api/tickets/1/transfer', c1, { serviceId: 4 });
    const c4 = await staffAtCounter(t.app, 'canbo2', 4);
    expect((await post(t.app, '/api/counters/4/call-next', c4)).body.ticket.number).toBe('D001');
    expect((await post(t.app, '/api/counters/4/call-next', c4)).body.ticket.number).toBe('A001');
  });

  it('keeps one staff member per counter and refuses actions at a counter not opened', async () => {
    const other = await login(t.app, 'canbo2');
    const taken = await post(t.app, '/api/counters/1/open', other);
    expect(taken).toMatchObject({ status: 409, body: { code: 'COUNTER_TAKEN' } });
    expect((await post(t.app, '/api/counters/1/call-next', other)).body.code).toBe('NOT_AT_COUNTER');
    expect((await post(t.app, '/api/counters/99/open', other)).body.code).toBe('COUNTER_NOT_FOUND');
    // Moving to another counter frees the first one.
    await post(t.app, '/api/counters/2/open', c1);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM counters WHERE staff_id = 3')).toBe(1);
    expect((await post(t.app, '/api/counters/1/open', other)).status).toBe(200);
  });

  it('closing a counter returns a called ticket to the queue and frees the counter', async () => {
    await issue(t.app, 1);
    await post(t.app, '/api/counters/1/call-next', c1);
    const closed = await post(t.app, '/api/counters/1/close', c1);
    expect(closed.body.counter).toMatchObject({ open: false, staffId: null, currentTicket: null });
    expect(ticketRow(t.app, 1)).toMatchObject({ status: 'waiting', counter_id: null });
  });

  it('requires a session for staff routes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    const reset = await t.app.inject({ method: 'POST', url: '/api/admin/reset-day', headers: { cookie: c1 } });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().code).toBe('FORBIDDEN');
  });
});
