import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, login, TEST_PASSWORD } from '../helper';

describe('staff sign-in', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('signs in with an httpOnly SameSite=Strict cookie and knows who is signed in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo1', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 3, username: 'canbo1', fullName: 'Nguyễn Văn An', role: 'staff', counterId: null, mustChangePassword: false });
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `motcua_session=${cookie?.value}` } });
    expect(me.json().username).toBe('canbo1');
    // Only a hash of the token is stored.
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM sessions WHERE id = ?', cookie?.value)).toBe(0);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM sessions')).toBe(1);
  });

  it('refuses a wrong password or unknown user with the same answer', async () => {
    for (const payload of [
      { username: 'canbo1', password: 'sai' },
      { username: 'khong-co', password: TEST_PASSWORD },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Sai tên đăng nhập hoặc mật khẩu.' });
    }
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM sessions')).toBe(0);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(bad.statusCode).toBe(400);
  });

  it('logout ends the session and frees the counter, returning a called ticket to the queue', async () => {
    const cookie = await login(t.app, 'canbo2');
    await t.app.inject({ method: 'POST', url: '/api/counters/2/open', headers: { cookie } });
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 2 } });
    await t.app.inject({ method: 'POST', url: '/api/counters/2/call-next', headers: { cookie } });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM counters WHERE staff_id IS NOT NULL')).toBe(0);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'")).toBe(1);
  });

  it('expires a session after the idle timeout', async () => {
    const cookie = await login(t.app, 'canbo3');
    t.clock.advance(11 * 60 * 60 * 1000);
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('lets an admin reset the day: open tickets closed, numbering restarts', async () => {
    const admin = await login(t.app, 'admin');
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } });
    const reset = await t.app.inject({ method: 'POST', url: '/api/admin/reset-day', headers: { cookie: admin } });
    expect(reset.json()).toEqual({ businessDay: '2026-11-23' });
    expect(count(t.app, "SELECT COUNT(*) AS n FROM tickets WHERE status = 'cancelled'")).toBe(1);
    const again = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } });
    expect(again.json().number).toBe('A001');
    const snap = (await t.app.inject({ url: '/api/queue/snapshot' })).json();
    expect(snap.waiting.map((w: { number: string }) => w.number)).toEqual(['A001']);
  });
});
