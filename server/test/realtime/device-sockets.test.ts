import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_EVENT_ROLES, PROTOCOL_VERSION, type ClientRole } from '@shared/events';
import { buildTestApp, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';

describe('socket handshakes with pairing required', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  let admin: string;
  const sockets: Socket[] = [];

  const open = (role: string, cookie?: string, extra: Record<string, unknown> = {}) => {
    const s = connect(url, { auth: { role, protocolVersion: PROTOCOL_VERSION, ...extra }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    sockets.push(s);
    return new Promise<{ socket: Socket; error?: string }>((resolve) => {
      s.once('connect', () => resolve({ socket: s }));
      s.once('connect_error', (err) => resolve({ socket: s, error: err.message }));
    });
  };

  beforeEach(async () => {
    t = await buildTestApp({ now: Date.now, settings: { openLan: false } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await login(t.app, 'admin');
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await t.close();
  });

  it('accepts each screen only with the matching credentials', async () => {
    const display = await pairDevice(t.app, admin, 'display');
    const kiosk = await pairDevice(t.app, admin, 'kiosk');
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    const cases: [string, string | undefined, string | undefined][] = [
      ['display', undefined, 'DEVICE_NOT_PAIRED'],
      ['display', display.cookie, undefined],
      ['display', kiosk.cookie, 'FORBIDDEN'],
      ['kiosk', kiosk.cookie, undefined],
      ['rating', display.cookie, 'FORBIDDEN'],
      ['counter', display.cookie, 'UNAUTHENTICATED'],
      ['counter', staff, undefined],
    ];
    const results = [];
    for (const [role, cookie] of cases) results.push((await open(role, cookie, role === 'counter' ? { counterId: 1 } : {})).error);
    expect(results).toEqual(cases.map((c) => c[2]));
  });

  it('answers every client event only for the screens its table allows', async () => {
    // Trackers (phones, no credentials) are checked in track-rating-sockets.test.ts.
    const creds: Record<Exclude<ClientRole, 'tracker'>, string> = {
      kiosk: (await pairDevice(t.app, admin, 'kiosk')).cookie,
      display: (await pairDevice(t.app, admin, 'display')).cookie,
      rating: (await pairDevice(t.app, admin, 'rating')).cookie,
      counter: await staffAtCounter(t.app, 'canbo1', 1),
    };
    // `monitor:watch` also needs a supervisor or admin account behind the console (refusal of staff: reports/monitor.test.ts).
    const supervisor = await login(t.app, 'giamsat');
    for (const [event, allowed] of Object.entries(CLIENT_EVENT_ROLES)) {
      for (const role of Object.keys(creds) as (keyof typeof creds)[]) {
        const cred = event === 'monitor:watch' && role === 'counter' ? supervisor : creds[role];
        const { socket, error } = await open(role, cred, role === 'counter' && cred !== supervisor ? { counterId: 1 } : {});
        expect(error).toBeUndefined();
        const reply = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => socket.emit(event as 'queue:snapshot', resolve as never));
        expect(reply.ok, `${event} as ${role}`).toBe(allowed.includes(role));
        socket.disconnect();
      }
    }
  });

  it('disconnects unpaired screens when the office leaves open LAN mode', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), openLan: true });
    const display = await pairDevice(t.app, admin, 'display');
    const paired = await open('display', display.cookie);
    const unpaired = await open('display');
    expect([paired.error, unpaired.error]).toEqual([undefined, undefined]);
    const gone = new Promise<string>((resolve) => unpaired.socket.once('disconnect', resolve));
    const settings = { ...t.app.hub.queue.settings(), openLan: false };
    const res = await fetch(`${url}/api/admin/settings`, { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(settings) });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(paired.socket.connected).toBe(true);
  });

  it('disconnects a revoked display at once and refuses it afterwards', async () => {
    const display = await pairDevice(t.app, admin, 'display');
    const { socket, error } = await open('display', display.cookie);
    expect(error).toBeUndefined();
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await fetch(`${url}/api/admin/devices/${display.id}/revoke`, { method: 'POST', headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect((await open('display', display.cookie)).error).toBe('DEVICE_NOT_PAIRED');
  });
});
