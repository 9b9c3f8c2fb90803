import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATIONS } from '@shared/schemas/notifications';
import { stripDiacritics } from '@shared/text-fold';
import { buildApp } from '../../src/app';
import { buildTestApp, count, fakeClock, login, testConfig } from '../helper';
import { Receiver, until } from '../outbox/receiver';

const FAST = { retryBaseMs: 40, retryMaxMs: 150, giveUpAfterMs: 60_000, timeoutMs: 2000, pollMs: 50 };
const OFFICE = 'Trung tam Phuc vu hanh chinh cong phuong Hoa Binh';
// The test clock: Monday 23/11/2026 09:00 in Hà Nội (02:00Z); the reminder hour here is 18:00 (11:00Z).
const TODAY_10 = '2026-11-23T03:00:00.000Z';
const TOMORROW_09 = '2026-11-24T02:00:00.000Z';
const TOMORROW_0930 = '2026-11-24T02:30:00.000Z';
const TOMORROW_10 = '2026-11-24T03:00:00.000Z';
const person = (n: number, start: string) => ({ serviceId: 1, start, fullName: 'Lê Văn Thử', phone: `0912 000 ${String(n).padStart(3, '0')}`, consent: true });

interface Sms {
  to: string;
  message: string;
  requestId: string;
}

/** 'Booking confirmed' and 'reminder the day before' through the outbox to a fake SMS gateway on loopback. */
describe('appointment notifications: confirmation once per booking, reminder once the day before', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const sms = new Receiver();
  /** Status the gateway answered per request, in order. */
  const answers: number[] = [];
  let fail: (m: Sms) => boolean = () => false;
  let service = '';
  beforeAll(async () => {
    t = await buildTestApp({ config: { webhooks: FAST, reminderHour: 18 } });
    await sms.start();
    sms.respond = (r) => {
      const code = fail(r.json as unknown as Sms) ? 500 : 200;
      answers.push(code);
      return code;
    };
    const admin = await login(t.app, 'admin');
    const on = { ...DEFAULT_NOTIFICATIONS, sms: { ...DEFAULT_NOTIFICATIONS.sms, enabled: true, url: sms.url } };
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/notifications', headers: { cookie: admin }, payload: on })).statusCode).toBe(200);
    service = stripDiacritics((t.app.db.prepare('SELECT name_vi FROM services WHERE id = 1').get() as { name_vi: string }).name_vi);
  });
  afterAll(async () => {
    await t.close();
    await sms.stop();
  });

  const book = async (n: number, start: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: person(n, start) });
    expect(res.statusCode).toBe(201);
    return res.json<{ code: string; cancelToken: string }>();
  };
  /** Messages the gateway accepted. */
  const accepted = () => sms.got.filter((_, i) => answers[i] === 200).map((r) => r.json as unknown as Sms);
  const settle = () => new Promise((r) => setTimeout(r, 400));

  it('confirms each booking once, after the gateway\'s failures, with the same request id on every attempt', async () => {
    let failures = 2;
    fail = () => failures-- > 0;
    const a = await book(1, TODAY_10);
    const b = await book(2, TOMORROW_09);
    await until(() => accepted().length === 2, 10_000, 'both confirmations');
    await settle();
    expect(accepted().map((m) => [m.to, m.message])).toEqual([
      ['0912000001', `${OFFICE}: Da dat lich ${service} luc 10:00 ngay 23/11/2026. Ma lich hen ${a.code}.`],
      ['0912000002', `${OFFICE}: Da dat lich ${service} luc 09:00 ngay 24/11/2026. Ma lich hen ${b.code}.`],
    ]);
    expect(answers).toEqual([500, 500, 200, 200]);
    const ids = sms.got.map((r) => (r.json as unknown as Sms).requestId);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    // The log has one sent row per booking; a refused booking owes nothing.
    expect((await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { ...person(3, TODAY_10), consent: false } })).statusCode).toBe(400);
    await settle();
    expect(accepted()).toHaveLength(2);
    expect(count(t.app, "SELECT count(*) AS n FROM notification_sends WHERE kind = 'bookingConfirmed' AND status = 'sent'")).toBe(2);
    sms.got.length = 0;
    answers.length = 0;
  });

  it('reminds the day before from the configured hour, once per booking still booked', async () => {
    const c = await book(3, TOMORROW_0930);
    const d = await book(4, TOMORROW_10);
    // A booking cancelled while its confirmation still waits (the gateway failing) gets none.
    fail = (m) => m.to === '0912000005';
    const gone = await book(5, TOMORROW_10.replace('03:00', '03:30'));
    await until(() => answers.includes(500), 10_000, 'a failed confirmation');
    expect((await t.app.inject({ method: 'POST', url: `/api/appointments/${gone.code}/cancel`, payload: { cancelToken: gone.cancelToken } })).statusCode).toBe(200);
    fail = () => false;
    await until(() => accepted().length === 2, 10_000, 'two confirmations');
    await settle();
    expect(accepted().map((m) => m.to)).toEqual(['0912000003', '0912000004']);
    expect(count(t.app, "SELECT count(*) AS n FROM outbox_deliveries WHERE consumer = 'notify' AND status = 'pending'")).toBe(0);
    sms.got.length = 0;
    answers.length = 0;

    const reminders = t.app.hub.appointmentReminders;
    expect(reminders.runIfDue()).toBe(0); // 09:00: too early
    t.clock.set('2026-11-23T10:59:59.000Z'); // 17:59:59
    expect(reminders.runIfDue()).toBe(0);
    // 18:00: the bookings of tomorrow still booked (not the cancelled one, not today's); d's reminder fails for now.
    t.clock.set('2026-11-23T11:00:00.000Z');
    fail = (m) => m.to === '0912000004';
    expect(reminders.runIfDue()).toBe(3);
    expect(reminders.runIfDue()).toBe(0);
    expect(count(t.app, 'SELECT count(*) AS n FROM appointments WHERE reminded_at IS NOT NULL')).toBe(3);
    // A booking made after the hour got its confirmation: no reminder on top.
    t.clock.set('2026-11-23T11:30:00.000Z');
    await book(6, TOMORROW_10.replace('03:00', '04:00'));
    expect(reminders.runIfDue()).toBe(0);

    await until(() => answers.filter((x) => x === 500).length >= 2, 10_000, 'the failing reminder retried');
    // Staff cancel d before the gateway recovers: its reminder is owed no more.
    const staff = await login(t.app, 'admin');
    const cancel = await t.app.inject({ method: 'POST', url: `/api/appointments/${d.code}/cancel`, headers: { cookie: staff }, payload: { reason: 'Nghỉ đột xuất' } });
    expect(cancel.statusCode).toBe(200);
    fail = () => false;
    await until(() => accepted().some((m) => m.to === '0912000006'), 10_000, 'the late booking\'s confirmation');
    await settle();
    const got = accepted();
    expect(got.filter((m) => m.message.includes('Nhac lich hen')).map((m) => [m.to, m.message])).toEqual([
      ['0912000002', `${OFFICE}: Nhac lich hen ${service} luc 09:00 ngay mai 24/11/2026. Ma lich hen ${(t.app.db.prepare("SELECT code FROM appointments WHERE phone = '0912000002'").get() as { code: string }).code}.`],
      ['0912000003', `${OFFICE}: Nhac lich hen ${service} luc 09:30 ngay mai 24/11/2026. Ma lich hen ${c.code}.`],
    ]);
    expect(got.filter((m) => m.to === '0912000004' && m.message.includes('Nhac'))).toEqual([]);
    // Nothing personal in the stream's reminder entries: the booking's id only.
    const entries = t.app.db.prepare("SELECT data FROM outbox_events WHERE type = 'notify.appointment_reminder'").all() as { data: string }[];
    expect(entries.map((e) => Object.keys(JSON.parse(e.data) as object))).toEqual([['appointmentId'], ['appointmentId'], ['appointmentId']]);
    // The next evening again: nothing more (once per booking).
    t.clock.set('2026-11-24T11:00:00.000Z');
    expect(reminders.runIfDue()).toBe(0);
  });
});

describe('appointment notifications survive a restart', () => {
  it('a confirmation and a reminder waiting for a gateway that is down go out once after the hub restarts', async () => {
    const sms = await new Receiver().start();
    const config = testConfig({ webhooks: FAST, reminderHour: 18 });
    const clock = fakeClock();
    let app = await buildApp({ config, now: clock.now, logger: false });
    try {
      const admin = await login(app, 'admin');
      const on = { ...DEFAULT_NOTIFICATIONS, sms: { ...DEFAULT_NOTIFICATIONS.sms, enabled: true, url: sms.url } };
      expect((await app.inject({ method: 'PUT', url: '/api/admin/notifications', headers: { cookie: admin }, payload: on })).statusCode).toBe(200);
      await app.ready();
      sms.respond = () => 503;
      const res = await app.inject({ method: 'POST', url: '/api/appointments', payload: person(7, TOMORROW_09) });
      expect(res.statusCode).toBe(201);
      clock.set('2026-11-23T11:00:00.000Z');
      expect(app.hub.appointmentReminders.runIfDue()).toBe(1);
      await until(() => sms.got.length >= 2, 10_000, 'failed attempts before the restart');
      await app.close();

      sms.respond = () => 200;
      const failed = sms.got.length;
      app = await buildApp({ config, now: clock.now, logger: false });
      await app.ready();
      await until(() => sms.got.length >= failed + 2, 10_000, 'both messages after the restart');
      await new Promise((r) => setTimeout(r, 400));
      const after = sms.got.slice(failed).map((r) => (r.json as unknown as Sms).message);
      expect(after.map((m) => m.split(': ')[1]?.split(' ')[0])).toEqual(['Da', 'Nhac']);
      expect(app.hub.appointmentReminders.runIfDue()).toBe(0);
      expect(count(app, "SELECT count(*) AS n FROM notification_sends WHERE status = 'sent'")).toBe(2);
    } finally {
      await app.close();
      await sms.stop();
      rmSync(config.dir, { recursive: true, force: true });
    }
  });
});
