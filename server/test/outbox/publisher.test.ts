import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, issue, login, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';
import { until } from './receiver';

interface Row {
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

/** Each command's catalog events, written by the command's own transaction (real app, real SQLite file, fake clock). */
describe('event publisher: the catalog events of real commands', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let mark = 0;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  /** Events appended since the last call. */
  const since = (): Row[] => {
    const rows = t.app.db.prepare('SELECT seq, type, data FROM outbox_events WHERE seq > ? ORDER BY seq').all(mark) as { seq: number; type: string; data: string }[];
    mark = rows.at(-1)?.seq ?? mark;
    return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  };

  it('tickets, counters and ratings', async () => {
    since();
    const a = await issue(t.app, 1, 'pregnant');
    const c1 = await staffAtCounter(t.app, 'canbo1', 1);
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    await send(t.app, 'POST', '/api/counters/1/recall', c1);
    await send(t.app, 'POST', '/api/counters/1/start', c1);
    await send(t.app, 'POST', '/api/counters/1/finish', c1);
    expect((await t.app.inject({ method: 'POST', url: '/api/ratings', payload: { trackingId: a.body.trackingId, level: 'unsatisfied', reason: 'Chờ lâu' } })).statusCode).toBe(201);
    const b = await issue(t.app, 1);
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    await send(t.app, 'POST', '/api/counters/1/no-show', c1);
    await send(t.app, 'POST', '/api/counters/1/close', c1);
    const rows = since();
    expect(rows.map((r) => r.type)).toEqual([
      'ticket.issued', 'counter.opened', 'ticket.called', 'ticket.recalled', 'ticket.finished', 'rating.submitted',
      'ticket.issued', 'ticket.called', 'ticket.no_show', 'counter.closed',
    ]);
    expect(rows[0]!.data).toMatchObject({ ticketId: a.body.id, number: a.body.number, serviceId: 1, status: 'waiting', priority: true, counterId: null, businessDay: '2026-11-23' });
    expect(rows[1]!.data).toMatchObject({ counterId: 1, counterNumber: 1, staffName: 'Nguyễn Văn An' });
    expect(rows[2]!.data).toMatchObject({ ticketId: a.body.id, status: 'called', counterId: 1, counterNumber: 1 });
    expect(rows[5]!.data).toMatchObject({ ticketId: a.body.id, level: 'unsatisfied', reason: 'Chờ lâu', counterId: 1 });
    expect(rows[8]!.data).toMatchObject({ ticketId: b.body.id, status: 'no_show' });
    // Internal steps (started) are not catalog events: no row for them.
    expect(rows.some((r) => r.type === 'ticket.started')).toBe(false);
  });

  it('dossiers: received, status changed, returned (with the applicant, for allowed endpoints)', async () => {
    since();
    const c1 = await login(t.app, 'canbo1');
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    for (const action of ['process', 'ready', 'return']) expect((await send(t.app, 'POST', `/api/dossiers/${d.id}/${action}`, c1, {})).status).toBe(200);
    const rows = since();
    expect(rows.map((r) => [r.type, r.data.fromStatus, r.data.status])).toEqual([
      ['dossier.received', null, 'received'],
      ['dossier.status_changed', 'received', 'processing'],
      ['dossier.status_changed', 'processing', 'result_ready'],
      ['dossier.returned', 'result_ready', 'returned'],
    ]);
    expect(rows[0]!.data).toMatchObject({ dossierId: d.id, code: d.code, applicantName: intakeBody().applicant.name });
  });

  it('day.closed with the day\'s totals, once, in the rollover', async () => {
    since();
    await issue(t.app, 2);
    t.clock.advance(24 * 3600_000);
    expect(t.app.hub.queue.rollIfNeeded()).toBe(true);
    expect(t.app.hub.queue.rollIfNeeded()).toBe(false);
    const rows = since();
    expect(rows.map((r) => r.type)).toEqual(['ticket.issued', 'ticket.cancelled', 'day.closed']);
    expect(rows[1]!.data).toMatchObject({ reason: 'day_end', status: 'cancelled' });
    expect(rows[2]!.data).toEqual({ businessDay: '2026-11-23', issued: 3, served: 1, noShow: 1, cancelled: 1, dossiersReceived: 1, dossiersReturned: 1, ratings: 1 });
  });

  it('the nightly retention strips personal fields from outbox events older than 30 days, keeping the rest', async () => {
    const personal = () =>
      t.app.db.prepare("SELECT count(*) AS n FROM outbox_events WHERE json_extract(data, '$.applicantName') IS NOT NULL OR json_extract(data, '$.reason') IS NOT NULL AND type = 'rating.submitted'").get() as { n: number };
    expect(personal().n).toBeGreaterThan(0);
    t.clock.advance(29 * 24 * 3600_000);
    t.app.hub.privacy.runRetention();
    expect(personal().n).toBeGreaterThan(0);
    t.clock.advance(2 * 24 * 3600_000);
    t.app.hub.privacy.runRetention();
    expect(personal().n).toBe(0);
    const received = t.app.db.prepare("SELECT data FROM outbox_events WHERE type = 'dossier.received' ORDER BY seq DESC").get() as { data: string };
    expect(JSON.parse(received.data)).toMatchObject({ status: 'received', code: expect.any(String), channel: 'counter' });
    expect(JSON.parse(received.data)).not.toHaveProperty('applicantPhone');
  });

  it('prunes finished deliveries and the events every consumer has passed, keeping pending ones', async () => {
    const { outbox } = t.app.hub.repos;
    const at = t.clock.now();
    const old = t.app.db.transaction(() => [outbox.append('ticket.issued', at - 10, {}), outbox.append('ticket.issued', at - 10, {})])();
    // The hub's own consumers (messages to citizens, off here) pass the new events on the scan after the commit.
    await until(() => (outbox.cursor('notify') ?? 0) >= old[1]!, 2000, 'the notify consumer passing the events');
    outbox.setCursor('test:a', old[1]!);
    const done = outbox.addDelivery('test:a', old[0]!, 1);
    outbox.recordAttempt(done, 2, { ok: true, code: 200, error: null }, 'delivered', null);
    outbox.addDelivery('test:a', old[1]!, 1);
    const later = t.app.db.transaction(() => outbox.append('ticket.issued', at + 10, {}))();
    expect(outbox.prune(100, at)).toEqual({ deliveries: 1, events: expect.any(Number) });
    expect(outbox.bySeq(old[0]!)).toBeUndefined();
    expect(outbox.bySeq(old[1]!)).toBeDefined(); // its delivery is still pending
    expect(outbox.bySeq(later)).toBeDefined();
    outbox.drop('test:a');
  });
});
