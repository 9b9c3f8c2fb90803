import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import { POSITION_PUSH_MS } from '../../src/services/track-service';
import { buildTestApp, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Track = Parameters<ServerToClientEvents['track:updated']>[0];

describe('trackers and rating tablets on a real port', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  const clients: Client[] = [];

  /** Connects; `listen` binds listeners before the handshake, like the screens' stores do. */
  function open(auth: Record<string, unknown>, cookie?: string, listen?: (s: Client) => void): Promise<{ socket: Client; error?: string }> {
    const s: Client = connect(url, { auth: { protocolVersion: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    clients.push(s);
    listen?.(s);
    return new Promise((resolve) => {
      s.once('connect', () => resolve({ socket: s }));
      s.once('connect_error', (err) => resolve({ socket: s, error: err.message }));
    });
  }
  async function tracker(trackingId: string): Promise<{ socket: Client; got: Track[]; office: string[] }> {
    const { socket, error } = await open({ role: 'tracker', trackingId });
    expect(error).toBeUndefined();
    const got: Track[] = [];
    const office: string[] = [];
    socket.on('track:updated', (p) => got.push(p));
    socket.onAny((event: string) => {
      if (event !== 'track:updated') office.push(event);
    });
    return { socket, got, office };
  }
  const issue = async (serviceId: number) => {
    const res = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId }) });
    return (await res.json()) as { trackingId: string; number: string };
  };
  const act = (cookie: string, path: string) => fetch(`${url}/api/counters/${path}`, { method: 'POST', headers: { cookie } });
  const until = async (check: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeEach(async () => {
    t = await buildTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  });

  it('a tracker receives the call of its own ticket only, and its new place in the queue', async () => {
    const a = await issue(1);
    const b = await issue(1);
    const c = await issue(1);
    const [ta, tb, tc] = [await tracker(a.trackingId), await tracker(b.trackingId), await tracker(c.trackingId)];
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);

    expect((await act(cookie, '1/call-next')).status).toBe(200);
    await until(() => ta.got.some((p) => p.call) && tc.got.length > 0);
    const call = ta.got.find((p) => p.call);
    expect(call).toMatchObject({ ticket: { number: 'A001', status: 'called', counterNumber: 1, counterName: 'Tư pháp – Hộ tịch' }, call: { counterNumber: 1, recall: false } });
    // The others move up, without a call and without anyone else's ticket.
    expect(tc.got.at(-1)?.ticket).toMatchObject({ number: 'A003', status: 'waiting', peopleAhead: 1 });
    await until(() => tb.got.length > 0);
    expect(tb.got.every((p) => p.call === undefined && p.ticket.number === 'A002')).toBe(true);
    expect(tb.got.at(-1)?.ticket).toMatchObject({ peopleAhead: 0, nearTurn: true });

    expect((await act(cookie, '1/recall')).status).toBe(200);
    await until(() => ta.got.some((p) => p.call?.recall));
    // Finish: the page learns it may now rate.
    expect((await act(cookie, '1/finish')).status).toBe(200);
    await until(() => ta.got.at(-1)?.ticket.status === 'done');
    expect(ta.got.at(-1)?.ticket.rating).toEqual({ scale: 3, open: true, rated: false });
    await new Promise((r) => setTimeout(r, POSITION_PUSH_MS * 2));
    expect(tb.got.filter((p) => p.call)).toEqual([]);
    // A change that moves nobody (a counter of another service opens; a ticket is issued behind) sends phones nothing.
    const before = t.app.hub.track.pushes();
    await staffAtCounter(t.app, 'canbo3', 3);
    // Trackers never join the office room: no issue, call or services pushes reach a phone.
    await issue(1);
    await new Promise((r) => setTimeout(r, POSITION_PUSH_MS * 2));
    expect([...ta.office, ...tb.office, ...tc.office]).toEqual([]);
    expect(t.app.hub.track.pushes()).toBe(before);
  });

  it('pushes a transfer to the tracker at once', async () => {
    const a = await issue(1);
    const ta = await tracker(a.trackingId);
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    const res = await fetch(`${url}/api/tickets/1/transfer`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 2 }) });
    expect(res.status).toBe(200);
    await until(() => ta.got.some((p) => p.ticket.serviceNameVi === 'Chứng thực'));
    expect(ta.got.at(-1)?.ticket).toMatchObject({ number: 'A001', status: 'waiting', peopleAhead: 0 });
  });

  it('refuses unknown or missing tracking ids, and every client event from a tracker', async () => {
    expect((await open({ role: 'tracker', trackingId: 'AAAAAAAAAAAAAAAA' })).error).toBe('TICKET_NOT_FOUND');
    expect((await open({ role: 'tracker' })).error).toBe('VALIDATION_FAILED');
    expect((await open({ role: 'tracker', trackingId: '../../etc' })).error).toBe('VALIDATION_FAILED');
    const a = await issue(1);
    const { socket } = await tracker(a.trackingId);
    const reply = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => socket.emit('queue:snapshot', resolve as never));
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.app.hub.track.followed()).toBe(1);
    socket.disconnect();
    await until(() => t.app.hub.track.followed() === 0);
  });

  it("the counter's rating tablet receives the finished ticket with the staff name, and closes it once rated", async () => {
    const admin = await login(t.app, 'admin');
    const tablet1 = await pairDevice(t.app, admin, 'rating', 'Đánh giá quầy 1');
    const tablet2 = await pairDevice(t.app, admin, 'rating', 'Đánh giá quầy 2');
    for (const [tab, counterId] of [[tablet1, 1], [tablet2, 2]] as const) {
      await t.app.inject({ method: 'PUT', url: `/api/admin/devices/${tab.id}/counter`, headers: { cookie: admin }, payload: { counterId } });
    }
    const s1 = (await open({ role: 'rating' }, tablet1.cookie)).socket;
    const s2 = (await open({ role: 'rating' }, tablet2.cookie)).socket;
    const got1: string[] = [];
    const got2: string[] = [];
    s1.onAny((e: string, p: { request?: { number: string } }) => e.startsWith('rating:') && got1.push(`${e} ${p.request?.number ?? ''}`));
    s2.onAny((e: string) => e.startsWith('rating:') && got2.push(e));
    const requested = new Promise<Parameters<ServerToClientEvents['rating:requested']>[0]>((resolve) => s1.once('rating:requested', resolve));

    const a = await issue(1);
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    await act(cookie, '1/call-next');
    await act(cookie, '1/finish');
    const { request } = await requested;
    expect(request).toMatchObject({ trackingId: a.trackingId, number: 'A001', counterNumber: 1, staffName: 'Nguyễn Văn An', serviceNameVi: 'Hộ tịch', scale: 3 });

    // A tablet that reconnects is offered the same ticket again.
    const offered = new Promise<string>((resolve) => void open({ role: 'rating' }, tablet1.cookie, (s) => s.once('rating:requested', (p) => resolve(p.request.number))));
    expect(await offered).toBe('A001');

    const closed = new Promise<string>((resolve) => s1.once('rating:closed', (p) => resolve(p.trackingId)));
    const res = await fetch(`${url}/api/ratings`, { method: 'POST', headers: { cookie: tablet1.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ trackingId: request.trackingId, level: 'satisfied' }) });
    expect(res.status).toBe(201);
    expect(await closed).toBe(a.trackingId);
    expect(got1).toEqual(['rating:requested A001', 'rating:closed ']);
    expect(got2).toEqual([]);
    const row = t.app.db.prepare('SELECT staff_id, counter_id, source FROM ratings').get();
    expect(row).toEqual({ staff_id: (t.app.db.prepare("SELECT id FROM users WHERE username = 'canbo1'").get() as { id: number }).id, counter_id: 1, source: 'device' });
  });
});
