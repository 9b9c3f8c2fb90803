import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_EVENT_TYPES } from '@shared/schemas/webhook-events';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';
import { Receiver, until } from '../outbox/receiver';

const FAST = { retryBaseMs: 40, retryMaxMs: 150, giveUpAfterMs: 60_000, timeoutMs: 2000, pollMs: 50 };

describe('webhooks: admin API, signed in-order delivery, retries, personal data', () => {
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
  // Each test's endpoints go with it, even when it failed half-way: the next test hears only its own.
  afterEach(async () => {
    for (const { id } of t.app.hub.repos.webhooks.all()) await t.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${id}`, headers: { cookie: admin } });
    t.app.hub.timing.giveUpAfterMs = FAST.giveUpAfterMs;
    rx.got.length = 0;
    rx.respond = () => 200;
  });

  const create = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: { cookie: admin }, payload });
  const deliveries = async (id: number) =>
    (await t.app.inject({ url: `/api/admin/webhooks/${id}/deliveries`, headers: { cookie: admin } })).json<{ deliveries: { id: number; status: string; attempts: number; lastCode: number | null; type: string; seq: number }[] }>().deliveries;

  it('refuses URLs other than https, loopback or listed LAN hosts, and bad bodies, writing nothing', async () => {
    for (const url of ['http://example.com/hook', 'ftp://127.0.0.1/x', 'http://10.0.0.5/hook', 'https://user:pw@example.com/']) {
      const res = await create({ url, events: ['ticket.issued'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe(url.startsWith('ftp') ? 'VALIDATION_FAILED' : 'WEBHOOK_URL_NOT_ALLOWED');
    }
    for (const payload of [{ url: rx.url, events: [] }, { url: rx.url, events: ['ticket.nope'] }, { url: rx.url }, { url: rx.url, events: ['ticket.issued'], x: 1 }]) {
      expect((await create(payload)).json().code).toBe('VALIDATION_FAILED');
    }
    expect(count(t.app, 'SELECT count(*) AS n FROM webhook_endpoints')).toBe(0);
    const lan = await t.app.inject({ method: 'PUT', url: '/api/admin/webhook-settings', headers: { cookie: admin }, payload: { lanHosts: ['10.0.0.5'] } });
    expect(lan.json()).toEqual({ lanHosts: ['10.0.0.5'] });
    const ok = await create({ url: 'http://10.0.0.5/hook', events: ['ticket.issued'], enabled: false });
    expect(ok.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${ok.json<{ id: number }>().id}`, headers: { cookie: admin } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/admin/webhooks/999', headers: { cookie: admin } })).json().code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('delivers the catalog events of real commands in order, signed (standardwebhooks verifier)', async () => {
    const res = await create({ url: rx.url, events: ['ticket.issued', 'ticket.called', 'counter.opened', 'ticket.finished'] });
    expect(res.statusCode).toBe(201);
    const { id, secret } = res.json<{ id: number; secret: string }>();
    expect(secret).toMatch(/^whsec_/);
    const list = (await t.app.inject({ url: '/api/admin/webhooks', headers: { cookie: admin } })).json<{ id: number; url: string }[]>();
    expect(list.find((w) => w.id === id)?.url).toBe(rx.url);

    const a = await issue(t.app, 1);
    const b = await issue(t.app, 1);
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } });
    await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } });
    await until(() => rx.got.length >= 6, 10_000, 'six deliveries');
    expect(rx.got.map((r) => r.json.type)).toEqual(['ticket.issued', 'ticket.issued', 'counter.opened', 'ticket.called', 'ticket.finished', 'ticket.called']);
    expect(rx.got.map((r) => r.json.data.number)).toEqual([a.body.number, b.body.number, undefined, a.body.number, a.body.number, b.body.number]);
    const seqs = rx.got.map((r) => r.json.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    const verifier = new Webhook(secret);
    for (const r of rx.got) {
      expect(r.headers['webhook-id']).toMatch(/^evt_/);
      expect(verifier.verify(r.body, r.headers as Record<string, string>)).toEqual(r.json);
    }
    expect(() => new Webhook(`whsec_${Buffer.from('wrong-secret-wrong-secret').toString('base64')}`).verify(rx.got[0]!.body, rx.got[0]!.headers as Record<string, string>)).toThrow();
    // Every catalog ticket change has exactly one outbox row (the same transaction wrote both).
    expect(count(t.app, "SELECT count(*) AS n FROM outbox_events WHERE type LIKE 'ticket.%'")).toBe(
      count(t.app, "SELECT count(*) AS n FROM ticket_events WHERE type IN ('issued','called','recalled','finished','no_show','transferred','cancelled')"),
    );
    const log = await deliveries(id);
    expect(log).toHaveLength(6);
    expect(log.every((d) => d.status === 'delivered' && d.lastCode === 200 && d.attempts === 1)).toBe(true);
    await t.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${id}`, headers: { cookie: admin } });
    expect(count(t.app, "SELECT count(*) AS n FROM outbox_deliveries WHERE consumer = ?", `webhook:${id}`)).toBe(0);
  });

  it('retries a 500 with back-off, dead-letters after the give-up time, replays on request', async () => {
    const { id, secret } = (await create({ url: rx.url, events: ['ticket.issued'] })).json<{ id: number; secret: string }>();
    let calls = 0;
    rx.respond = () => (++calls === 1 ? 500 : 200);
    await issue(t.app, 1);
    await until(() => rx.got.length === 2, 10_000, 'retry after the 500');
    expect(rx.got[0]!.headers['webhook-id']).toBe(rx.got[1]!.headers['webhook-id']);
    expect(new Webhook(secret).verify(rx.got[1]!.body, rx.got[1]!.headers as Record<string, string>)).toBeTruthy();
    await until(() => (t.app.db.prepare("SELECT status FROM outbox_deliveries WHERE consumer = ?").get(`webhook:${id}`) as { status: string }).status === 'delivered', 2000, 'delivered');
    const [d] = await deliveries(id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, lastCode: 200, type: 'ticket.issued' });

    // Dead-lettered: the give-up time passes while the receiver keeps failing; the next event still goes out.
    t.app.hub.timing.giveUpAfterMs = 100;
    rx.respond = (r) => (r.json.data.number === 'A004' ? 503 : 200);
    const first = await issue(t.app, 1);
    const second = await issue(t.app, 1);
    expect(first.body.number).toBe('A004');
    await until(() => rx.got.some((r) => r.json.data.number === second.body.number), 10_000, 'the next event after the dead one');
    t.app.hub.timing.giveUpAfterMs = FAST.giveUpAfterMs;
    const log = await deliveries(id);
    const dead = log.find((x) => x.status === 'dead');
    // Dead once the give-up time passed (on a loaded machine the first failure may already be past it).
    expect(dead).toMatchObject({ lastCode: 503 });
    expect(dead!.attempts).toBeGreaterThanOrEqual(1);
    rx.respond = () => 200;
    const before = rx.got.length;
    const replay = await t.app.inject({ method: 'POST', url: `/api/admin/webhooks/${id}/deliveries/${dead!.id}/replay`, headers: { cookie: admin } });
    expect(replay.statusCode).toBe(200);
    await until(() => rx.got.length > before, 10_000, 'the replay');
    expect(rx.got.at(-1)!.json.data.number).toBe('A004');
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/webhooks/${id}/deliveries/99999/replay`, headers: { cookie: admin } })).json().code).toBe('DELIVERY_NOT_FOUND');
    await t.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${id}`, headers: { cookie: admin } });
  });

  it('follows no redirect, answers a ping, rotates the secret', async () => {
    const { id, secret } = (await create({ url: rx.url, events: ['ticket.issued'] })).json<{ id: number; secret: string }>();
    const ping = await t.app.inject({ method: 'POST', url: `/api/admin/webhooks/${id}/ping`, headers: { cookie: admin } });
    expect(ping.json()).toEqual({ ok: true, code: 200, error: null });
    expect(rx.got[0]!.json.type).toBe('webhook.ping');
    expect(new Webhook(secret).verify(rx.got[0]!.body, rx.got[0]!.headers as Record<string, string>)).toBeTruthy();

    rx.respond = (r) => (r.path === '/hook' ? { status: 302, headers: { location: `http://127.0.0.1:${rx.port}/elsewhere` } } : 200);
    const moved = await t.app.inject({ method: 'POST', url: `/api/admin/webhooks/${id}/ping`, headers: { cookie: admin } });
    expect(moved.json()).toMatchObject({ ok: false, code: 302 });
    expect(rx.got.some((r) => r.path === '/elsewhere')).toBe(false);

    rx.respond = () => 200;
    const rotated = await t.app.inject({ method: 'POST', url: `/api/admin/webhooks/${id}/rotate-secret`, headers: { cookie: admin } });
    const fresh = rotated.json<{ secret: string }>().secret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    rx.got.length = 0;
    await issue(t.app, 1);
    await until(() => rx.got.length === 1, 10_000, 'delivery after rotation');
    expect(new Webhook(fresh).verify(rx.got[0]!.body, rx.got[0]!.headers as Record<string, string>)).toBeTruthy();
    // For a day the old secret signs too, so a receiver can switch without losing an event; then only the new one.
    expect(new Webhook(secret).verify(rx.got[0]!.body, rx.got[0]!.headers as Record<string, string>)).toBeTruthy();
    t.app.db.prepare('UPDATE webhook_endpoints SET previous_until = ? WHERE id = ?').run(Date.now() - 1, id);
    rx.got.length = 0;
    await issue(t.app, 1);
    await until(() => rx.got.length === 1, 10_000, 'delivery after the grace day');
    expect(rx.got[0]!.headers['webhook-signature']).not.toContain(' ');
    expect(new Webhook(fresh).verify(rx.got[0]!.body, rx.got[0]!.headers as Record<string, string>)).toBeTruthy();
    expect(() => new Webhook(secret).verify(rx.got[0]!.body, rx.got[0]!.headers as Record<string, string>)).toThrow();
    await t.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${id}`, headers: { cookie: admin } });
  });

  it('sends personal fields only to endpoints allowed them', async () => {
    const plain = (await create({ url: `${rx.url}?p=0`, events: ['dossier.received'] })).json<{ id: number }>();
    const personal = (await create({ url: `${rx.url}?p=1`, events: ['dossier.received'], personalData: true })).json<{ id: number }>();
    t.app.db.transaction(() =>
      t.app.hub.repos.events.publish('dossier.received', Date.now(), {
        dossierId: 1, code: 'X-1', procedureCode: 'P', procedureName: 'Thủ tục', fromStatus: null, status: 'received', receivedAt: null, dueAt: null,
        applicantName: 'Nguyễn Văn An', applicantPhone: '0912345678',
      }),
    )();
    await until(() => rx.got.length === 2, 10_000, 'both endpoints');
    const byPath = Object.fromEntries(rx.got.map((r) => [r.path, r.json.data]));
    expect(byPath['/hook?p=1']).toMatchObject({ applicantName: 'Nguyễn Văn An', applicantPhone: '0912345678' });
    expect(byPath['/hook?p=0']).not.toHaveProperty('applicantName');
    expect(byPath['/hook?p=0']).not.toHaveProperty('applicantPhone');
    expect(byPath['/hook?p=0']).toMatchObject({ code: 'X-1' });
    for (const w of [plain, personal]) await t.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${w.id}`, headers: { cookie: admin } });
  });

  it('publishes the catalog in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{ openapi: string; webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } } }> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks)).toEqual(WEBHOOK_EVENT_TYPES);
    expect(Object.keys(doc.webhooks['ticket.called']!.post.requestBody.content['application/json'].schema.properties)).toEqual(['type', 'timestamp', 'seq', 'data']);
  });
});
