import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { buildTestApp, count, login } from '../helper';
import { Receiver, until } from '../outbox/receiver';

const FAST = { retryBaseMs: 40, retryMaxMs: 150, giveUpAfterMs: 60_000, timeoutMs: 2000, pollMs: 50 };
// The test clock: Monday 23/11/2026 09:00 in Hà Nội (02:00Z). Demo rule: slots of 30 min all day, 2 places.
const SLOT_10 = '2026-11-23T03:00:00.000Z';
const SLOT_11 = '2026-11-23T04:00:00.000Z';
const person = (n: number, over: object = {}) => ({ serviceId: 1, start: SLOT_10, fullName: 'Trần Thị Mẫu', phone: `0912 000 ${String(n).padStart(3, '0')}`, consent: true, ...over });

interface OutboxRow {
  seq: number;
  type: string;
  data: string;
}

/** appointment.booked / cancelled / checked_in / missed: written with the change, delivered to webhooks. */
describe('appointment events in the outbox and to webhooks', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  const rx = new Receiver();
  beforeAll(async () => {
    t = await buildTestApp({ config: { webhooks: FAST } });
    admin = await login(t.app, 'admin');
    await rx.start();
  });
  afterAll(async () => {
    await t.close();
    await rx.stop();
  });

  const post = (url: string, payload: object, cookie?: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const events = (): { type: string; data: Record<string, unknown> }[] =>
    (t.app.db.prepare("SELECT seq, type, data FROM outbox_events WHERE type LIKE 'appointment.%' ORDER BY seq").all() as OutboxRow[]).map((e) => ({
      type: e.type,
      data: JSON.parse(e.data) as Record<string, unknown>,
    }));
  const idOf = (code: string) => (t.app.db.prepare('SELECT id FROM appointments WHERE code = ?').get(code) as { id: number }).id;

  it('a refused booking writes neither a booking nor an event', async () => {
    for (const body of [person(1, { consent: false }), person(1, { start: '2026-11-23T03:10:00.000Z' }), person(1, { serviceId: 999 })]) {
      expect((await post('/api/appointments', body)).status).toBeGreaterThanOrEqual(400);
    }
    expect(count(t.app, 'SELECT count(*) AS n FROM appointments')).toBe(0);
    expect(events()).toEqual([]);
  });

  it('each change writes its event in the same transaction, personal fields marked as such; webhooks get them signed', async () => {
    const hook = await t.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: { cookie: admin },
      payload: { url: rx.url, events: ['appointment.booked', 'appointment.cancelled', 'appointment.checked_in', 'appointment.missed'] },
    });
    const { secret } = hook.json<{ secret: string }>();
    const hookP = await t.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: { cookie: admin },
      payload: { url: `${rx.url}?personal=1`, events: ['appointment.booked'], personalData: true },
    });
    expect(hookP.statusCode).toBe(201);

    const a = (await post('/api/appointments', person(1))).body as { code: string; cancelToken: string };
    const b = (await post('/api/appointments', person(2))).body as { code: string };
    const c = (await post('/api/appointments', person(3, { start: SLOT_11 }))).body as { code: string };
    // The slot is full now: the third booking of 10:00 is refused, and adds no event.
    expect((await post('/api/appointments', person(4))).body.code).toBe('SLOT_FULL');
    expect(events().map((e) => e.type)).toEqual(['appointment.booked', 'appointment.booked', 'appointment.booked']);
    expect(events()[0]!.data).toEqual({
      appointmentId: idOf(a.code),
      serviceId: 1,
      startsAt: SLOT_10,
      status: 'booked',
      citizenName: 'Trần Thị Mẫu',
      citizenPhone: '0912000001',
    });

    // Cancel (citizen), a refused second cancel, check-in (kiosk), then the missed pass.
    expect((await post(`/api/appointments/${a.code}/cancel`, { cancelToken: a.cancelToken })).status).toBe(200);
    expect((await post(`/api/appointments/${a.code}/cancel`, { cancelToken: a.cancelToken })).body.code).toBe('APPOINTMENT_NOT_CANCELLABLE');
    t.clock.set('2026-11-23T02:50:00.000Z');
    const checkIn = await post(`/api/appointments/${b.code}/check-in`, {});
    expect(checkIn.status).toBe(201);
    expect((await post(`/api/appointments/${b.code}/check-in`, {})).body.code).toBe('ALREADY_CHECKED_IN');
    expect(t.app.hub.appointments.markMissed()).toBe(0);
    t.clock.set('2026-11-23T04:16:00.000Z');
    expect(t.app.hub.appointments.markMissed()).toBe(1);
    expect(t.app.hub.appointments.markMissed()).toBe(0);

    const all = events();
    expect(all.map((e) => [e.type, e.data.appointmentId, e.data.status])).toEqual([
      ['appointment.booked', idOf(a.code), 'booked'],
      ['appointment.booked', idOf(b.code), 'booked'],
      ['appointment.booked', idOf(c.code), 'booked'],
      ['appointment.cancelled', idOf(a.code), 'cancelled'],
      ['appointment.checked_in', idOf(b.code), 'checked_in'],
      ['appointment.missed', idOf(c.code), 'missed'],
    ]);
    expect(all[4]!.data.ticketId).toBe((checkIn.body as { ticket: { id: number } }).ticket.id);
    // One event per change, and the table agrees with the stream.
    expect(count(t.app, "SELECT count(*) AS n FROM appointments WHERE status = 'cancelled'")).toBe(1);
    expect(count(t.app, "SELECT count(*) AS n FROM appointments WHERE status = 'missed'")).toBe(1);

    await until(() => rx.got.filter((r) => !r.path.includes('personal')).length >= 6 && rx.got.some((r) => r.path.includes('personal')), 10_000, 'all appointment deliveries');
    const plain = rx.got.filter((r) => !r.path.includes('personal'));
    expect(plain.map((r) => r.json.type)).toEqual(all.map((e) => e.type));
    const verifier = new Webhook(secret);
    for (const r of plain) {
      expect(verifier.verify(r.body, r.headers as Record<string, string>)).toEqual(r.json);
      // Not allowed personal data: neither the name nor the phone.
      expect(r.json.data).not.toHaveProperty('citizenName');
      expect(r.json.data).not.toHaveProperty('citizenPhone');
    }
    expect(plain[4]!.json.data).toMatchObject({ status: 'checked_in', ticketId: all[4]!.data.ticketId });
    const personal = rx.got.filter((r) => r.path.includes('personal'));
    expect(personal.map((r) => r.json.data.citizenPhone)).toContain('0912000001');
  });
});
