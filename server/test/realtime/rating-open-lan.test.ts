import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import { buildTestApp, count, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('open LAN mode: an unpaired browser is a kiosk or a display, never a counter\'s rating tablet', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url = '';
  const clients: Client[] = [];

  /** Connects; records every push (event and payload as JSON) from before the handshake on. */
  function open(auth: Record<string, unknown>, cookie?: string): Promise<{ socket: Client; error?: string; heard: string[] }> {
    const s: Client = connect(url, { auth: { protocolVersion: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    clients.push(s);
    const heard: string[] = [];
    s.onAny((event: string, ...args: unknown[]) => heard.push(`${event} ${JSON.stringify(args)}`));
    return new Promise((resolve) => {
      s.once('connect', () => resolve({ socket: s, heard }));
      s.once('connect_error', (err) => resolve({ socket: s, error: err.message, heard }));
    });
  }

  beforeAll(async () => {
    t = await buildTestApp({ now: Date.now, settings: { openLan: true } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  });

  it('refuses an unpaired rating tablet; unpaired kiosks and displays never hear a tracking id; the paired tablet does', async () => {
    const admin = await login(t.app, 'admin');
    const tablet = await pairDevice(t.app, admin, 'rating', 'Đánh giá quầy 1');
    await t.app.inject({ method: 'PUT', url: `/api/admin/devices/${tablet.id}/counter`, headers: { cookie: admin }, payload: { counterId: 1 } });

    for (const auth of [{ role: 'rating', counterId: 1 }, { role: 'rating' }]) expect((await open(auth)).error, JSON.stringify(auth)).toBe('DEVICE_NOT_PAIRED');
    const kiosk = await open({ role: 'kiosk' });
    const display = await open({ role: 'display' });
    expect([kiosk.error, display.error]).toEqual([undefined, undefined]);
    const paired = await open({ role: 'rating' }, tablet.cookie);
    expect(paired.error).toBeUndefined();
    const requested = new Promise<string>((resolve) => paired.socket.once('rating:requested', (p) => resolve(p.request.trackingId)));

    const issued = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 }) });
    const { trackingId } = (await issued.json()) as { trackingId: string };
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    for (const step of ['call-next', 'finish']) expect((await fetch(`${url}/api/counters/1/${step}`, { method: 'POST', headers: { cookie: staff } })).status).toBe(200);
    expect(await requested).toBe(trackingId);
    await new Promise((r) => setTimeout(r, 400)); // the derived pushes (counters, services) are coalesced

    expect(kiosk.heard.length + display.heard.length).toBeGreaterThan(0);
    expect([...kiosk.heard, ...display.heard].filter((h) => h.includes(trackingId))).toEqual([]);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM ratings')).toBe(0);
  });
});
