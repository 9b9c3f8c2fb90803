import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared/events';
import { DEFAULT_DISPLAY } from '@shared/schemas/display';
import { buildTestApp, login } from '../helper';
import { pairDevice } from '../helper-devices';

describe('display configuration pushes', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let tv: Socket;

  beforeEach(async () => {
    t = await buildTestApp({ now: Date.now, settings: { openLan: false } });
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await login(t.app, 'admin');
    const { cookie } = await pairDevice(t.app, admin, 'display');
    tv = connect(url, { auth: { role: 'display', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    await new Promise<void>((resolve) => tv.once('connect', () => resolve()));
  });
  afterEach(async () => {
    tv.disconnect();
    await t.close();
  });

  it('pushes a saved configuration after commit, then its removal, to the paired TV', async () => {
    const admin = await login(t.app, 'admin');
    const updated = new Promise<{ display: { id: number; name: string; layout: string } }>((resolve) => tv.once('display:updated', resolve));
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/displays', headers: { cookie: admin }, payload: { ...DEFAULT_DISPLAY, name: 'Tầng 2', layout: 'area', counterIds: [3, 4] } });
    expect(res.statusCode).toBe(201);
    const pushed = (await updated).display;
    expect(pushed).toMatchObject({ id: 1, name: 'Tầng 2', layout: 'area', counterIds: [3, 4] });
    // The push carries what was committed.
    expect((t.app.db.prepare('SELECT name FROM displays WHERE id = ?').get(pushed.id) as { name: string }).name).toBe('Tầng 2');

    const removed = new Promise<{ id: number }>((resolve) => tv.once('display:removed', resolve));
    await t.app.inject({ method: 'DELETE', url: '/api/admin/displays/1', headers: { cookie: admin } });
    expect(await removed).toEqual({ id: 1 });
  });

  it('pushes nothing for a refused save', async () => {
    const admin = await login(t.app, 'admin');
    let pushes = 0;
    tv.on('display:updated', () => pushes++);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/displays', headers: { cookie: admin }, payload: { ...DEFAULT_DISPLAY, counterIds: [999] } });
    expect(res.statusCode).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    expect(pushes).toBe(0);
  });
});
