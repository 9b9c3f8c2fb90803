import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATIONS, type NotificationSettings } from '@shared/schemas/notifications';
import { buildTestApp, issue, login, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';
import { Receiver, until } from '../outbox/receiver';

const FAST = { retryBaseMs: 40, retryMaxMs: 150, giveUpAfterMs: 60_000, timeoutMs: 2000, pollMs: 50 };

/** Messages to citizens through a fake SMS gateway on loopback, carried by the outbox. */
describe('notifications: SMS/ZNS gateways as request templates, each message once', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  const sms = new Receiver();
  beforeAll(async () => {
    t = await buildTestApp({ config: { webhooks: FAST } });
    admin = await login(t.app, 'admin');
    await sms.start();
  });
  afterAll(async () => {
    await t.close();
    await sms.stop();
  });

  const save = (s: NotificationSettings) => t.app.inject({ method: 'PUT', url: '/api/admin/notifications', headers: { cookie: admin }, payload: s });
  const on = (): NotificationSettings => ({ ...DEFAULT_NOTIFICATIONS, sms: { ...DEFAULT_NOTIFICATIONS.sms, enabled: true, url: sms.url, headers: 'Content-Type: application/json\nX-Api-Key: k-123' } });
  /** Messages the gateway answered 2xx, as { to, message }. */
  const delivered = () => sms.got.filter((r) => r.json && (r.json as unknown as { to?: string }).to).map((r) => r.json as unknown as { to: string; message: string; requestId: string });

  it('refuses gateway URLs outside the policy and bad templates, changing nothing', async () => {
    const bad = await save({ ...on(), sms: { ...on().sms, url: 'http://example.com/sms' } });
    expect(bad.json().code).toBe('WEBHOOK_URL_NOT_ALLOWED');
    for (const s of [{ ...on(), peopleAhead: 0 }, { ...on(), templates: { ...on().templates, called: '' } }, { ...on(), sms: { ...on().sms, url: 'ftp://x' } }]) {
      expect((await save(s)).json().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ url: '/api/admin/notifications', headers: { cookie: admin } })).json()).toEqual(DEFAULT_NOTIFICATIONS);
  });

  it('a test send shows the gateway\'s answer; SMS without diacritics when asked', async () => {
    expect((await save(on())).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/notifications/test', headers: { cookie: admin }, payload: { channel: 'sms', phone: '0912345678', kind: 'peopleAhead' } });
    expect(res.json()).toEqual({ ok: true, code: 200, body: 'ok', error: null, text: 'Con 3 nguoi nua den luot quy khach (so A012). Xin moi quy khach chuan bi.' });
    const got = sms.got.at(-1)!;
    expect(got.headers['x-api-key']).toBe('k-123');
    expect(got.json).toMatchObject({ to: '0912345678', message: 'Con 3 nguoi nua den luot quy khach (so A012). Xin moi quy khach chuan bi.' });
    sms.got.length = 0;
  });

  it('"Còn N người nữa" once per opted-in ticket, "called" once, through the outbox, retried after a 500', async () => {
    const tickets: { id: number; number: string; trackingId: string }[] = [];
    for (let i = 0; i < 5; i++) tickets.push((await issue(t.app, 1)).body as (typeof tickets)[number]);
    const phone = (i: number, p: string, consent: unknown = true) =>
      t.app.inject({ method: 'PUT', url: `/api/track/${tickets[i]!.trackingId}/phone`, payload: { phone: p, consent } });
    expect((await phone(4, '0900000005', false)).json().code).toBe('VALIDATION_FAILED');
    expect((await phone(4, 'abc')).json().code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'PUT', url: '/api/track/khong-co-so-nay-0000000/phone', payload: { phone: '0900000001', consent: true } })).statusCode).toBe(404);
    expect((await phone(0, '0900000001')).statusCode).toBe(204);
    expect((await phone(4, '0900000005')).statusCode).toBe(204);

    // The gateway fails at first: the messages wait in the outbox and go once it answers.
    let failures = 2;
    sms.respond = () => (failures-- > 0 ? 500 : 200);
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    await send(t.app, 'POST', '/api/counters/1/call-next', staff); // calls #1; #5 now has 3 ahead
    await until(() => delivered().length >= 2 && failures < 0, 10_000, 'both messages after the failures');
    await send(t.app, 'POST', '/api/counters/1/call-next', staff); // #5 now 2 ahead: no second "Còn N"
    await send(t.app, 'POST', '/api/counters/1/call-next', staff);
    await new Promise((r) => setTimeout(r, 500));
    const ok = sms.got.filter((r, i) => i >= 2).map((r) => r.json as unknown as { to: string; message: string; requestId: string });
    expect(ok.map((m) => [m.to, m.message])).toEqual([
      ['0900000001', `Moi quy khach so ${tickets[0]!.number} den quay 1.`],
      ['0900000005', `Con 3 nguoi nua den luot quy khach (so ${tickets[4]!.number}). Xin moi quy khach chuan bi.`],
    ]);
    // The failed attempts carried the same request ids as the ones that went through (the provider can deduplicate).
    const ids = sms.got.map((r) => (r.json as unknown as { requestId: string }).requestId);
    expect(ids.slice(0, 2)).toEqual(ids.slice(2, 4));
    expect(sms.got).toHaveLength(4);
    const log = (await t.app.inject({ url: '/api/admin/notifications/log', headers: { cookie: admin } })).json<{ phone: string; status: string; kind: string }[]>();
    expect(log.filter((l) => l.status === 'sent').map((l) => [l.kind, l.phone]).sort()).toEqual([['called', '*******001'], ['peopleAhead', '*******005']]);
    sms.got.length = 0;
  });

  it('tells the applicant their dossier\'s result is ready, once', async () => {
    const c1 = await login(t.app, 'canbo1');
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    for (const a of ['process', 'ready']) expect((await send(t.app, 'POST', `/api/dossiers/${d.id}/${a}`, c1, {})).status).toBe(200);
    await until(() => delivered().length === 1, 10_000, 'the result message');
    expect(delivered()[0]).toMatchObject({ to: '0912345678', message: `Trung tam Phuc vu hanh chinh cong phuong Hoa Binh: Ho so ${d.code} da co ket qua. Moi quy khach den nhan.` });
    await send(t.app, 'POST', `/api/dossiers/${d.id}/return`, c1, {});
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered()).toHaveLength(1);
  });

  it('forgets the phones at retention: ticket phones after their day, the log keeps the last digits after 30 days', () => {
    expect(t.app.db.prepare('SELECT count(*) AS n FROM ticket_contacts').get()).toEqual({ n: 2 });
    t.clock.advance(31 * 24 * 3600_000);
    t.app.hub.privacy.runRetention();
    expect(t.app.db.prepare('SELECT count(*) AS n FROM ticket_contacts').get()).toEqual({ n: 0 });
    expect(t.app.db.prepare("SELECT DISTINCT phone FROM notification_sends ORDER BY phone").all()).toEqual([{ phone: '***001' }, { phone: '***005' }, { phone: '***678' }]);
  });
});
