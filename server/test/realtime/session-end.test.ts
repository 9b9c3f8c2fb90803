import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import { rooms } from '@shared/rooms';
import type { MonitorSnapshot } from '@shared/schemas/monitor';
import { dropEndedSessions } from '../../src/realtime/connection';
import { IDLE_TIMEOUT_MS } from '../../src/services/auth-service';
import { intakeBody } from '../dossier-helper';
import { addUser, buildTestApp, issue, login, staffAtCounter, TEST_PASSWORD } from '../helper';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A supervisor's console socket: what it received, and why it was dropped. */
interface Console {
  socket: Client;
  dossiers: string[];
  monitors: number;
  dropped: string | null;
  /** The answer to `monitor:watch` sent on connect. */
  watch: Ack<MonitorSnapshot> | null;
}

describe('ending a session ends its sockets (real port, socket.io-client)', { timeout: 60_000 }, () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  let offset = 0;
  const clients: Client[] = [];

  beforeEach(async () => {
    offset = 0;
    t = await buildTestApp({ now: () => Date.now() + offset });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  }, 60_000);

  /** A staff console without a counter (like the monitor screen), connected and, for a supervisor, watching. */
  async function open(cookie: string, watch = true): Promise<Console> {
    const socket: Client = connect(url, { auth: { role: 'counter', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    clients.push(socket);
    const c: Console = { socket, dossiers: [], monitors: 0, dropped: null, watch: null };
    socket.on('dossier:updated', ({ dossier }) => c.dossiers.push(dossier.code));
    socket.on('monitor:updated', () => (c.monitors += 1));
    socket.on('disconnect', (reason) => (c.dropped = reason));
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    if (watch) c.watch = await socket.timeout(5000).emitWithAck('monitor:watch');
    return c;
  }

  const post = (path: string, cookie: string, body: object = {}, method = 'POST') =>
    fetch(`${url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /**
   * After a session ended: a dossier is received and a ticket issued; the control console (another supervisor,
   * still signed in) gets both pushes, the ended ones none.
   */
  async function expectNoMorePushes(control: Console, ended: Console[]): Promise<void> {
    const before = ended.map((c) => ({ dossiers: c.dossiers.length, monitors: c.monitors }));
    const monitorsBefore = control.monitors;
    const clerk = await staffAtCounter(t.app, 'canbo1', 1);
    const res = await post('/api/dossiers', clerk, intakeBody());
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: string };
    await issue(t.app, 1);
    await expect.poll(() => control.dossiers.includes(code) && control.monitors > monitorsBefore, { timeout: 5000 }).toBe(true);
    expect(ended.map((c) => ({ dossiers: c.dossiers.length, monitors: c.monitors }))).toEqual(before);
  }

  async function supervisor(name: string) {
    const id = await addUser(t.app, name, 'supervisor');
    return { id, cookie: await login(t.app, name) };
  }

  /** A control supervisor's console that stays signed in, and the supervisor account whose session will end. */
  async function scene() {
    const control = await open((await supervisor('kiemtra')).cookie);
    return { control, v: await supervisor('giamsat2') };
  }

  const roomHas = async (room: string, userId: number) => (await t.app.io.in(room).fetchSockets()).some((s) => s.data.userId === userId);

  it('logout drops that session\'s sockets at once, and only that session\'s', async () => {
    const { control, v } = await scene();
    const otherSession = await login(t.app, 'giamsat2');
    const a = await open(v.cookie);
    const b = await open(otherSession);
    expect(a.watch?.ok).toBe(true);
    expect((await post('/api/auth/logout', v.cookie)).status).toBe(204);
    await expect.poll(() => a.dropped).toBe('io server disconnect');
    await expectNoMorePushes(control, [a]);
    expect(b.dropped).toBeNull();
    expect(b.dossiers.length).toBe(control.dossiers.length);
  });

  it('"sign out everywhere" drops every socket of the account', async () => {
    const { control, v } = await scene();
    const a = await open(v.cookie);
    const b = await open(await login(t.app, 'giamsat2'));
    expect((await post('/api/auth/logout-all', v.cookie)).status).toBe(204);
    await expect.poll(() => [a.dropped, b.dropped]).toEqual(['io server disconnect', 'io server disconnect']);
    await expectNoMorePushes(control, [a, b]);
    expect(await roomHas(rooms.user(v.id), v.id)).toBe(false);
  });

  it('a password change drops the account\'s other sessions\' sockets, not the one that changed it', async () => {
    const { control, v } = await scene();
    const here = await open(v.cookie);
    const elsewhere = await open(await login(t.app, 'giamsat2'));
    const res = await post('/api/auth/password', v.cookie, { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' });
    expect(res.status).toBe(200);
    await expect.poll(() => elsewhere.dropped).toBe('io server disconnect');
    await expectNoMorePushes(control, [elsewhere]);
    expect(here.dropped).toBeNull();
    expect(here.dossiers.length).toBe(control.dossiers.length);
  });

  it('an admin\'s password reset drops every socket of the account', async () => {
    const { control, v } = await scene();
    const a = await open(v.cookie);
    const admin = await login(t.app, 'admin');
    expect((await post(`/api/admin/users/${v.id}/password`, admin, { newPassword: 'dat-lai-2026' })).status).toBe(200);
    await expect.poll(() => a.dropped).toBe('io server disconnect');
    await expectNoMorePushes(control, [a]);
    // Connecting again with the old cookie is refused.
    await expect(open(v.cookie, false)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('deactivating the account drops its sockets', async () => {
    const { control, v } = await scene();
    const a = await open(v.cookie);
    const admin = await login(t.app, 'admin');
    const res = await post(`/api/admin/users/${v.id}`, admin, { fullName: 'Nghỉ việc', role: 'supervisor', active: false }, 'PUT');
    expect(res.status).toBe(200);
    await expect.poll(() => a.dropped).toBe('io server disconnect');
    await expectNoMorePushes(control, [a]);
    await expect(open(v.cookie, false)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('a role downgrade drops the sockets; the console reconnects as staff and loses the monitor room', async () => {
    const { control, v } = await scene();
    const a = await open(v.cookie);
    expect(await roomHas(rooms.supervisor(), v.id)).toBe(true);
    const admin = await login(t.app, 'admin');
    // A name change alone keeps the socket.
    expect((await post(`/api/admin/users/${v.id}`, admin, { fullName: 'Tên mới', role: 'supervisor', active: true }, 'PUT')).status).toBe(200);
    expect((await post(`/api/admin/users/${v.id}`, admin, { fullName: 'Tên mới', role: 'staff', active: true }, 'PUT')).status).toBe(200);
    await expect.poll(() => a.dropped).toBe('io server disconnect');
    // The session still holds: the console is back at once, as staff.
    const again = await open(v.cookie);
    expect(again.watch).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await roomHas(rooms.supervisor(), v.id)).toBe(false);
    await expectNoMorePushes(control, [a]);
    expect(again.monitors).toBe(0);
    expect(again.dossiers.length).toBeGreaterThan(0);
  });

  it('re-checks the session on every request: a request on a session gone from the database is refused and the socket dropped', async () => {
    const v = await supervisor('giamsat2');
    const a = await open(v.cookie);
    expect((await a.socket.timeout(5000).emitWithAck('queue:snapshot')).ok).toBe(true);
    t.app.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(v.id);
    expect(await a.socket.timeout(5000).emitWithAck('queue:snapshot')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await expect.poll(() => a.dropped).toBe('io server disconnect');
  });

  it('drops the sockets of a session that idled out', async () => {
    const v = await supervisor('giamsat2');
    const fresh = await supervisor('kiemtra');
    const a = await open(v.cookie);
    const b = await open(fresh.cookie);
    offset = IDLE_TIMEOUT_MS + 60_000;
    // A session used a moment ago stays.
    t.app.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE user_id = ?').run(Date.now() + offset, fresh.id);
    expect(dropEndedSessions(t.app, t.app.io)).toBe(1);
    await expect.poll(() => a.dropped).toBe('io server disconnect');
    expect(b.dropped).toBeNull();
  });
});
