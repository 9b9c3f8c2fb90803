import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import type { QueueSnapshot } from '@shared/schemas/queue';
import { buildTestApp, login, staffAtCounter } from '../helper';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('realtime pushes on a real port', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  const clients: Client[] = [];

  function client(auth: Record<string, unknown>, cookie?: string): Client {
    const s: Client = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    clients.push(s);
    return s;
  }
  const connected = (s: Client) =>
    new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
  const refused = (s: Client) => new Promise<Error>((resolve) => s.once('connect_error', resolve));
  const next = <E extends keyof ServerToClientEvents>(s: Client, event: E) =>
    new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve) => {
      s.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => resolve(payload)) as never);
    });

  beforeEach(async () => {
    t = await buildTestApp({ now: Date.now });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  });

  it('a display and a counter console receive the issue and the call after commit', async () => {
    const display = client({ role: 'display', protocolVersion: PROTOCOL_VERSION });
    await connected(display);
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    const consoleSocket = client({ role: 'counter', protocolVersion: PROTOCOL_VERSION, counterId: 1 }, cookie);
    await connected(consoleSocket);

    const issuedPush = next(display, 'ticket:issued');
    const servicesPush = next(display, 'services:updated');
    const res = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1, priorityGroup: 'pregnant' }) });
    expect(res.status).toBe(201);
    const issued = (await issuedPush).ticket;
    // A display learns that the ticket is a priority one, never which group (health data).
    expect(issued).toMatchObject({ number: 'A001', status: 'waiting', priority: true, priorityGroup: null });
    expect(issued).not.toHaveProperty('trackingId');
    expect((await servicesPush).services.find((s) => s.id === 1)?.waitingCount).toBe(1);
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 1 });

    const order: string[] = [];
    display.onAny((event: string) => order.push(event));
    const onDisplay = next(display, 'ticket:called');
    const onConsole = next(consoleSocket, 'ticket:called');
    const counterPush = next(display, 'counter:updated');
    const call = await fetch(`${url}/api/counters/1/call-next`, { method: 'POST', headers: { cookie } });
    expect(call.status).toBe(200);
    const [a, b, counter] = await Promise.all([onDisplay, onConsole, counterPush]);
    expect(a.call).toMatchObject({ number: 'A001', counterNumber: 1, counterName: 'Tư pháp – Hộ tịch', recall: false, priority: true, priorityGroup: null });
    expect(b.ticket.status).toBe('called');
    expect(counter.counter).toMatchObject({ id: 1, open: true, currentTicket: { number: 'A001' } });
    // The call goes out before the derived figures of the counter and the services.
    expect(order.slice(0, 2)).toEqual(['ticket:called', 'counter:updated']);

    await new Promise((r) => setTimeout(r, 20));
    const recall = next(display, 'ticket:called');
    await fetch(`${url}/api/counters/1/recall`, { method: 'POST', headers: { cookie } });
    const recalled = (await recall).call;
    expect(recalled.recall).toBe(true);
    // Announced at the time of the recall, not of the first call.
    expect(Date.parse(recalled.calledAt) - Date.parse(a.call.calledAt)).toBeGreaterThanOrEqual(20);

    // Calling the next one finishes A001: the new call goes out first, A001's update (re-read, "done") follows it.
    const issuedA002 = next(display, 'ticket:issued');
    await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 }) });
    // The screens hear of an issue just after the kiosk's reply (pushes are sent once the replies are written).
    await issuedA002;
    const seen: string[] = [];
    display.onAny((event: string, payload: { ticket?: { number: string; status: string } }) => seen.push(`${event}:${payload.ticket?.number ?? ''}:${payload.ticket?.status ?? ''}`));
    const finished = new Promise<void>((resolve) => display.on('ticket:updated', ({ ticket }) => ticket.number === 'A001' && resolve()));
    await fetch(`${url}/api/counters/1/call-next`, { method: 'POST', headers: { cookie } });
    await finished;
    expect(seen.filter((e) => e.startsWith('ticket:'))).toEqual(['ticket:called:A002:called', 'ticket:updated:A001:done']);
  });

  it('pushes queue:reset when an admin restarts numbering', async () => {
    const display = client({ role: 'display', protocolVersion: PROTOCOL_VERSION });
    await connected(display);
    const admin = await login(t.app, 'admin');
    const reset = next(display, 'queue:reset');
    const res = await fetch(`${url}/api/admin/reset-day`, { method: 'POST', headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect((await reset).businessDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('pushes office:updated when an admin changes the office settings', async () => {
    const display = client({ role: 'display', protocolVersion: PROTOCOL_VERSION });
    await connected(display);
    const admin = await login(t.app, 'admin');
    const updated = next(display, 'office:updated');
    const settings = { ...t.app.hub.queue.settings(), name: 'UBND phường Mới', languages: ['vi'] };
    const res = await fetch(`${url}/api/admin/settings`, { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(settings) });
    expect(res.status).toBe(200);
    expect((await updated).office).toMatchObject({ name: 'UBND phường Mới', languages: ['vi'] });
  });

  it('answers a snapshot request over the socket', async () => {
    const kiosk = client({ role: 'kiosk', protocolVersion: PROTOCOL_VERSION });
    await connected(kiosk);
    await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 3 }) });
    const reply = await new Promise<Ack<QueueSnapshot>>((resolve) => kiosk.emit('queue:snapshot', resolve));
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(reply.data.waiting.map((w) => w.number)).toEqual(['C001']);
      expect(reply.data.office.name).toBe('Trung tâm Phục vụ hành chính công phường Hòa Bình');
    }
  });

  it('refuses a counter console without a session, and malformed handshakes', async () => {
    expect((await refused(client({ role: 'counter', protocolVersion: PROTOCOL_VERSION, counterId: 1 }))).message).toBe('UNAUTHENTICATED');
    expect((await refused(client({ role: 'admin', protocolVersion: PROTOCOL_VERSION }))).message).toBe('VALIDATION_FAILED');
    expect((await refused(client({ role: 'display', protocolVersion: 999 }))).message).toBe('VALIDATION_FAILED');
    expect((await refused(client({ role: 'display', protocolVersion: PROTOCOL_VERSION, extra: 'x' }))).message).toBe('VALIDATION_FAILED');
  });
});

describe('day change met by a counter command', () => {
  it('pushes queue:reset after the command that closed yesterday', async () => {
    const t = await buildTestApp();
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await staffAtCounter(t.app, 'canbo1', 1);
    const display: Client = connect(url, { auth: { role: 'display', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      display.once('connect', () => resolve());
      display.once('connect_error', reject);
    });
    t.clock.advance(24 * 60 * 60 * 1000);
    const reset = new Promise<{ businessDay: string }>((resolve) => display.once('queue:reset', resolve));
    const cookie = await login(t.app, 'canbo1'); // yesterday's session has expired
    const res = await fetch(`${url}/api/counters/1/open`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await reset).businessDay).toBe('2026-11-24');
    display.disconnect();
    await t.close();
  });
});
